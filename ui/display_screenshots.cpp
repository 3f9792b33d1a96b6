// The rotated and dimmed screenshot scenes, rendered like the others through a scripted resident.
#include "ui/display_screenshots.hpp"

#include "ui/kiosk_app.hpp"
#include "ui/screenshot_pass.hpp"

#include <algorithm>

namespace kiosk::ui {

std::vector<DisplayShot> displayShots() {
    return {
        {"rotation_90_home", "home", 90, false},
        {"rotation_90_form_group", "form_group", 90, false},
        {"rotation_90_editor_name", "editor_name", 90, false},
        {"rotation_270_home", "home", 270, false},
        {"home_dimmed", "home", 0, true},
    };
}

int writeDisplayScreenshots(const KioskOptions& options, const Config& config, Logger& logger,
                            Uint32 terminateType, const std::filesystem::path& dir) {
    std::vector<ScreenshotScene> scenes = screenshotScenes();
    int written = 0;
    for (const DisplayShot& shot : displayShots()) {
        auto scene = std::find_if(scenes.begin(), scenes.end(),
                                  [&](const ScreenshotScene& s) { return s.name == shot.scene; });
        if (scene == scenes.end()) {
            return -1;
        }
        // The 10.1" panel of the main pass, in its own landscape terms whatever the mounting.
        Config panel = config;
        panel.display.panelWidthMm = 217.0;
        panel.display.panelHeightMm = 136.0;
        panel.display.rotationDegrees = shot.rotationDegrees;
        KioskRuntime runtime(panel, logger, runtimeOptions(options));
        KioskApp app(runtime, options, terminateType);
        if (!app.start(WindowMode::Offscreen, 1280, 800) || runtime.catalog() == nullptr) {
            return -1;
        }
        app.fixWallClock(screenshotWallClock());
        Flow& flow = app.resetFlow();
        ScriptedResident resident(flow, SteadyTime{} + std::chrono::hours(1));
        resident.tap(intent::SetLanguage{Language::Vietnamese});
        scene->reach(flow, resident);
        runtime.showDevices(scene->devices);
        if (shot.dimmed) {
            app.showScreenPower(ScreenPowerState::Dim);
        }
        app.renderLive(resident.now());
        if (auto status = app.writeScreenshot(dir / "display" / "vi" / (shot.file + ".png"));
            !status) {
            logger.log(LogEvent::DisplayFailed, {{"reason", SystemText{status.error().message}}});
            return -1;
        }
        ++written;
    }
    return written;
}

} // namespace kiosk::ui
