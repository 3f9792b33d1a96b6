// "Nghe" on any screen: the flow asks for the screen's speech, the same tap stops it, leaving
// the screen stops it, and the volunteers' volume goes with every spoken text.
#include "kiosk/app/scripted_resident.hpp"
#include "tests/kiosk/flow/flow_journey.hpp"

#include <algorithm>

using namespace kiosk;
using kiosk::testing::FlowJourney;

namespace {

audio::ScreenSpeech homeSpeech() {
    audio::ScreenSpeech speech;
    speech.add(audio::SpeechRole::Heading, "Xin chào! Bác cần làm gì hôm nay?");
    speech.add(audio::SpeechRole::Choice, "Nộp hồ sơ");
    return speech;
}

template <class T> std::size_t countOf(const std::vector<Effect>& effects) {
    return static_cast<std::size_t>(
        std::count_if(effects.begin(), effects.end(),
                      [](const Effect& e) { return std::holds_alternative<T>(e); }));
}

void signInVolunteer(FlowJourney& j) {
    j.tap(intent::Open{Screen::Help});
    j.tap(intent::OpenVolunteerSignIn{});
    j.flow.volunteersLoaded({{"vol-0a1b2c3d", "Chị Hà", true}});
    j.tap(intent::ChooseVolunteer{"vol-0a1b2c3d"});
    for (char c : std::string("2468")) {
        input::KeyDef key;
        key.character = static_cast<char32_t>(c);
        j.tap(intent::PinKey{key});
    }
    input::KeyDef done;
    done.action = input::KeyAction::Done;
    j.tap(intent::PinKey{done});
    j.flow.volunteerPinChecked({PinCheckOutcome::Ok, 0, 0, "Chị Hà"});
    j.flow.takeEffects();
}

} // namespace

TEST_CASE("Nghe reads the screen in its language and the same button stops it", "[flow][speech]") {
    FlowJourney j;
    j.tap(intent::SetLanguage{Language::English});
    j.flow.takeEffects();
    j.tap(intent::ReadAloud{homeSpeech()});
    auto effects = j.flow.takeEffects();
    REQUIRE(countOf<effect::SpeakScreen>(effects) == 1);
    const auto& speak = std::get<effect::SpeakScreen>(effects.back());
    CHECK(speak.speech == homeSpeech());
    CHECK(speak.language == Language::English);
    CHECK(speak.volumePercent == j.config.audio.volumePercent);
    CHECK(j.flow.state().readAloud == ReadAloudState::Speaking);

    j.tap(intent::ReadAloud{homeSpeech()});
    effects = j.flow.takeEffects();
    CHECK(countOf<effect::StopAudio>(effects) == 1);
    CHECK(countOf<effect::SpeakScreen>(effects) == 0);
    CHECK(j.flow.state().readAloud == ReadAloudState::Silent);

    j.tap(intent::ReadAloud{homeSpeech()}); // a third tap reads again
    CHECK(countOf<effect::SpeakScreen>(j.flow.takeEffects()) == 1);
}

TEST_CASE("leaving the screen stops reading it aloud", "[flow][speech]") {
    FlowJourney j;
    auto startReading = [&] {
        j.tap(intent::ReadAloud{homeSpeech()});
        j.flow.takeEffects();
        REQUIRE(j.flow.state().readAloud == ReadAloudState::Speaking);
    };
    auto expectStopped = [&] {
        CHECK(countOf<effect::StopAudio>(j.flow.takeEffects()) == 1);
        CHECK(j.flow.state().readAloud == ReadAloudState::Silent);
    };
    startReading();
    j.tap(intent::Open{Screen::ProcedureCategories});
    expectStopped();
    startReading();
    j.tap(intent::Back{});
    expectStopped();
    startReading();
    j.tap(intent::Open{Screen::Help});
    j.flow.takeEffects();
    startReading();
    j.tap(intent::StartOver{});
    expectStopped();

    // Changes on the same screen (a tick, a text size) leave the reading alone.
    j.tap(intent::Open{Screen::Help});
    startReading();
    j.tap(intent::SetTextSize{TextSize::Large});
    CHECK(countOf<effect::StopAudio>(j.flow.takeEffects()) == 0);
    CHECK(j.flow.state().readAloud == ReadAloudState::Speaking);
}

TEST_CASE("the end of the speech turns the button back without counting as a touch",
          "[flow][speech]") {
    FlowJourney j;
    j.tap(intent::Open{Screen::Help});
    j.tap(intent::ReadAloud{homeSpeech()});
    SteadyTime touched = j.flow.state().lastInput;
    j.flow.apply(intent::ReadAloudFinished{}, j.now + std::chrono::seconds(30));
    CHECK(j.flow.state().readAloud == ReadAloudState::Silent);
    CHECK(j.flow.state().lastInput == touched);
}

TEST_CASE("the out-of-order screen can be read aloud and still cannot be left", "[flow][speech]") {
    FlowJourney j;
    j.flow.enterMaintenance("content missing");
    j.tap(intent::ReadAloud{homeSpeech()});
    CHECK(countOf<effect::SpeakScreen>(j.flow.takeEffects()) == 1);
    j.tap(intent::Open{Screen::Help});
    CHECK(j.flow.state().screen == Screen::Maintenance);
}

TEST_CASE("a volunteer sets the guidance volume and a resident cannot", "[flow][speech][assist]") {
    FlowJourney j;
    j.tap(intent::SetGuidanceVolume{30});
    CHECK(j.flow.state().assist.guidanceVolumePercent == j.config.audio.volumePercent);
    CHECK(j.flow.takeEffects().empty());

    signInVolunteer(j);
    j.tap(intent::SetGuidanceVolume{130});
    auto effects = j.flow.takeEffects();
    CHECK(j.flow.state().assist.guidanceVolumePercent == 100);
    REQUIRE(countOf<effect::SaveGuidanceVolume>(effects) == 1);
    REQUIRE(countOf<effect::PlayAudio>(effects) == 1); // a sample at the new level
    j.tap(intent::SetGuidanceVolume{40});
    effects = j.flow.takeEffects();
    for (const Effect& e : effects) {
        if (const auto* save = std::get_if<effect::SaveGuidanceVolume>(&e)) {
            CHECK(save->percent == 40);
        }
        if (const auto* sample = std::get_if<effect::PlayAudio>(&e)) {
            CHECK(sample->volumePercent == 40);
        }
    }
    // The resident after the volunteer's help hears the screen at that level too.
    j.tap(intent::StartOver{});
    j.flow.takeEffects();
    j.tap(intent::ReadAloud{homeSpeech()});
    effects = j.flow.takeEffects();
    REQUIRE(countOf<effect::SpeakScreen>(effects) == 1);
    CHECK(std::get<effect::SpeakScreen>(effects.back()).volumePercent == 40);
}

TEST_CASE("on review the resident may ask to hear one screen's answers, and only there",
          "[flow][speech]") {
    FlowJourney j;
    const Procedure* procedure = j.catalog.findProcedure("1.004194");
    REQUIRE(procedure != nullptr);
    ScriptedResident resident(j.flow, j.now);
    resident.startProcedure(*procedure);
    resident.tap(intent::ReadBack{0}); // not on review: nothing is read
    CHECK(countOf<effect::SpeakScreen>(j.flow.takeEffects()) == 0);

    FieldValues answers = syntheticAnswers(*procedure, j.catalog, CivilDate{2026, 11, 25});
    for (int guard = 0; j.flow.state().screen == Screen::FormGroup && guard < 12; ++guard) {
        resident.fillCurrentGroup(*procedure, answers);
        resident.tap(intent::Next{});
    }
    resident.tap(intent::Next{}); // documents -> review
    REQUIRE(j.flow.state().screen == Screen::Review);
    j.flow.takeEffects();
    resident.tap(intent::ReadBack{0});
    auto effects = j.flow.takeEffects();
    REQUIRE(countOf<effect::SpeakScreen>(effects) == 1);
    const audio::ScreenSpeech& speech = std::get<effect::SpeakScreen>(effects.back()).speech;
    REQUIRE(speech.lines.size() == procedure->groups[0].fields.size() + 1);
    CHECK(speech.lines[0].role == audio::SpeechRole::Heading);
    const Field& first = procedure->groups[0].fields[0];
    CHECK(speech.lines[1].role == audio::SpeechRole::ReadBack);
    CHECK(speech.lines[1].text == first.label.vi + ": " + answers.at(first.id));
    // The same button stops it, like "Nghe".
    resident.tap(intent::ReadBack{0});
    CHECK(countOf<effect::SpeakScreen>(j.flow.takeEffects()) == 0);
    CHECK(j.flow.state().readAloud == ReadAloudState::Silent);
}
