// Issue 15.6: the phone hand-off's pictures of phone screens are at least 25 mm tall on the
// 10-inch 1280x800 panel, at every text size and in both languages, measured where they were drawn.
#include "ui/kiosk_app.hpp"
#include "ui/screenshot_pass.hpp"
#include "ui/theme/metrics.hpp"
#include "ui/widgets/layout_probe.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

constexpr double kSmallestPictureMm = 25.0;

} // namespace

TEST_CASE("the hand-off pictures at 1280x800 are at least 25 mm tall", "[ui][handoff]") {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    Resolution panel{};
    for (const Resolution& resolution : screenshotResolutions()) {
        if (resolution.width == 1280 && resolution.height == 800) {
            panel = resolution;
        }
    }
    REQUIRE(panel.width == 1280);
    std::ostringstream logs;
    Logger logger(logs);
    KioskOptions options;
    options.mode = RunMode::Screenshots;
    Config config;
    config.display.panelWidthMm = panel.panelWidthMm;
    config.display.panelHeightMm = panel.panelWidthMm * panel.height / panel.width;
    int scenesChecked = 0;
    {
        KioskRuntime runtime(config, logger, runtimeOptions(options));
        KioskApp app(runtime, options, SDL_RegisterEvents(1));
        REQUIRE(app.start(WindowMode::Offscreen, panel.width, panel.height));
        app.fixWallClock(screenshotWallClock());
        for (const ScreenshotScene& scene : screenshotScenes({runtime.lessons()})) {
            if (scene.name.rfind("phone_handoff", 0) != 0 ||
                scene.name.find("_text_size_") != std::string::npos ||
                scene.name.find("_contrast_") != std::string::npos) {
                continue; // the loop below sets each text size itself
            }
            for (TextSize size :
                 {TextSize::Normal, TextSize::Large, TextSize::Larger, TextSize::Largest}) {
                // The theme's own millimetres for this panel: what the resident's eye gets.
                const Metrics metrics = computeMetrics(panel.width, panel.panelWidthMm, size);
                const float smallest = metrics.mm(kSmallestPictureMm);
                for (Language language : {Language::Vietnamese, Language::English}) {
                    Flow& flow = app.resetFlow();
                    ScriptedResident resident(flow, SteadyTime{} + std::chrono::hours(1));
                    resident.tap(intent::SetLanguage{language});
                    resident.tap(intent::SetTextSize{size});
                    scene.reach(flow, resident);
                    runtime.showDevices(scene.devices);
                    LayoutRecord record;
                    setActiveLayoutRecord(&record);
                    app.renderLive(resident.now());
                    setActiveLayoutRecord(nullptr);
                    ++scenesChecked;
                    int pictures = 0;
                    for (const ProbeRect& rect : record.rects) {
                        if (rect.kind != ProbeKind::Picture) {
                            continue;
                        }
                        ++pictures;
                        INFO(scene.name << " " << languageCode(language) << " text size "
                                        << static_cast<int>(size) << ": " << rect.what << " is "
                                        << (rect.max.y - rect.min.y) / metrics.pixelsPerMm
                                        << " mm tall");
                        CHECK(rect.max.y - rect.min.y >= smallest - 0.5f);
                    }
                    INFO(scene.name << " " << languageCode(language) << " text size "
                                    << static_cast<int>(size));
                    CHECK(pictures >= 2); // the test measured something
                }
            }
        }
    }
    SDL_Quit();
    CHECK(scenesChecked >= 16);
}
