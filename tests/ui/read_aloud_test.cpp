// "Nghe" on every screen: each scene has something to read in both languages, the sound is real
// speech of a plausible length, no resident input is ever in it, and the button toggles and
// stops on navigation.
#include "kiosk/app/scripted_resident.hpp"
#include "kiosk/audio/screen_speech.hpp"
#include "tests/kiosk/audio/spoken_words.hpp"
#include "tests/ui/finger_event.hpp"
#include "ui/kiosk_app.hpp"
#include "ui/screens/screen_entry.hpp"
#include "ui/screenshot_pass.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

// Everything on this screen that the resident typed or the card held: it may be drawn, never
// spoken. Picked list items (a province) are choices everyone sees, not input, so they are not
// here, nor the words of a procedure search, which the matching procedure names contain; every
// other answer of the synthetic person is.
std::vector<std::string> residentInput(const SessionState& state, const Procedure* procedure) {
    std::vector<std::string> values;
    const DossierDraft& d = state.dossier;
    for (const auto& [fieldId, value] : d.values) {
        const Field* field = procedure ? procedure->findField(fieldId) : nullptr;
        if (field == nullptr || field->type != FieldType::Select) {
            values.push_back(value);
        }
    }
    values.push_back(d.cardAccessNumber);
    values.push_back(d.cardBirthDate);
    values.push_back(d.cardExpiryDate);
    if (d.card) {
        values.push_back(d.card->fullName);
        values.push_back(d.card->idNumber);
        values.push_back(d.card->placeOfOrigin);
        values.push_back(d.card->placeOfResidence);
        if (d.card->dateOfBirth) {
            values.push_back(formatDate(*d.card->dateOfBirth));
        }
    }
    if (d.edit && d.edit->composer) {
        values.emplace_back(d.edit->composer->text());
    }
    values.push_back(state.lookup.code);
    // Anything shorter is a number any screen may say ("Bước 1 / 4").
    std::erase_if(values, [](const std::string& v) { return v.size() < 4; });
    return values;
}

struct SpokenScene {
    std::string name;
    Language language;
    Screen screen;
    audio::ScreenSpeech speech;
    std::vector<std::string> input;
};

// Every scene of the screenshot pass, lessons too, in both languages, as one offscreen kiosk
// draws them (a portrait panel at the largest text size when `portrait`).
std::vector<SpokenScene> speakEveryScene(int width, int height) {
    std::vector<SpokenScene> spoken;
    std::ostringstream logs;
    Logger logger(logs);
    KioskOptions options;
    options.mode = RunMode::Screenshots;
    Config config;
    config.display.panelWidthMm = width > height ? 217 : 136;
    config.display.panelHeightMm = width > height ? 136 : 217;
    KioskRuntime runtime(config, logger, runtimeOptions(options));
    KioskApp app(runtime, options, SDL_RegisterEvents(2));
    REQUIRE(app.start(WindowMode::Offscreen, width, height));
    REQUIRE(runtime.catalog() != nullptr);
    app.fixWallClock(screenshotWallClock());
    std::vector<ScreenshotScene> scenes = screenshotScenes(SceneSources{runtime.lessons()});
    for (Language language : {Language::Vietnamese, Language::English}) {
        for (const ScreenshotScene& scene : scenes) {
            Flow& flow = app.resetFlow();
            ScriptedResident resident(flow, SteadyTime{} + std::chrono::hours(1));
            resident.tap(intent::SetLanguage{language});
            scene.reach(flow, resident);
            runtime.showDevices(scene.devices);
            app.renderLive(resident.now());
            // The session's language, as the flow hands it to the voice: the out-of-order screen
            // is always in the kiosk's own language.
            spoken.push_back({scene.name, flow.state().language, flow.state().screen,
                              app.screenSpeech(),
                              residentInput(flow.state(), flow.currentProcedure())});
        }
    }
    return spoken;
}

} // namespace

TEST_CASE("every scene has text to read in both languages and never the resident's input",
          "[ui][speech]") {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    std::map<std::pair<Screen, Language>, int> readable;
    std::map<std::pair<Screen, Language>, int> titled;
    int inputChecked = 0;
    for (auto [width, height] : {std::pair{1280, 800}, std::pair{800, 1280}}) {
        for (const SpokenScene& scene : speakEveryScene(width, height)) {
            INFO(scene.name << " " << languageCode(scene.language) << " " << width << "x"
                            << height);
            std::string text = audio::spokenText(scene.speech);
            INFO(text);
            CHECK_FALSE(scene.speech.empty());
            bool hasHeadingOrInstruction = false;
            for (const audio::SpokenLine& line : scene.speech.lines) {
                hasHeadingOrInstruction = hasHeadingOrInstruction ||
                                          line.role == audio::SpeechRole::Heading ||
                                          line.role == audio::SpeechRole::Instruction;
                CHECK(line.role != audio::SpeechRole::ReadBack); // nobody asked for one
            }
            // Some variants give the heading's room to the choices (home at the largest sizes);
            // each screen must still say what it is in some scene.
            if (hasHeadingOrInstruction) {
                ++titled[{scene.screen, scene.language}];
            }
            for (const std::string& value : scene.input) {
                INFO("resident input: " << value);
                CHECK(text.find(value) == std::string::npos);
                ++inputChecked;
            }
            if (!scene.speech.empty()) {
                ++readable[{scene.screen, scene.language}];
            }
        }
    }
    // The scenes carry the synthetic person's typed answers and the simulated card's holder.
    CHECK(inputChecked > 100);
    for (const ScreenEntry& entry : screenEntries()) {
        for (Language language : {Language::Vietnamese, Language::English}) {
            if (entry.screen == Screen::Maintenance && language == Language::English) {
                continue; // out of order, the kiosk speaks its own language ([kiosk] language)
            }
            INFO(screenName(entry.screen).text() << " " << languageCode(language));
            CHECK(readable[{entry.screen, language}] > 0);
            CHECK(titled[{entry.screen, language}] > 0);
        }
    }
    SDL_Quit();
}

TEST_CASE("each screen read aloud is real speech as long as its words need", "[ui][speech]") {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    auto synthesizer = audio::SpeechSynthesizer::open();
    REQUIRE(synthesizer);
    std::set<std::pair<Screen, Language>> heard;
    auto noClips = std::filesystem::temp_directory_path() / "read-aloud-no-clips";
    for (const SpokenScene& scene : speakEveryScene(1280, 800)) {
        // One scene per screen and language: synthesis is the slow part.
        if (!heard.insert({scene.screen, scene.language}).second) {
            continue;
        }
        INFO(scene.name << " " << languageCode(scene.language));
        std::string text = audio::spokenText(scene.speech);
        INFO(text);
        auto sound = audio::renderScreenSpeech(scene.speech, scene.language, noClips,
                                               synthesizer->get(), 100);
        REQUIRE(sound);
        CHECK(audio::rms(sound->pcm) > 0.02);
        // espeak-ng at 140 words (Vietnamese: syllables) a minute, with pauses between lines.
        double words = static_cast<double>(testing::spokenWordCount(text));
        double seconds = audio::durationSeconds(sound->pcm);
        double pauses = static_cast<double>(scene.speech.lines.size()) *
                        (audio::kPauseBetweenLinesSeconds + 0.5);
        CHECK(seconds > words * 60.0 / 140.0 * 0.4);
        CHECK(seconds < words * 60.0 / 140.0 * 2.0 + pauses);
    }
    CHECK(heard.size() >= 2 * screenEntries().size() - 1); // the out-of-order screen: vi only
    SDL_Quit();
}

TEST_CASE("Nghe starts reading, the same button stops it, and leaving the screen stops it",
          "[ui][speech]") {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    {
        std::ostringstream logs;
        Logger logger(logs);
        KioskOptions options;
        Config config;
        KioskRuntime runtime(config, logger, RuntimeOptions{});
        KioskApp app(runtime, options, SDL_RegisterEvents(2));
        REQUIRE(app.start(WindowMode::Offscreen, 1280, 800));
        auto now = std::chrono::steady_clock::now();
        app.frame(now);
        auto tap = [&](float x, float y) {
            app.handleInput(testing::finger(SDL_FINGERDOWN, x, y), now);
            app.frame(now);
            app.handleInput(testing::finger(SDL_FINGERUP, x, y), now);
            for (int i = 0; i < 3; ++i) {
                app.frame(now);
            }
        };
        // The button sits at the header's left end (about 15-205 px across, 0-85 px down).
        auto tapListen = [&] { tap(110.0f / 1280, 40.0f / 800); };
        const SessionState& state = app.flow().state();
        tapListen();
        CHECK(state.readAloud == ReadAloudState::Speaking);
        CHECK(state.screen == Screen::Home);
        tapListen();
        CHECK(state.readAloud == ReadAloudState::Silent);
        tapListen();
        REQUIRE(state.readAloud == ReadAloudState::Speaking);
        tap(0.25f, 0.35f); // "Nộp hồ sơ"
        CHECK(state.screen != Screen::Home);
        CHECK(state.readAloud == ReadAloudState::Silent);
        // Holding the header still opens the maintainer's PIN pad: the button does not take it.
        CHECK(logs.str().find("maintainer") == std::string::npos);
    }
    SDL_Quit();
}
