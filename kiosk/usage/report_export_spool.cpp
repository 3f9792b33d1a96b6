// Request and result files of the USB export spool (see systemd/kiosk-usb-export for the other
// side); small "key=value" lines that a shell script can write and read.
#include "kiosk/usage/report_export_spool.hpp"

#include "kiosk/content/fs_util.hpp"

#include <algorithm>
#include <array>
#include <thread>

namespace kiosk {
namespace {

constexpr std::uint64_t kResultMaxBytes = 4096;

std::filesystem::path requestPath(const std::filesystem::path& spool) {
    return spool / "request";
}
std::filesystem::path resultPath(const std::filesystem::path& spool) {
    return spool / "result";
}
std::filesystem::path outgoingPath(const std::filesystem::path& spool) {
    return spool / "outgoing";
}

// The helper refuses anything else, so the kiosk does too, before writing.
bool plainCsvName(std::string_view name) {
    if (name.empty() || name.size() > 120 || name.front() == '.' || !name.ends_with(".csv")) {
        return false;
    }
    for (char c : name) {
        bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '_' || c == '-';
        if (!allowed) {
            return false;
        }
    }
    return true;
}

std::string valueOf(std::string_view text, std::string_view key) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::string_view line = text.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (line.size() > key.size() && line.starts_with(key) && line[key.size()] == '=') {
            return std::string(line.substr(key.size() + 1));
        }
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return {};
}

void clearOutgoing(const std::filesystem::path& spool) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(outgoingPath(spool), error)) {
        std::error_code removeError;
        std::filesystem::remove(entry.path(), removeError);
    }
}

constexpr std::array kOutcomes{UsbExportOutcome::Saved,      UsbExportOutcome::NoStick,
                               UsbExportOutcome::StickFull,  UsbExportOutcome::WriteFailed,
                               UsbExportOutcome::BadRequest, UsbExportOutcome::NoHelper};

} // namespace

std::filesystem::path usbExportSpoolPath(const std::filesystem::path& dataDir) {
    return dataDir / "usb-export";
}

std::string_view usbExportOutcomeName(UsbExportOutcome outcome) {
    switch (outcome) {
    case UsbExportOutcome::Saved:
        return "saved";
    case UsbExportOutcome::NoStick:
        return "no_stick";
    case UsbExportOutcome::StickFull:
        return "stick_full";
    case UsbExportOutcome::WriteFailed:
        return "write_failed";
    case UsbExportOutcome::BadRequest:
        return "bad_request";
    case UsbExportOutcome::ReportFailed:
        return "report_failed";
    case UsbExportOutcome::NoHelper:
        break;
    }
    return "no_helper";
}

Result<std::string> requestUsbExport(const std::filesystem::path& spool, std::string_view fileName,
                                     std::string_view contents) {
    if (!plainCsvName(fileName)) {
        return makeError("usb_export.bad_name",
                         "a report file name is letters, digits, '.', '_' and '-', ending in .csv");
    }
    std::error_code error;
    std::filesystem::create_directories(outgoingPath(spool), error);
    if (error) {
        return makeError("usb_export.spool",
                         "cannot create " + outgoingPath(spool).string() + ": " + error.message());
    }
    // One request at a time: whatever an earlier, abandoned request left goes first.
    std::filesystem::remove(requestPath(spool), error);
    std::filesystem::remove(resultPath(spool), error);
    clearOutgoing(spool);
    if (auto written = writeFileAtomic(outgoingPath(spool) / std::string(fileName), contents);
        !written) {
        return written.error();
    }
    std::string id = randomHex(8);
    // The request last: the path unit starts the helper as soon as it appears.
    if (auto written = writeFileAtomic(requestPath(spool),
                                       "id=" + id + "\nfile=" + std::string(fileName) + "\n");
        !written) {
        clearOutgoing(spool);
        return written.error();
    }
    return id;
}

std::optional<UsbExportResult> takeUsbExportResult(const std::filesystem::path& spool,
                                                   std::string_view id) {
    std::error_code error;
    if (!std::filesystem::exists(resultPath(spool), error)) {
        return std::nullopt;
    }
    auto text = readWholeFile(resultPath(spool), kResultMaxBytes);
    if (!text || valueOf(*text, "id") != id) {
        return std::nullopt; // half there, or the answer to an older request
    }
    UsbExportResult result;
    result.outcome = UsbExportOutcome::WriteFailed; // an outcome this kiosk does not know
    std::string outcome = valueOf(*text, "outcome");
    for (UsbExportOutcome known : kOutcomes) {
        if (outcome == usbExportOutcomeName(known)) {
            result.outcome = known;
        }
    }
    if (result.outcome == UsbExportOutcome::Saved) {
        result.detail = valueOf(*text, "file");
    }
    std::filesystem::remove(resultPath(spool), error);
    clearOutgoing(spool);
    return result;
}

void cancelUsbExport(const std::filesystem::path& spool, std::string_view id) {
    std::error_code error;
    auto text = readWholeFile(requestPath(spool), kResultMaxBytes);
    if (text && valueOf(*text, "id") == id) {
        std::filesystem::remove(requestPath(spool), error);
    }
    clearOutgoing(spool);
}

UsbExportResult awaitUsbExport(const std::filesystem::path& spool, std::string_view id,
                               const UsbExportWait& wait) {
    auto sleep = wait.sleep ? wait.sleep : [](std::chrono::milliseconds pause) {
        std::this_thread::sleep_for(pause);
    };
    // Counted looks rather than a clock: the same number of looks whatever the machine's speed.
    auto step = std::max(wait.pollEvery, std::chrono::milliseconds(1));
    for (auto waited = std::chrono::milliseconds(0);; waited += step) {
        if (auto result = takeUsbExportResult(spool, id)) {
            return *result;
        }
        if (waited >= wait.timeout || (wait.stopping && wait.stopping())) {
            break;
        }
        sleep(step);
    }
    cancelUsbExport(spool, id);
    return UsbExportResult{UsbExportOutcome::NoHelper, {}};
}

} // namespace kiosk
