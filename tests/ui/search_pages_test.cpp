// The search results page by whole rows at the largest text size (issue 15.2): "Xem tiếp ▼"
// shows the next results, "▲" the ones before, a swipe turns the page too, and a result is never
// cut by an edge.
#include "tests/ui/finger_event.hpp"
#include "tests/ui/panel_config.hpp"
#include "ui/kiosk_app.hpp"
#include "ui/screenshot_pass.hpp"
#include "ui/widgets/layout_probe.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>
#include <sstream>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

struct Drawn {
    std::set<std::string> procedures; // the names of the procedures drawn as results
    ImVec2 moreCentre{-1, -1};        // where "Xem tiếp" was drawn
    ImVec2 resultCentre{-1, -1};      // where the first result's name was drawn
};

Drawn drawnResults(const LayoutRecord& record, const ProcedureCatalog& catalog) {
    std::set<std::string> names;
    for (const Procedure& procedure : catalog.procedures) {
        names.insert(procedure.name.vi);
    }
    Drawn drawn;
    for (const ProbeRect& rect : record.rects) {
        if (rect.kind != ProbeKind::TextLine) {
            continue;
        }
        if (names.count(rect.what) != 0) {
            drawn.procedures.insert(rect.what);
            if (drawn.resultCentre.x < 0) {
                drawn.resultCentre =
                    ImVec2((rect.min.x + rect.max.x) * 0.5f, (rect.min.y + rect.max.y) * 0.5f);
            }
            // Whole on the screen: the rows are laid out to fit, never clipped by an edge.
            CHECK(rect.min.y >= rect.clip.y - 0.5f);
            CHECK(rect.max.y <= rect.clip.w + 0.5f);
        }
        if (rect.what == "Xem tiếp") {
            drawn.moreCentre =
                ImVec2((rect.min.x + rect.max.x) * 0.5f, (rect.min.y + rect.max.y) * 0.5f);
        }
    }
    return drawn;
}

} // namespace

TEST_CASE("search results at the largest text size turn page by page", "[ui][search]") {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    {
        Resolution resolution = screenshotResolutions().front();
        REQUIRE(resolution.width == 1280);
        std::ostringstream logs;
        Logger logger(logs);
        KioskOptions options;
        options.mode = RunMode::Screenshots;
        KioskRuntime runtime(testing::panelConfig(resolution), logger, runtimeOptions(options));
        KioskApp app(runtime, options, SDL_RegisterEvents(1));
        REQUIRE(app.start(WindowMode::Offscreen, resolution.width, resolution.height));
        REQUIRE(app.flow().catalog() != nullptr);
        const ProcedureCatalog& catalog = *app.flow().catalog();
        auto now = std::chrono::steady_clock::now();
        app.apply(intent::SetTextSize{TextSize::Largest}, now);
        app.apply(intent::Open{Screen::ProcedureCategories}, now);
        app.apply(intent::OpenProcedureSearch{}, now);
        for (char c : std::string("dang ky")) {
            input::KeyDef key;
            key.action = c == ' ' ? input::KeyAction::Space : input::KeyAction::Char;
            key.character = static_cast<char32_t>(c);
            app.apply(intent::PressKey{key}, now);
        }
        const std::size_t found = app.flow().state().search.results.size();
        REQUIRE(found > 2);
        app.apply(intent::ShowSearchResults{}, now);

        auto draw = [&] {
            LayoutRecord record;
            setActiveLayoutRecord(&record);
            for (int i = 0; i < 3; ++i) {
                app.frame(now);
            }
            setActiveLayoutRecord(nullptr);
            return drawnResults(record, catalog);
        };
        auto tap = [&](ImVec2 at) {
            float x = at.x / static_cast<float>(resolution.width);
            float y = at.y / static_cast<float>(resolution.height);
            app.handleInput(testing::finger(SDL_FINGERDOWN, x, y), now);
            app.frame(now);
            app.handleInput(testing::finger(SDL_FINGERUP, x, y), now);
            app.frame(now);
        };

        Drawn first = draw();
        REQUIRE_FALSE(first.procedures.empty());
        REQUIRE(first.procedures.size() < found); // the largest text: not all on one page
        REQUIRE(first.moreCentre.x > 0);
        // Page by page to the end: every result shows once, and no page repeats another's.
        std::set<std::string> seen = first.procedures;
        Drawn page = first;
        for (std::size_t turns = 0; seen.size() < found && turns < found; ++turns) {
            tap(page.moreCentre);
            Drawn next = draw();
            INFO("page " << turns + 2);
            REQUIRE_FALSE(next.procedures.empty());
            for (const std::string& name : next.procedures) {
                CHECK(seen.insert(name).second);
            }
            page = next;
        }
        CHECK(seen.size() == found);
        CHECK(app.flow().state().screen == Screen::ProcedureSearch);
        // "▲" at the left end of the same row goes back, page by page, to the first.
        const float upX = 35 + 60;
        for (std::size_t turns = 0; turns < found; ++turns) {
            tap(ImVec2(upX, page.moreCentre.y));
            page = draw();
        }
        CHECK(page.procedures == first.procedures);

        // A finger drawn up over the results turns to the next page and chooses nothing; drawn
        // down, back to the first.
        auto swipe = [&](ImVec2 from, float dy) {
            auto at = [&](float y) {
                return std::pair{from.x / static_cast<float>(resolution.width),
                                 y / static_cast<float>(resolution.height)};
            };
            auto [x0, y0] = at(from.y);
            app.handleInput(testing::finger(SDL_FINGERDOWN, x0, y0), now);
            app.frame(now);
            for (int step = 1; step <= 5; ++step) {
                auto [x, y] = at(from.y + dy * static_cast<float>(step) / 5.0f);
                app.handleInput(testing::finger(SDL_FINGERMOTION, x, y), now);
                app.frame(now);
            }
            auto [x1, y1] = at(from.y + dy);
            app.handleInput(testing::finger(SDL_FINGERUP, x1, y1), now);
            app.frame(now);
        };
        REQUIRE(page.resultCentre.x > 0);
        swipe(page.resultCentre, -120.0f);
        Drawn swiped = draw();
        CHECK(app.flow().state().screen == Screen::ProcedureSearch);
        CHECK_FALSE(swiped.procedures.empty());
        CHECK(swiped.procedures != first.procedures);
        swipe(swiped.resultCentre, 120.0f);
        CHECK(app.flow().state().screen == Screen::ProcedureSearch);
        CHECK(draw().procedures == first.procedures);
    }
    SDL_Quit();
}
