// The screenshot pass: every screen's scenes (from the screen registry) at each resolution.
#include "ui/screenshot_pass.hpp"

#include "ui/display_screenshots.hpp"
#include "ui/kiosk_app.hpp"
#include "ui/screens/screen_entry.hpp"

namespace kiosk::ui {

std::vector<Resolution> screenshotResolutions() {
    // 10.1" 16:10 (217 mm wide) and 15.6" 16:9 (344 mm wide) are the common kiosk panels.
    // 800x1280 is the 10.1" panel mounted upright (136 mm across), for every resident screen.
    return {{1280, 800, 217.0}, {1920, 1080, 344.0}, {800, 1280, 136.0}};
}

std::vector<ScreenshotScene> screenshotScenes(const SceneSources& sources) {
    std::vector<ScreenshotScene> scenes;
    for (const ScreenEntry& entry : screenEntries()) {
        for (ScreenshotScene& scene : entry.scenes(sources)) {
            scenes.push_back(std::move(scene));
        }
    }
    return scenes;
}

int runScreenshotPass(const KioskOptions& options, const Config& config, Logger& logger,
                      Uint32 terminateType, const std::filesystem::path& dir,
                      const std::vector<Resolution>& resolutions) {
    int written = 0;
    for (const Resolution& resolution : resolutions) {
        Config panel = config;
        panel.display.panelWidthMm = resolution.panelWidthMm;
        panel.display.panelHeightMm =
            resolution.panelWidthMm * resolution.height / resolution.width;
        KioskRuntime runtime(panel, logger, runtimeOptions(options));
        KioskApp app(runtime, options, terminateType);
        if (!app.start(WindowMode::Offscreen, resolution.width, resolution.height) ||
            runtime.catalog() == nullptr) {
            return 1;
        }
        app.fixWallClock(screenshotWallClock());
        std::string folder =
            std::to_string(resolution.width) + "x" + std::to_string(resolution.height);
        std::vector<ScreenshotScene> scenes = screenshotScenes({runtime.lessons()});
        for (Language language : {Language::Vietnamese, Language::English}) {
            for (const ScreenshotScene& scene : scenes) {
                if (scene.vietnameseOnly && language != Language::Vietnamese) {
                    continue;
                }
                Flow& flow = app.resetFlow();
                ScriptedResident resident(flow, SteadyTime{} + std::chrono::hours(1));
                resident.tap(intent::SetLanguage{language});
                scene.reach(flow, resident);
                runtime.showDevices(scene.devices);
                app.renderLive(resident.now());
                auto file =
                    dir / folder / std::string(languageCode(language)) / (scene.name + ".png");
                if (auto status = app.writeScreenshot(file); !status) {
                    logger.log(LogEvent::DisplayFailed,
                               {{"reason", SystemText{status.error().message}}});
                    return 1;
                }
                ++written;
            }
        }
    }
    int display = writeDisplayScreenshots(options, config, logger, terminateType, dir);
    if (display < 0) {
        return 1;
    }
    written += display;
    return written > 0 ? 0 : 1;
}

} // namespace kiosk::ui
