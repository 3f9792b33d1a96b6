// The screen registry: every screen of the flow has one view, and a screenshot scene shows it.
#include "kiosk/app/scripted_resident.hpp"
#include "kiosk/runtime/kiosk_runtime.hpp"
#include "ui/screens/screen_entry.hpp"
#include "ui/screens/screen_router.hpp"
#include "ui/screenshot_pass.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

// Every value of Screen: screenName names each one and says "unknown" past the last.
std::vector<Screen> everyScreen() {
    std::vector<Screen> screens;
    for (int n = 0; screenName(static_cast<Screen>(n)).text() != "unknown"; ++n) {
        screens.push_back(static_cast<Screen>(n));
    }
    return screens;
}

} // namespace

TEST_CASE("every screen of the flow has exactly one registered view", "[ui][registry]") {
    std::map<Screen, int> entries;
    for (const ScreenEntry& entry : screenEntries()) {
        ++entries[entry.screen];
    }
    ScreenRouter router;
    REQUIRE(everyScreen().size() >= 28);
    for (Screen screen : everyScreen()) {
        INFO(screenName(screen).text());
        CHECK(entries[screen] == 1);
        CHECK(router.viewFor(screen) != nullptr);
    }
    CHECK(entries.size() == everyScreen().size());
}

// Scenes live beside their screen: each entry's scenes end on that entry's screen, so a new
// screen brings its own scenes and the layout test covers it.
TEST_CASE("every registered screen lists scenes that end on it", "[ui][registry]") {
    Config config;
    std::ostringstream logs;
    Logger logger(logs);
    KioskRuntime runtime(config, logger, simulatedRuntimeOptions());
    REQUIRE(runtime.catalog() != nullptr);
    REQUIRE(runtime.lessons() != nullptr);
    std::set<std::string> names;
    for (const ScreenEntry& entry : screenEntries()) {
        INFO(screenName(entry.screen).text());
        std::vector<ScreenshotScene> scenes = entry.scenes({runtime.lessons()});
        CHECK(!scenes.empty());
        for (const ScreenshotScene& scene : scenes) {
            INFO(scene.name);
            CHECK(names.insert(scene.name).second); // one file per name
            Flow& flow = runtime.resetFlow();
            ScriptedResident resident(flow, SteadyTime{} + std::chrono::hours(1));
            resident.tap(intent::SetLanguage{Language::Vietnamese});
            scene.reach(flow, resident);
            CHECK(screenName(flow.state().screen).text() == screenName(entry.screen).text());
        }
    }
    CHECK(names.size() == screenshotScenes({runtime.lessons()}).size());
}
