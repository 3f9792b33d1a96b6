// The box's health in one list of checks (kioskctl doctor, the maintainer screen): plain structs.
#pragma once

#include "drivers/usb/usb_context.hpp"
#include "kiosk/config/config.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

enum class HealthLevel { Ok, Warn, Fail };
std::string_view healthLevelName(HealthLevel level); // "OK", "WARN", "FAIL"

// One check's verdict: what was found, and when not OK the fix in one line.
struct HealthResult {
    std::string check; // stable id for scripts: "config", "content", "printer", ...
    std::string title; // "Configuration"
    HealthLevel level = HealthLevel::Ok;
    std::string detail;
    std::string fix; // empty when OK
};

// Lists USB interfaces of one class (0x07 printers, 0x0B smart-card readers); the real one asks
// libusb. Tests call the pure judgements below with their own device lists.
using UsbInterfaceLister =
    std::function<Result<std::vector<UsbInterfaceLocation>>(std::uint8_t interfaceClass)>;
UsbInterfaceLister libusbInterfaceLister();

struct HealthContext {
    std::filesystem::path configFile; // empty: built-in defaults
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
    UsbInterfaceLister listUsb;             // empty: the device checks report "not checked"
    std::filesystem::path journalDirectory; // empty: the system journal
    std::chrono::milliseconds gatewayTimeout{5000};
};

// Thresholds, with the reasons in health_check.cpp.
struct HealthLimits {
    std::chrono::hours contentWarnAge{24 * 180};
    std::chrono::seconds clockSkewFail{60};
    int certificateWarnDays = 30;
    std::uint64_t diskWarnBytes = 512ull * 1024 * 1024;
    std::uint64_t diskFailBytes = 64ull * 1024 * 1024;
    std::chrono::hours outboxWarnAge{24};
    std::chrono::hours outboxFailAge{24 * 7};
    std::chrono::hours journalLookBack{24 * 7};
};

// Every check, in the order a maintainer reads them. A config that does not load is reported
// and the other checks run with the built-in defaults.
std::vector<HealthResult> runHealthChecks(const HealthContext& context,
                                          const HealthLimits& limits = HealthLimits{});

// The individual checks, each usable alone.
HealthResult checkConfigFile(const std::filesystem::path& file);
HealthResult checkContent(const Config& config, std::chrono::system_clock::time_point now,
                          const HealthLimits& limits);
HealthResult judgePrinter(const Config& config,
                          const Result<std::vector<UsbInterfaceLocation>>& found);
HealthResult judgeCardReader(const Config& config,
                             const Result<std::vector<UsbInterfaceLocation>>& found);
// Reachability, TLS certificate expiry and clock skew against the gateway's Date header.
std::vector<HealthResult> checkGateway(const Config& config,
                                       std::chrono::system_clock::time_point now,
                                       std::chrono::milliseconds timeout,
                                       const HealthLimits& limits);
HealthResult checkDisk(const Config& config, const HealthLimits& limits);
HealthResult checkOutbox(const Config& config, std::chrono::system_clock::time_point now,
                         const HealthLimits& limits);
// The kiosk service's last crash or watchdog restart in the journal (none found is OK).
HealthResult checkJournal(const std::filesystem::path& journalDirectory,
                          std::chrono::system_clock::time_point now, const HealthLimits& limits);

// One line per check ("OK   Configuration  /etc/kiosk/kiosk.ini is valid"), fixes indented.
std::string healthReportText(const std::vector<HealthResult>& results);
// {"checks":[{"check":..,"level":"OK",..}], "worst":"WARN"}
std::string healthReportJson(const std::vector<HealthResult>& results);
HealthLevel worstLevel(const std::vector<HealthResult>& results);

} // namespace kiosk
