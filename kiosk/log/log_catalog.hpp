// The one catalog of log events: every line the kiosk logs has an id from here.
#pragma once

#include <span>
#include <string_view>

namespace kiosk {

enum class LogLevel { Debug, Info, Notice, Warning, Error, Critical };

enum class LogEvent {
    KioskStarted,
    KioskStopping,
    ConfigLoaded,
    ConfigInvalid,
    DisplayOpened,
    DisplayFailed,
    FontLoaded,
    FontMissing,
    FirstFrame,
    ContentLoaded,
    ContentInvalid,
    ScreenChanged,
    SessionStarted,
    SessionEnded,
    SessionTimedOut,
    StillThereShown,
    AccessibilityChanged,
    LanguageChanged,
    DeviceStateChanged,
    DeviceSimulated,
    ScreenshotWritten,
    DemoStep,
    PrinterOpened,
    ReceiptPrinted,
    ReceiptRefused,
    ReceiptPrintFailed,
    ReceiptRenderFailed,
    PrintTestPrinted,
    ContentOpened,
    ContentFellBack,
    ContentDamaged,
    PackInstalled,
    PackRefused,
    PackRolledBack,
    UsbPackFound,
    UsageDatabaseOpened,
    UsageDatabaseMovedAside,
    UsageDatabaseUnavailable,
    UsageEventsDropped,
    UsageWriteFailed,
    UsageRolledUp,
    UsageReportExported,
    VolunteerSignedIn,
    VolunteerSignedOut,
    VolunteerPinRejected,
    PinLockedOut,
    MaintainerPinRejected,
    MaintainerPinSet,
    VolunteerAdded,
    VolunteerDisabled,
    VolunteerEnabled,
    IdCardRead,
    IdCardReadFailed,
    IdCardNotAuthentic,
    OutboxCommitted,
    OutboxDelivered,
    OutboxAttemptFailed,
    OutboxNeedsAttention,
    NetworkStateChanged,
    OutboxRetryRequested,
    GatewayStarted,
    GatewayReceived,
    GatewayRefused,
    GatewayFaultInjected,
    ProcedureCatalogInvalid,
    LessonStarted,
    LessonCompleted,
    LessonContentInvalid,
    AudioFailed,
    VideoFailed,
    ImageUnreadable,
    ImageDownscaled,
    UsbExportSaved,
    UsbExportFailed,
    ProcedureSearchChosen,
    IdCardNeedsDates,
    ScreenDimmed,
    ScreenBlanked,
    ScreenWoke,
    BacklightUnavailable,
    DisplayIdleWait,
    DisplayPowerSet,
    DisplayPowerUnavailable,
    VolunteerCalled,
    DeviceNotConnected,
    UsbBusWatch,
    CardReaderOpened,
    CardReaderChosen,
    StoreFailing,
    StoreDamaged,
    StoreRecovered,
    StoreMovedAside,
    OutboxCommitFailed,
    OutboxDossiersLost,
    DataPartitionChanged,
    FleetReportFailed,
    FleetReportsResumed,
    FleetAggregateRefused,
    GuidanceVolumeChanged,
    Count
};

struct LogEventInfo {
    LogEvent event;
    int code; // stable number, shown as KIOSK-<code>
    LogLevel level;
    std::string_view name; // snake_case id used in the JSON line
    std::string_view meaning;
    std::string_view action; // what a maintainer should do, or "none"
};

std::span<const LogEventInfo> logCatalog();
const LogEventInfo& logEventInfo(LogEvent event);
std::string_view logLevelName(LogLevel level);

// The Markdown log dictionary (docs/log-events.md) generated from the catalog.
std::string logDictionaryMarkdown();

} // namespace kiosk
