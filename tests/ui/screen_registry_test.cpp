// The screen registry: every screen of the flow has one view, and a screenshot scene shows it.
#include "kiosk/app/scripted_resident.hpp"
#include "kiosk/runtime/kiosk_runtime.hpp"
#include "ui/lesson_scenes.hpp"
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

TEST_CASE("every registered screen is shown by at least one screenshot scene", "[ui][registry]") {
    Config config;
    std::ostringstream logs;
    Logger logger(logs);
    KioskRuntime runtime(config, logger, simulatedRuntimeOptions());
    REQUIRE(runtime.catalog() != nullptr);
    std::vector<ScreenshotScene> scenes = screenshotScenes();
    REQUIRE(runtime.lessons() != nullptr);
    for (ScreenshotScene& scene : lessonScreenshotScenes(*runtime.lessons())) {
        scenes.push_back(std::move(scene));
    }
    std::set<Screen> shown;
    for (const ScreenshotScene& scene : scenes) {
        Flow& flow = runtime.resetFlow();
        ScriptedResident resident(flow, SteadyTime{} + std::chrono::hours(1));
        resident.tap(intent::SetLanguage{Language::Vietnamese});
        scene.reach(flow, resident);
        shown.insert(flow.state().screen);
    }
    for (const ScreenEntry& entry : screenEntries()) {
        INFO(screenName(entry.screen).text());
        CHECK(shown.count(entry.screen) == 1);
    }
}
