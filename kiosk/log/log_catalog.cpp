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
    {LogEvent::FirstFrame, 1024, LogLevel::Info, "first_frame",
     "The first frame was presented; `since_start_ms` counts from process start.", "none"},
    {LogEvent::ContentLoaded, 1030, LogLevel::Info, "content_loaded",
     "Procedures, lists and categories were loaded from the active content.", "none"},
    {LogEvent::ContentInvalid, 1031, LogLevel::Error, "content_invalid",
     "The active content could not be loaded; the kiosk shows its maintenance screen.",
     "Install a good content pack or roll back to the previous one (kioskctl pack rollback)."},
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
    {LogEvent::PrinterOpened, 2000, LogLevel::Notice, "printer_opened",
     "A receipt printer (USB or simulated) was chosen; the fields name its profile.",
     "If the profile is wrong for the model, set [devices] printer_profile."},
    {LogEvent::ReceiptPrinted, 2001, LogLevel::Info, "receipt_printed",
     "A receipt or take-home sheet was printed.", "none"},
    {LogEvent::ReceiptRefused, 2002, LogLevel::Warning, "receipt_refused",
     "The printer could not print (no paper, cover open, offline, error); the job is held.",
     "Load paper or close the cover, then reprint from the kiosk screen."},
    {LogEvent::ReceiptPrintFailed, 2003, LogLevel::Error, "receipt_print_failed",
     "The printer connection broke during a job; the job is held and the printer is reopened.",
     "Check the USB cable and the printer power; see the error field."},
    {LogEvent::ReceiptRenderFailed, 2004, LogLevel::Error, "receipt_render_failed",
     "A receipt could not be rendered (font missing, QR payload too long).",
     "Check [paths] font_regular / font_bold and the error field."},
    {LogEvent::PrintTestPrinted, 2005, LogLevel::Info, "print_test_printed",
     "kioskctl print-test sent the test page.", "none"},
    {LogEvent::ContentOpened, 3000, LogLevel::Info, "content_opened",
     "The installed content pack was verified at startup and is served.", "none"},
    {LogEvent::ContentFellBack, 3001, LogLevel::Error, "content_fell_back",
     "The active content version failed its check (damaged storage); the previous version "
     "is active again.",
     "Reinstall the newest content pack from a USB stick; check the storage card if it recurs."},
    {LogEvent::ContentDamaged, 3002, LogLevel::Critical, "content_damaged",
     "Neither the active nor the previous content version verifies; no procedures are shown.",
     "Install a content pack from a USB stick (kioskctl pack install) and check the storage."},
    {LogEvent::PackInstalled, 3010, LogLevel::Notice, "pack_installed",
     "A signed content pack was verified and installed; it is shown from the next session.",
     "none"},
    {LogEvent::PackRefused, 3011, LogLevel::Warning, "pack_refused",
     "A content pack was refused (bad signature, damaged, older, too large, disk full...); "
     "the installed content is unchanged.",
     "Read the reason; get a freshly built and signed pack with a higher sequence number."},
    {LogEvent::PackRolledBack, 3012, LogLevel::Notice, "pack_rolled_back",
     "A maintainer switched the content back to the previous version.",
     "Publish a fixed pack with a higher sequence number."},
    {LogEvent::UsbPackFound, 3020, LogLevel::Info, "usb_pack_found",
     "A content pack file (*.kpack) was found on the inserted USB stick.", "none"},
    {LogEvent::UsageDatabaseOpened, 5000, LogLevel::Info, "usage_database_opened",
     "The anonymous usage database was opened (or created).", "none"},
    {LogEvent::UsageDatabaseMovedAside, 5001, LogLevel::Error, "usage_database_moved_aside",
     "The usage database was unreadable or corrupt; it was renamed with a timestamp and a fresh "
     "one started. Usage figures before this moment are missing from reports.",
     "Check the SD card and power supply; copy the moved-aside file off for inspection, then "
     "delete it."},
    {LogEvent::UsageDatabaseUnavailable, 5002, LogLevel::Error, "usage_database_unavailable",
     "No usage database could be opened or created; usage events are dropped, the kiosk keeps "
     "serving.",
     "Check that the data directory exists, is writable by the kiosk user and the disk is not "
     "full."},
    {LogEvent::UsageEventsDropped, 5003, LogLevel::Warning, "usage_events_dropped",
     "Usage events were dropped (queue full or a batch could not be written).",
     "If it repeats, check the disk and the usage_write_failed lines."},
    {LogEvent::UsageWriteFailed, 5004, LogLevel::Error, "usage_write_failed",
     "A batch of usage events could not be written.",
     "Check free space on the data partition and the SD card's health."},
    {LogEvent::UsageRolledUp, 5005, LogLevel::Debug, "usage_rolled_up",
     "Raw usage events of complete days were folded into daily counts and old raw rows purged.",
     "none"},
    {LogEvent::UsageReportExported, 5006, LogLevel::Info, "usage_report_exported",
     "A usage report was produced (screen, CSV or printed summary).", "none"},
    {LogEvent::VolunteerSignedIn, 5010, LogLevel::Info, "volunteer_signed_in",
     "A volunteer signed in to assisted mode (logged by pseudonymous id only).", "none"},
    {LogEvent::VolunteerSignedOut, 5011, LogLevel::Info, "volunteer_signed_out",
     "A volunteer left assisted mode (by hand, inactivity or the session limit).", "none"},
    {LogEvent::VolunteerPinRejected, 5012, LogLevel::Warning, "volunteer_pin_rejected",
     "A wrong volunteer PIN was entered.",
     "If it repeats for one volunteer, ask them; reset their PIN with kioskctl volunteer add."},
    {LogEvent::PinLockedOut, 5013, LogLevel::Warning, "pin_locked_out",
     "Too many wrong PINs: sign-in is locked for a while, doubling with each further failure.",
     "Wait for the lockout to end; repeated lockouts may mean someone is guessing PINs."},
    {LogEvent::MaintainerPinRejected, 5014, LogLevel::Warning, "maintainer_pin_rejected",
     "A wrong maintainer PIN was entered.", "none, unless it repeats"},
    {LogEvent::MaintainerPinSet, 5015, LogLevel::Notice, "maintainer_pin_set",
     "The maintainer PIN was set or changed.", "none"},
    {LogEvent::VolunteerAdded, 5016, LogLevel::Notice, "volunteer_added",
     "A volunteer was added (or their PIN reset).", "none"},
    {LogEvent::VolunteerDisabled, 5017, LogLevel::Notice, "volunteer_disabled",
     "A volunteer was disabled and can no longer sign in.", "none"},
    {LogEvent::VolunteerEnabled, 5018, LogLevel::Notice, "volunteer_enabled",
     "A disabled volunteer was enabled again.", "none"},
    {LogEvent::IdCardRead, 2100, LogLevel::Info, "id_card_read",
     "A chip ID card was read (access protocol, passive and active authentication outcomes, "
     "`authenticity` genuine only when the chip passed Active Authentication, APDUs, bytes, "
     "milliseconds; never its contents).",
     "none"},
    {LogEvent::IdCardReadFailed, 2101, LogLevel::Notice, "id_card_read_failed",
     "Reading a chip ID card failed; `reason` is wrong_access_key, card_removed, no_card, "
     "reader_unplugged, unsupported or malformed.",
     "Repeated card_removed: check the reader's position; unsupported or malformed on many cards: "
     "report the reader model and `kioskctl card read` output."},
    {LogEvent::IdCardNotAuthentic, 2102, LogLevel::Warning, "id_card_not_authentic",
     "A card's security object did not verify (bad signature or a data group that does not match "
     "its hash; its data was not trusted), or its chip failed Active Authentication "
     "(`active_auth` failed: a copied chip).",
     "If it happens with many cards, check the CSCA trust store; otherwise the card may be "
     "damaged or forged."},
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
     "A volunteer or maintainer asked for every queued dossier to be sent now.", "none"},
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
    {LogEvent::LessonStarted, 7000, LogLevel::Info, "lesson_started",
     "A resident opened a digital-skills lesson (`lesson` is the lesson id).", "none"},
    {LogEvent::LessonCompleted, 7001, LogLevel::Info, "lesson_completed",
     "A resident reached the end of a lesson (`lesson` is the lesson id).", "none"},
    {LogEvent::LessonContentInvalid, 7002, LogLevel::Error, "lesson_content_invalid",
     "The lessons of the active content pack could not be loaded; `reason` lists every problem "
     "as file, JSON path and what is wrong. The lesson list stays empty.",
     "Fix the lesson files named in `reason` and publish a new content pack."},
    {LogEvent::AudioFailed, 7003, LogLevel::Warning, "audio_failed",
     "Spoken guidance could not be played (no clip, speech synthesis or audio device failed).",
     "Check the speaker and the espeak-ng-data package; add recorded clips under audio/<lang>/."},
    {LogEvent::VideoFailed, 7004, LogLevel::Warning, "video_failed",
     "A lesson video could not be opened or decoded.",
     "Re-encode the clip (H.264 or VP9, small resolution) and publish a new content pack."},
    {LogEvent::ImageUnreadable, 7010, LogLevel::Warning, "image_unreadable",
     "A picture of the content pack could not be shown (missing, not PNG/JPEG, or corrupt); a "
     "grey placeholder stands in. `image` is its path in the pack; logged once per picture.",
     "Run `kioskctl procedures check` on the pack source, re-render the picture "
     "(content/images-src/render.sh) and publish a new content pack."},
    {LogEvent::ImageDownscaled, 7011, LogLevel::Notice, "image_downscaled",
     "A picture larger than the kiosk keeps in memory was scaled down when loaded (`image`, "
     "its `width` and `height`).",
     "Make the picture smaller in the content pack to save loading time."},
    {LogEvent::UsbExportSaved, 5030, LogLevel::Info, "usb_export_saved",
     "The kiosk-usb-export helper saved a usage report (small counts suppressed) on the USB "
     "stick and remounted it read-only.",
     "none"},
    {LogEvent::UsbExportFailed, 5031, LogLevel::Warning, "usb_export_failed",
     "A usage report could not be saved on the USB stick; `outcome` says why: no_stick, "
     "stick_full, write_failed, bad_request, report_failed, or no_helper (nobody answered).",
     "no_helper: check `systemctl status kiosk-usb-export.path kiosk-usb-export.service`. "
     "stick_full or write_failed: try another stick (FAT32 or exFAT)."},
    {LogEvent::ProcedureSearchChosen, 2110, LogLevel::Info, "procedure_search_chosen",
     "A resident chose a procedure from the search results (`rank`: its place in the list, "
     "1 = first; `results`: how many were listed). What was typed is never logged.",
     "Many high ranks suggest adding `keywords` to the procedure files."},
    {LogEvent::IdCardNeedsDates, 2111, LogLevel::Info, "id_card_needs_dates",
     "The chip card does not open with the ID number alone (no PACE): the resident is asked "
     "for the date of birth and the card's expiry date to open it with BAC.",
     "none"},
    {LogEvent::ScreenDimmed, 1040, LogLevel::Info, "screen_dimmed",
     "No touch for [display] dim_after_s with no session running: the screen is dimmed.", "none"},
    {LogEvent::ScreenBlanked, 1041, LogLevel::Info, "screen_blanked",
     "No touch for [display] blank_after_s: the screen is black and the kiosk idles.", "none"},
    {LogEvent::ScreenWoke, 1042, LogLevel::Info, "screen_woke",
     "A touch woke the dimmed or blank screen (that touch pressed nothing).", "none"},
    {LogEvent::BacklightUnavailable, 1043, LogLevel::Warning, "backlight_unavailable",
     "[display] backlight_dir cannot be read or written; only the picture is dimmed.",
     "Check the path (ls /sys/class/backlight) and that 60-kiosk-backlight.rules is installed."},
    {LogEvent::DisplayIdleWait, 1044, LogLevel::Info, "display_idle_wait",
     "How the idle kiosk sleeps on this video `driver`: `sdl_wait` (SDL blocks by itself: x11, "
     "wayland) or `poll_input` (kmsdrm, offscreen: the kiosk waits on the `input_devices` "
     "/dev/input nodes and its workers' wake-ups, so an idle screen costs no CPU).",
     "If `input_devices` is 0 on a kiosk, add its user to the input group: touches could not "
     "be read by SDL either."},
    {LogEvent::DisplayPowerSet, 1045, LogLevel::Info, "display_power_set",
     "The panel was switched `state` off or on through the display connector's DPMS (KMS/DRM).",
     "none"},
    {LogEvent::DisplayPowerUnavailable, 1046, LogLevel::Warning, "display_power_unavailable",
     "The panel cannot be switched off through KMS/DRM DPMS (`reason`); a blank screen only "
     "shows black.",
     "Check that the kiosk runs on the kmsdrm video driver and may open /dev/dri/card0 "
     "(video group)."},
    {LogEvent::VolunteerCalled, 5019, LogLevel::Notice, "volunteer_called",
     "A resident pressed \"Gọi tình nguyện viên\" on the Help screen: the kiosk chimed and the "
     "volunteer tools show the call.",
     "A volunteer goes to the kiosk; many calls with nobody answering: staff the help desk."},
    {LogEvent::DeviceNotConnected, 1202, LogLevel::Warning, "device_not_connected",
     "The printer or card reader set to auto is not plugged in; the kiosk runs without it "
     "(no simulated device) and connects it as soon as it is plugged in.",
     "Plug in the device; check the cable and `lsusb`."},
    {LogEvent::UsbBusWatch, 1203, LogLevel::Info, "usb_bus_watch",
     "How the kiosk hears a USB printer or reader plugged in or pulled out: `watching` true = "
     "through the device nodes under /dev/bus/usb, at once and without waking an idle kiosk; "
     "false = by looking every `poll_ms`. A connected device is asked for its state that often "
     "either way.",
     "watching false: check that /dev is devtmpfs and /dev/bus/usb exists."},
    {LogEvent::CardReaderOpened, 2130, LogLevel::Notice, "card_reader_opened",
     "A card reader (USB or simulated) was opened; the fields name its USB id and interface.",
     "If a device stays disconnected, check its cable; see docs/hardware-testing.md."},
    {LogEvent::CardReaderChosen, 2131, LogLevel::Info, "card_reader_chosen",
     "Several smart-card interfaces were on the bus; the field `reason` says why this one was "
     "chosen (quirk table, descriptor, or the ICAO application answered).",
     "none"},
    {LogEvent::StoreFailing, 8100, LogLevel::Error, "storage_fault",
     "A database could not be read or written (`fault`: full, read_only, no_access, io_error, "
     "busy). The file stays where it is and the kiosk retries with backoff; logged once per "
     "change. For the outbox, residents are sent to the phone hand-off meanwhile.",
     "full: free space on the data partition; read_only: the card was remounted read-only "
     "after an error, replace it; no_access: check the owner (kiosk) of /var/lib/kiosk; "
     "io_error: the SD card is failing, replace it."},
    {LogEvent::StoreDamaged, 8101, LogLevel::Critical, "storage_damaged",
     "A database failed PRAGMA quick_check or SQLite reported corruption. The outbox and the "
     "gateway store are left untouched and refuse new dossiers; the usage and volunteer "
     "databases are moved aside and started afresh.",
     "Copy the data directory off the kiosk before anything else; for the outbox, the pending "
     "dossiers may be recoverable (sqlite3 .recover)."},
    {LogEvent::StoreRecovered, 8102, LogLevel::Notice, "storage_recovered",
     "A database that had failed works again (`after`: the fault it had).", "none"},
    {LogEvent::StoreMovedAside, 8103, LogLevel::Error, "storage_moved_aside",
     "A corrupt database was renamed with a timestamp and a fresh one started (volunteers: "
     "PINs must be set again).",
     "Check the SD card and power supply; set the maintainer PIN again (kioskctl "
     "maintainer-pin set) if the volunteer database was moved."},
    {LogEvent::OutboxCommitFailed, 8104, LogLevel::Error, "outbox_commit_failed",
     "A dossier could not be stored; the resident was told so and offered the phone hand-off "
     "and a volunteer. Nothing was acknowledged.",
     "See the storage_fault line before it."},
    {LogEvent::OutboxDossiersLost, 8105, LogLevel::Critical, "outbox_dossiers_lost",
     "The outbox holds fewer dossiers than the reference ledger says were committed: its WAL "
     "or file was deleted or rolled back. `lost` dossiers were acknowledged to residents and "
     "are gone; references never repeat.",
     "Find the receipts of the day (the ledger's references) and call the residents; check "
     "who or what deleted files under /var/lib/kiosk."},
    {LogEvent::DataPartitionChanged, 8106, LogLevel::Warning, "data_partition_changed",
     "The data partition changed state (`state`: ok, low_space, full, read_only, missing).",
     "low_space/full: free space or fit a larger card; read_only: the card failed, replace it."},
    {LogEvent::FleetReportFailed, 4010, LogLevel::Notice, "fleet_report_failed",
     "The heartbeat or a daily usage aggregate did not reach the commune's gateway (`report`, "
     "`reason`); logged once until reports get through again. Aggregates wait and are sent "
     "oldest first.",
     "If it persists, check the network, [gateway] url and the kiosk credential."},
    {LogEvent::FleetReportsResumed, 4011, LogLevel::Notice, "fleet_reports_resumed",
     "Heartbeats and aggregates reach the gateway again (`aggregates`: days sent now).", "none"},
    {LogEvent::FleetAggregateRefused, 4012, LogLevel::Error, "fleet_aggregate_refused",
     "The gateway refused a day's usage aggregate for good (`day`, `reason`); that day is "
     "skipped so later days are not held up.",
     "Check that the kiosk and the gateway run compatible versions."},
    {LogEvent::GuidanceVolumeChanged, 7005, LogLevel::Info, "guidance_volume_changed",
     "A volunteer set the spoken guidance volume (`percent`); `saved` is false when the assist "
     "database could not keep it (it applies until the kiosk restarts).",
     "If `saved` is false, see the storage_fault lines of the assist database."},
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
