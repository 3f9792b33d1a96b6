// Catalog rows: code, level, name, meaning and maintainer action of every log event.
#include "kiosk/log/log_catalog.hpp"

#include <array>
#include <string>

namespace kiosk {
namespace {

constexpr std::array<LogEventInfo, static_cast<std::size_t>(LogEvent::Count)> kCatalog{{
    {LogEvent::KioskStarted, 1000, LogLevel::Notice, "kiosk_started", "The kiosk program started.",
     "none"},
    {LogEvent::KioskStopping, 1001, LogLevel::Notice, "kiosk_stopping",
     "The kiosk is shutting down cleanly (SIGTERM or end of a headless run).", "none"},
    {LogEvent::ConfigLoaded, 1010, LogLevel::Info, "config_loaded",
     "The configuration file was read (or the built-in defaults are used).", "none"},
    {LogEvent::ConfigInvalid, 1011, LogLevel::Error, "config_invalid",
     "The configuration file has an error; the kiosk shows its maintenance screen.",
     "Fix the file, line and key named in the message, then restart the kiosk."},
    {LogEvent::DisplayOpened, 1020, LogLevel::Info, "display_opened",
     "The window and renderer were created.", "none"},
    {LogEvent::DisplayFailed, 1021, LogLevel::Critical, "display_failed",
     "No display or renderer could be opened.",
     "Check the display cable and the SDL video driver (KMS/DRM on a kiosk)."},
    {LogEvent::FontLoaded, 1022, LogLevel::Debug, "font_loaded",
     "Fonts were rasterised for the current text size.", "none"},
    {LogEvent::FontMissing, 1023, LogLevel::Error, "font_missing",
     "A configured font file is missing; a fallback font without Vietnamese is used.",
     "Install fonts-noto-core or fix [paths] font_regular / font_bold."},
    {LogEvent::ScreenChanged, 1100, LogLevel::Debug, "screen_changed",
     "The session moved to another screen.", "none"},
    {LogEvent::SessionStarted, 1101, LogLevel::Info, "session_started",
     "A resident started a session by touching the home screen.", "none"},
    {LogEvent::SessionEnded, 1102, LogLevel::Info, "session_ended",
     "A session ended and everything entered in it was wiped.", "none"},
    {LogEvent::SessionTimedOut, 1103, LogLevel::Info, "session_timed_out",
     "Nobody answered the \"Are you still there?\" countdown; the session was wiped.", "none"},
    {LogEvent::StillThereShown, 1104, LogLevel::Debug, "still_there_shown",
     "The inactivity countdown appeared.", "none"},
    {LogEvent::AccessibilityChanged, 1105, LogLevel::Debug, "accessibility_changed",
     "The resident changed text size or contrast.", "none"},
    {LogEvent::LanguageChanged, 1106, LogLevel::Debug, "language_changed",
     "The resident switched the language.", "none"},
    {LogEvent::DeviceStateChanged, 1200, LogLevel::Notice, "device_state_changed",
     "A printer, card reader or the network changed state.",
     "If a device stays disconnected or in error, check its cable and paper."},
    {LogEvent::DeviceSimulated, 1201, LogLevel::Warning, "device_simulated",
     "No real device was found (or --sim was given); a simulated one is used.",
     "On a deployed kiosk, plug in the printer or card reader."},
    {LogEvent::ScreenshotWritten, 1300, LogLevel::Info, "screenshot_written",
     "A screen was rendered to a PNG file (--screenshots).", "none"},
    {LogEvent::DemoStep, 1301, LogLevel::Info, "demo_step", "One step of the scripted --demo walk.",
     "none"},
    {LogEvent::OutboxCommitted, 4000, LogLevel::Info, "outbox_committed",
     "A dossier was sealed and durably stored in the outbox before any network attempt.", "none"},
    {LogEvent::OutboxDelivered, 4001, LogLevel::Info, "outbox_delivered",
     "The gateway acknowledged a dossier; its ciphertext was deleted from the kiosk.", "none"},
    {LogEvent::OutboxAttemptFailed, 4002, LogLevel::Notice, "outbox_attempt_failed",
     "A delivery attempt failed; the dossier stays queued and is retried with backoff.",
     "If it persists, check the network and the gateway URL ([gateway] url)."},
    {LogEvent::OutboxNeedsAttention, 4003, LogLevel::Error, "outbox_needs_attention",
     "The gateway refused a dossier for good (credentials, TLS, or a rejected body).",
     "Check the kiosk credential, CA file and clock, then run `kioskctl outbox retry`."},
    {LogEvent::NetworkStateChanged, 4004, LogLevel::Notice, "network_state_changed",
     "The gateway became reachable or unreachable.", "none"},
    {LogEvent::OutboxRetryRequested, 4005, LogLevel::Notice, "outbox_retry_requested",
     "A maintainer asked for every queued dossier to be sent now.", "none"},
    {LogEvent::GatewayStarted, 4050, LogLevel::Notice, "gateway_started",
     "The reference gateway is listening.", "none"},
    {LogEvent::GatewayReceived, 4051, LogLevel::Info, "gateway_received",
     "The reference gateway stored a dossier (or answered a replay of one).", "none"},
    {LogEvent::GatewayRefused, 4052, LogLevel::Warning, "gateway_refused",
     "The reference gateway refused a request (signature, body, or decryption).",
     "Check the kiosk's id, secret and the gateway's key pair."},
    {LogEvent::GatewayFaultInjected, 4053, LogLevel::Notice, "gateway_fault_injected",
     "The reference gateway misbehaved on purpose (test fault injection).", "none"},
    {LogEvent::ProcedureCatalogInvalid, 4060, LogLevel::Error, "procedure_catalog_invalid",
     "A procedure, list or category file in the content pack has errors.",
     "Run `kioskctl procedures check DIR` and fix the file and JSON path it names."},
}};

} // namespace

std::span<const LogEventInfo> logCatalog() {
    return kCatalog;
}

const LogEventInfo& logEventInfo(LogEvent event) {
    return kCatalog[static_cast<std::size_t>(event)];
}

std::string_view logLevelName(LogLevel level) {
    switch (level) {
    case LogLevel::Debug:
        return "debug";
    case LogLevel::Info:
        return "info";
    case LogLevel::Notice:
        return "notice";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Error:
        return "error";
    case LogLevel::Critical:
        return "critical";
    }
    return "info";
}

std::string logDictionaryMarkdown() {
    std::string out;
    out += "# Log dictionary\n\n";
    out +=
        "Generated from `kiosk/log/log_catalog.cpp` by `kioskctl log-dictionary`; do not edit.\n";
    out +=
        "Every log line is one JSON object with `ts`, `level`, `code`, `event` and typed fields.\n";
    out +=
        "No line ever carries a resident's name, ID number, date of birth, phone or address.\n\n";
    out += "| code | level | event | meaning | what to do |\n";
    out += "|---|---|---|---|---|\n";
    for (const LogEventInfo& info : kCatalog) {
        out += "| KIOSK-" + std::to_string(info.code) + " | " +
               std::string(logLevelName(info.level)) + " | `" + std::string(info.name) + "` | " +
               std::string(info.meaning) + " | " + std::string(info.action) + " |\n";
    }
    return out;
}

} // namespace kiosk
