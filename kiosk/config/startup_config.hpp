// The configuration the kiosk starts with, and the problem that keeps it on the maintenance
// screen: the same checks and the same words as `kioskctl config check`.
#pragma once

#include "kiosk/config/config.hpp"

#include <filesystem>
#include <string>

namespace kiosk {

class Logger;

struct StartupConfig {
    Config config;
    std::string problem; // empty when the kiosk may serve residents
};

enum class StartupFileCheck {
    Always,         // a production start: the files must be right even on built-in defaults
    WhenConfigured, // --sim, demo, screenshots: built-in defaults name no files, and need none
};

// Reads `file` (empty: the built-in defaults), then checks the files it names. Logs
// config_loaded or config_invalid with the problem, which starts with the file's name exactly
// as `kioskctl config check` prints it.
StartupConfig loadStartupConfig(const std::filesystem::path& file, StartupFileCheck check,
                                Logger& logger);

} // namespace kiosk
