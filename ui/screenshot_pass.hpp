// `kiosk --screenshots DIR`: every screen in both languages at 1280x800 and 1920x1080, to PNG.
#pragma once

#include "kiosk/app/kiosk_options.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/devices/device_status.hpp"
#include "kiosk/flow/session_state.hpp"
#include "kiosk/log/logger.hpp"

#include <SDL.h>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::ui {

// Simulated printer and reader ready, network up: what a working kiosk shows.
DeviceStatus healthyDevices();

struct ScreenshotCase {
    std::string name; // file name without extension
    SessionState state;
    int secondsUntilWipe = 0;
    DeviceStatus devices = healthyDevices();
};

struct Resolution {
    int width;
    int height;
    double panelWidthMm; // the physical panel such a resolution usually comes on
};

// The states rendered for one language (and the accessibility variants in Vietnamese).
std::vector<ScreenshotCase> screenshotCases(Language language,
                                            const std::string& maintenanceReason);
std::vector<Resolution> screenshotResolutions();

int runScreenshotPass(const KioskOptions& options, const Config& config, Logger& logger,
                      Uint32 terminateType, const std::filesystem::path& dir);

} // namespace kiosk::ui
