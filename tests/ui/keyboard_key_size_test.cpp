// Issue 15.5: every key that types a character is at least 12.7 mm wide on the panel, measured
// where the keyboard really drew it (ui/widgets/layout_probe), in landscape and in portrait.
#include "tests/ui/panel_config.hpp"
#include "ui/kiosk_app.hpp"
#include "ui/screens/scene_fixtures.hpp"
#include "ui/screenshot_pass.hpp"
#include "ui/theme/metrics.hpp"
#include "ui/widgets/layout_probe.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

struct KeyboardScene {
    const char* name;
    SceneReach reach;
};

std::vector<KeyboardScene> keyboardScenes() {
    using R = ScriptedResident;
    auto name = [](Flow& flow, R& r) { scene::openEditor(flow, r, FieldType::Name); };
    return {
        {"letters", name},
        {"accents",
         [name](Flow& flow, R& r) {
             name(flow, r);
             r.tap(intent::PressKey{scene::layoutKey(input::LayoutKind::Accents)});
         }},
        {"numbers",
         [name](Flow& flow, R& r) {
             name(flow, r);
             r.tap(intent::PressKey{scene::layoutKey(input::LayoutKind::Numbers)});
         }},
        {"symbols",
         [name](Flow& flow, R& r) {
             name(flow, r);
             r.tap(intent::PressKey{scene::layoutKey(input::LayoutKind::Symbols)});
         }},
        {"id number", [](Flow& flow, R& r) { scene::openEditor(flow, r, FieldType::IdNumber); }},
        {"search",
         [](Flow&, R& r) {
             r.tap(intent::Open{Screen::ProcedureCategories});
             r.tap(intent::OpenProcedureSearch{});
             r.type("dang ky");
         }},
    };
}

struct Measured {
    int keys = 0;
    double narrowestMm = 1e9;
    std::string narrowest;
    double shortestMm = 1e9;
    std::string shortest;
};

// Every keyboard scene at every text size and language, on a panel of `resolution`.
Measured measureKeys(const Resolution& resolution) {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    std::ostringstream logs;
    Logger logger(logs);
    KioskOptions options;
    options.mode = RunMode::Screenshots;
    Config panel = testing::panelConfig(resolution);
    const double pixelsPerMm = resolution.width / resolution.panelWidthMm;
    Measured measured;
    {
        KioskRuntime runtime(panel, logger, runtimeOptions(options));
        KioskApp app(runtime, options, SDL_RegisterEvents(1));
        REQUIRE(app.start(WindowMode::Offscreen, resolution.width, resolution.height));
        app.fixWallClock(screenshotWallClock());
        for (TextSize size :
             {TextSize::Normal, TextSize::Large, TextSize::Larger, TextSize::Largest}) {
            for (Language language : {Language::Vietnamese, Language::English}) {
                for (const KeyboardScene& scene : keyboardScenes()) {
                    Flow& flow = app.resetFlow();
                    ScriptedResident resident(flow, SteadyTime{} + std::chrono::hours(1));
                    resident.tap(intent::SetLanguage{language});
                    resident.tap(intent::SetTextSize{size});
                    scene.reach(flow, resident);
                    LayoutRecord record;
                    setActiveLayoutRecord(&record);
                    app.renderLive(resident.now());
                    setActiveLayoutRecord(nullptr);
                    int before = measured.keys;
                    for (const ProbeRect& rect : record.rects) {
                        if (rect.kind != ProbeKind::CharacterKey) {
                            continue;
                        }
                        ++measured.keys;
                        std::string which = "'" + rect.what + "' of " + scene.name +
                                            " at text size " +
                                            std::to_string(static_cast<int>(size));
                        double widthMm = (rect.max.x - rect.min.x) / pixelsPerMm;
                        if (widthMm < measured.narrowestMm) {
                            measured.narrowestMm = widthMm;
                            measured.narrowest = which;
                        }
                        double heightMm = (rect.max.y - rect.min.y) / pixelsPerMm;
                        if (heightMm < measured.shortestMm) {
                            measured.shortestMm = heightMm;
                            measured.shortest = which;
                        }
                    }
                    INFO(scene.name << " at text size " << static_cast<int>(size));
                    CHECK(measured.keys > before); // the keyboard was drawn and measured
                }
            }
        }
    }
    SDL_Quit();
    return measured;
}

void checkKeys(int width, int height) {
    for (const Resolution& resolution : screenshotResolutions()) {
        if (resolution.width != width || resolution.height != height) {
            continue;
        }
        Measured measured = measureKeys(resolution);
        INFO(measured.keys << " keys measured; narrowest " << measured.narrowestMm
                           << " mm: " << measured.narrowest << "; shortest " << measured.shortestMm
                           << " mm: " << measured.shortest);
        CHECK(measured.keys > 500);
        // A hundredth of a millimetre for the rounding of pixel positions.
        CHECK(measured.narrowestMm >= kMinimumTargetMm - 0.01);
        CHECK(measured.shortestMm >= kMinimumTargetMm - 0.01);
        return;
    }
    FAIL("no screenshot resolution " << width << "x" << height);
}

} // namespace

TEST_CASE("keyboard keys are at least 12.7 mm wide and tall on a portrait panel",
          "[ui][keyboard]") {
    checkKeys(800, 1280);
}

TEST_CASE("keyboard keys are at least 12.7 mm wide and tall on a landscape panel",
          "[ui][keyboard]") {
    checkKeys(1280, 800);
}
