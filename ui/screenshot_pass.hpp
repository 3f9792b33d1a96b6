// `kiosk --screenshots DIR`: every screen in both languages at each resolution, to PNG. Each
// screen is reached the way a resident reaches it: by intents on a fresh flow.
#pragma once

#include "kiosk/app/kiosk_options.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/log/logger.hpp"
#include "ui/screens/scene_fixtures.hpp"

#include <SDL.h>
#include <filesystem>
#include <vector>

namespace kiosk::ui {

struct Resolution {
    int width;
    int height;
    double panelWidthMm; // the physical panel such a resolution usually comes on
};

// Every screen's scenes, from the screen registry (the lessons' only when `sources` has them).
std::vector<ScreenshotScene> screenshotScenes(const SceneSources& sources = {});
std::vector<Resolution> screenshotResolutions();

// Renders every scene at each of `resolutions` (all of screenshotResolutions() by default).
int runScreenshotPass(const KioskOptions& options, const Config& config, Logger& logger,
                      Uint32 terminateType, const std::filesystem::path& dir,
                      const std::vector<Resolution>& resolutions = screenshotResolutions());

} // namespace kiosk::ui
