// The layout test of issue 15.3: every screenshot scene, both languages, all four text sizes,
// at each screenshot resolution. It reads where things were drawn (ui/widgets/layout_probe), not
// the picture, so it cannot be fooled by eye: the edited field and the main action lie wholly on
// screen, and no line of text is cut by the edge of its window or scroll area or hidden under the
// main action.
#include "tests/ui/panel_config.hpp"
#include "ui/kiosk_app.hpp"
#include "ui/screenshot_pass.hpp"
#include "ui/widgets/layout_probe.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

constexpr float kTolerancePx = 1.5f;

bool inside(ImVec2 min, ImVec2 max, ImVec4 area) {
    return min.x >= area.x - kTolerancePx && min.y >= area.y - kTolerancePx &&
           max.x <= area.z + kTolerancePx && max.y <= area.w + kTolerancePx;
}

ImVec4 intersect(ImVec4 a, ImVec4 b) {
    return ImVec4(std::max(a.x, b.x), std::max(a.y, b.y), std::min(a.z, b.z), std::min(a.w, b.w));
}

const char* kindName(ProbeKind kind) {
    switch (kind) {
    case ProbeKind::TextLine:
        return "text line";
    case ProbeKind::FocusedField:
        return "edited field";
    case ProbeKind::MainAction:
        return "main action";
    case ProbeKind::CharacterKey:
        return "key";
    case ProbeKind::Picture:
        return "picture";
    case ProbeKind::Button:
        return "button";
    }
    return "?";
}

// What a resident cannot see properly in one frame, one sentence per finding.
std::vector<std::string> layoutFindings(const LayoutRecord& record) {
    std::vector<std::string> findings;
    ImVec4 screen(0, 0, record.viewport.x, record.viewport.y);
    for (const ProbeRect& rect : record.rects) {
        if (rect.kind == ProbeKind::Picture) {
            continue; // measured by the hand-off test; a picture may scroll like a line
        }
        ImVec4 visible = intersect(screen, rect.clip);
        const ScrollAreaRecord* area =
            rect.scrollArea >= 0 ? &record.areas[static_cast<std::size_t>(rect.scrollArea)]
                                 : nullptr;
        if (area != nullptr) {
            ImVec4 band = intersect(visible, area->visible);
            bool whollyAbove = rect.max.y <= band.y + kTolerancePx;
            bool whollyBelow = rect.min.y >= band.w - kTolerancePx;
            if ((rect.kind == ProbeKind::TextLine || rect.kind == ProbeKind::Button) &&
                ((whollyAbove && area->moreAbove && area->pagerShown) ||
                 (whollyBelow && area->moreBelow && area->pagerShown))) {
                continue; // scrolled away, and the page buttons say so
            }
            visible = band;
        }
        if (rect.kind == ProbeKind::TextLine) {
            // A line drawn under a main action button is as lost as one cut by an edge: the
            // button hides it (the button's own label lies inside it and is not counted).
            ImVec4 shown =
                intersect(ImVec4(rect.min.x, rect.min.y, rect.max.x, rect.max.y), visible);
            // Only a button drawn after the line covers it (an overlay drawn later lies on top).
            for (std::size_t later = static_cast<std::size_t>(&rect - record.rects.data()) + 1;
                 later < record.rects.size(); ++later) {
                const ProbeRect& action = record.rects[later];
                if (action.kind != ProbeKind::MainAction) {
                    continue;
                }
                ImVec4 button(action.min.x, action.min.y, action.max.x, action.max.y);
                ImVec4 under = intersect(shown, button);
                if (under.z - under.x > kTolerancePx && under.w - under.y > kTolerancePx &&
                    !inside(rect.min, rect.max, button)) {
                    findings.push_back(
                        std::string(kindName(rect.kind)) + " \"" + rect.what.substr(0, 60) +
                        "\" lies under the main action \"" + action.what.substr(0, 30) + "\"");
                }
            }
        }
        if (!inside(rect.min, rect.max, visible)) {
            std::ostringstream out;
            out << kindName(rect.kind) << " \"" << rect.what.substr(0, 60) << "\" at ("
                << rect.min.x << ", " << rect.min.y << ")-(" << rect.max.x << ", " << rect.max.y
                << ") outside the visible (" << visible.x << ", " << visible.y << ")-(" << visible.z
                << ", " << visible.w << ")" << (area != nullptr ? " of a scroll area" : "");
            findings.push_back(out.str());
        }
    }
    return findings;
}

bool isStyleVariant(const std::string& name) {
    return name.find("_text_size_") != std::string::npos ||
           name.find("_contrast_") != std::string::npos;
}

// Renders every scene at `resolution` in each language and text size; returns the findings.
std::vector<std::string> runLayoutMatrix(const Resolution& resolution, int& framesChecked) {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    std::ostringstream logs;
    Logger logger(logs);
    KioskOptions options;
    options.mode = RunMode::Screenshots;
    Config panel = testing::panelConfig(resolution);
    std::vector<std::string> findings;
    {
        KioskRuntime runtime(panel, logger, runtimeOptions(options));
        KioskApp app(runtime, options, SDL_RegisterEvents(1));
        REQUIRE(app.start(WindowMode::Offscreen, resolution.width, resolution.height));
        REQUIRE(runtime.catalog() != nullptr);
        app.fixWallClock(screenshotWallClock());
        std::vector<ScreenshotScene> scenes = screenshotScenes({runtime.lessons()});
        // For working through findings: KIOSK_LAYOUT_SCENE=part of a name checks only those
        // scenes, and KIOSK_LAYOUT_SHOTS=DIR keeps a picture of each frame checked.
        const char* only = std::getenv("KIOSK_LAYOUT_SCENE");
        const char* shots = std::getenv("KIOSK_LAYOUT_SHOTS");
        std::string where =
            std::to_string(resolution.width) + "x" + std::to_string(resolution.height);
        for (TextSize size :
             {TextSize::Normal, TextSize::Large, TextSize::Larger, TextSize::Largest}) {
            for (Language language : {Language::Vietnamese, Language::English}) {
                for (const ScreenshotScene& scene : scenes) {
                    if (isStyleVariant(scene.name)) {
                        continue; // the matrix covers every size of every scene
                    }
                    if (only != nullptr && scene.name.find(only) == std::string::npos) {
                        continue;
                    }
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
                    ++framesChecked;
                    if (shots != nullptr) {
                        REQUIRE(app.writeScreenshot(
                            std::filesystem::path(shots) / where /
                            (std::string(languageCode(language)) + "_" + scene.name + "_size" +
                             std::to_string(static_cast<int>(size)) + ".png")));
                    }
                    for (const std::string& finding : layoutFindings(record)) {
                        findings.push_back(where + " " + std::string(languageCode(language)) +
                                           " text size " + std::to_string(static_cast<int>(size)) +
                                           " " + scene.name + ": " + finding);
                    }
                }
            }
        }
    }
    SDL_Quit();
    return findings;
}

// "WIDTHxHEIGHT SIZE SCENE" of the scenes still known to have findings (the ratchet file).
std::set<std::string> knownFindings(const std::string& where) {
    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/tests/ui/layout_known_findings.txt");
    REQUIRE(in);
    std::set<std::string> known;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] != '#' && line.rfind(where + " ", 0) == 0) {
            known.insert(line);
        }
    }
    return known;
}

void checkResolution(const Resolution& resolution) {
    int frames = 0;
    std::vector<std::string> findings = runLayoutMatrix(resolution, frames);
    // KIOSK_LAYOUT_REPORT=FILE writes every finding, for working through them.
    if (const char* file = std::getenv("KIOSK_LAYOUT_REPORT")) {
        std::ofstream all(file, std::ios::app);
        for (const std::string& finding : findings) {
            all << finding << "\n";
        }
    }
    std::string where = std::to_string(resolution.width) + "x" + std::to_string(resolution.height);
    std::set<std::string> known = knownFindings(where);
    std::set<std::string> found;
    std::ostringstream fresh;
    int freshCount = 0;
    for (const std::string& finding : findings) {
        // "WxH vi text size N scene: what" -> "WxH N scene"
        std::istringstream words(finding);
        std::string res, language, text, size, digit, scene;
        words >> res >> language >> text >> size >> digit >> scene;
        scene.pop_back(); // the colon
        std::string key = res + " " + digit + " " + scene;
        found.insert(key);
        if (known.count(key) == 0 && freshCount++ < 40) {
            fresh << finding << "\n";
        }
    }
    std::ostringstream gone;
    for (const std::string& key : known) {
        if (found.count(key) == 0) {
            gone << key << "\n";
        }
    }
    INFO(findings.size() << " findings in " << frames << " frames, in " << found.size()
                         << " scene/size pairs");
    INFO("New findings (fix them):\n" << fresh.str());
    INFO("Fixed since layout_known_findings.txt (delete these lines):\n" << gone.str());
    CHECK((frames > 400 || std::getenv("KIOSK_LAYOUT_SCENE") != nullptr));
    CHECK(freshCount == 0);
    if (std::getenv("KIOSK_LAYOUT_SCENE") == nullptr) {
        CHECK(gone.str().empty());
    }
}

Resolution resolutionNamed(int width, int height) {
    for (const Resolution& resolution : screenshotResolutions()) {
        if (resolution.width == width && resolution.height == height) {
            return resolution;
        }
    }
    FAIL("no screenshot resolution " << width << "x" << height);
    return {};
}

} // namespace

// One test per resolution, so ctest runs them side by side.
TEST_CASE("layout at 1280x800 keeps the edited field and main action and every line whole",
          "[ui][layout]") {
    checkResolution(resolutionNamed(1280, 800));
}

TEST_CASE("layout at 1920x1080 keeps the edited field and main action and every line whole",
          "[ui][layout]") {
    checkResolution(resolutionNamed(1920, 1080));
}

TEST_CASE("layout at 800x1280 portrait keeps the edited field and main action and every line whole",
          "[ui][layout]") {
    checkResolution(resolutionNamed(800, 1280));
}
