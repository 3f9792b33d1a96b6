// Command-line options of the `kiosk` program.
#pragma once

#include "drivers/common/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

enum class RunMode { Kiosk, Screenshots, Demo, Help };

struct KioskOptions {
    RunMode mode = RunMode::Kiosk;
    std::optional<std::filesystem::path> configPath;
    bool windowed = false;
    bool simulatedDevices = false;
    std::filesystem::path screenshotDir;
};

Result<KioskOptions> parseKioskOptions(const std::vector<std::string>& args);

extern const char* const kKioskUsage;

} // namespace kiosk
