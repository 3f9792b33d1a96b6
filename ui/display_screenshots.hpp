// Screenshots of the [display] settings: the UI on a panel mounted in portrait, and the dim screen.
#pragma once

#include "kiosk/app/kiosk_options.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/log/logger.hpp"

#include <SDL.h>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::ui {

struct DisplayShot {
    std::string file;  // under DIR/display/vi/
    std::string scene; // a name from screenshotScenes()
    int rotationDegrees = 0;
    bool dimmed = false;
};

// A 1280x800 landscape panel turned a quarter each way (the PNG shows the panel's own pixels,
// so the UI lies on its side), and the dimmed home screen.
std::vector<DisplayShot> displayShots();

// Writes displayShots() to DIR/display/vi/. Returns how many were written, -1 on a failure.
int writeDisplayScreenshots(const KioskOptions& options, const Config& config, Logger& logger,
                            Uint32 terminateType, const std::filesystem::path& dir);

} // namespace kiosk::ui
