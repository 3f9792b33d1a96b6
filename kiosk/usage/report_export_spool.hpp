// The kiosk's half of saving a report on the USB stick: the file and a request go into a spool
// folder that the root helper (systemd/kiosk-usb-export) watches, and its answer comes back as
// a result file. The kiosk never mounts, remounts or writes the stick itself.
#pragma once

#include "drivers/common/result.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// <dataDir>/usb-export; kiosk-usb-export.path watches /var/lib/kiosk/usb-export/request.
std::filesystem::path usbExportSpoolPath(const std::filesystem::path& dataDir);

// What became of a request. NoHelper: nobody answered in time (helper not installed, or stuck);
// ReportFailed: the kiosk could not build or spool the file (never written by the helper).
enum class UsbExportOutcome {
    Saved,
    NoStick,
    StickFull,
    WriteFailed,
    BadRequest,
    NoHelper,
    ReportFailed
};

// The word the helper writes in the result file, also the log token.
std::string_view usbExportOutcomeName(UsbExportOutcome outcome);

struct UsbExportResult {
    UsbExportOutcome outcome = UsbExportOutcome::NoHelper;
    // Saved: where on the stick ("kiosk-reports/kiosk-report-….csv"); else a system reason, if any.
    std::string detail;
};

// Puts `contents` into <spool>/outgoing/<fileName>, then the request (both written atomically,
// any earlier request and answer cleared). Returns the request's id. `fileName` is a plain
// name: letters, digits, '.', '_' and '-', ending in ".csv".
Result<std::string> requestUsbExport(const std::filesystem::path& spool, std::string_view fileName,
                                     std::string_view contents);

// The helper's answer to request `id` once it is there; the answer and the spooled file are
// then removed. An answer to another (older) request is ignored.
std::optional<UsbExportResult> takeUsbExportResult(const std::filesystem::path& spool,
                                                   std::string_view id);

// Withdraws request `id` if the helper has not taken it yet, and the spooled file.
void cancelUsbExport(const std::filesystem::path& spool, std::string_view id);

struct UsbExportWait {
    // A slow stick takes seconds to remount and sync; the helper's own limit is 40 s.
    std::chrono::milliseconds timeout{45000};
    std::chrono::milliseconds pollEvery{250};
    // Tests pass a sleep that does nothing: the wait then ends after timeout / pollEvery looks.
    std::function<void(std::chrono::milliseconds)> sleep;
    // True when the kiosk is shutting down: the wait ends at once, as if nobody answered.
    std::function<bool()> stopping;
};

// Waits for the answer to `id`; NoHelper, with the request withdrawn, when none comes in time.
UsbExportResult awaitUsbExport(const std::filesystem::path& spool, std::string_view id,
                               const UsbExportWait& wait);

} // namespace kiosk
