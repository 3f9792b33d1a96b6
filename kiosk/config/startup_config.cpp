// Loading and checking the start-up configuration, logged once.
#include "kiosk/config/startup_config.hpp"

#include "kiosk/config/config_files.hpp"
#include "kiosk/log/logger.hpp"

namespace kiosk {

StartupConfig loadStartupConfig(const std::filesystem::path& file, StartupFileCheck check,
                                Logger& logger) {
    auto refuse = [&logger](Config config, std::string problem) {
        logger.log(LogEvent::ConfigInvalid, {{"reason", SystemText{problem}}});
        return StartupConfig{std::move(config), std::move(problem)};
    };
    if (file.empty()) {
        if (check == StartupFileCheck::Always) {
            if (Status files = checkConfigFiles(Config{}); !files) {
                return refuse(Config{}, "built-in defaults: " + files.error().message);
            }
        }
        logger.log(LogEvent::ConfigLoaded, {{"source", LogToken("defaults")}});
        return {};
    }
    auto config = loadConfig(file);
    if (!config) {
        return refuse(Config{}, config.error().message);
    }
    if (Status files = checkConfigFiles(*config); !files) {
        return refuse(*config, file.string() + ": " + files.error().message);
    }
    logger.log(LogEvent::ConfigLoaded, {{"source", SystemText{file.string()}}});
    return {*config, ""};
}

} // namespace kiosk
