// `kiosk --screenshots DIR`: every screen in both languages at 1280x800 and 1920x1080, to PNG.
// Each screen is reached the way a resident reaches it: by intents on a fresh flow.
#pragma once

#include "kiosk/app/kiosk_options.hpp"
#include "kiosk/app/scripted_resident.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/devices/device_status.hpp"
#include "kiosk/log/logger.hpp"

#include <SDL.h>
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::ui {

// Simulated printer and reader ready, network up: what a working kiosk shows.
DeviceStatus healthyDevices();

struct ScreenshotScene {
    std::string name; // file name without extension
    // Brings a fresh flow to the screen; the catalog is set, the language already chosen.
    std::function<void(Flow&, ScriptedResident&)> reach;
    DeviceStatus devices = healthyDevices();
    bool vietnameseOnly = false; // accessibility variants need not be doubled
};

struct Resolution {
    int width;
    int height;
    double panelWidthMm; // the physical panel such a resolution usually comes on
};

std::vector<ScreenshotScene> screenshotScenes();
// The fixed moment every screenshot shows (Wednesday 25/11/2026, 14:05 local time).
std::time_t screenshotWallClock();
std::vector<Resolution> screenshotResolutions();

// Renders every scene at each of `resolutions` (all of screenshotResolutions() by default).
int runScreenshotPass(const KioskOptions& options, const Config& config, Logger& logger,
                      Uint32 terminateType, const std::filesystem::path& dir,
                      const std::vector<Resolution>& resolutions = screenshotResolutions());

} // namespace kiosk::ui
