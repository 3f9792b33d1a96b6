// The session state machine: navigation, accessibility, inactivity countdown and wipe.
#include "kiosk/flow/flow.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct FlowFixture {
    Config config;
    std::ostringstream logs;
    Logger logger{logs, LogLevel::Debug};
    SteadyTime t0 = SteadyTime{} + 1000s;
};

} // namespace

TEST_CASE("the kiosk starts on the home screen with no session", "[flow]") {
    FlowFixture f;
    Flow flow(f.config, f.logger);
    CHECK(flow.state().screen == Screen::Home);
    CHECK_FALSE(flow.state().active);
    CHECK_FALSE(flow.nextDeadline());
}

TEST_CASE("opening a screen starts a session and Back returns", "[flow]") {
    FlowFixture f;
    Flow flow(f.config, f.logger);
    flow.apply(intent::Open{Screen::Help}, f.t0);
    CHECK(flow.state().active);
    CHECK(flow.state().screen == Screen::Help);
    flow.apply(intent::Back{}, f.t0 + 1s);
    CHECK(flow.state().screen == Screen::Home);
    CHECK(flow.state().active); // Back does not end the session
    flow.apply(intent::Back{}, f.t0 + 2s);
    CHECK(flow.state().screen == Screen::Home); // nothing to go back to
}

TEST_CASE("start over wipes the session, its language and accessibility", "[flow]") {
    FlowFixture f;
    Flow flow(f.config, f.logger);
    flow.apply(intent::SetLanguage{Language::English}, f.t0);
    flow.apply(intent::SetTextSize{TextSize::Largest}, f.t0);
    flow.apply(intent::SetContrast{Contrast::HighDark}, f.t0);
    flow.apply(intent::Open{Screen::Lookup}, f.t0);
    flow.apply(intent::StartOver{}, f.t0 + 5s);
    CHECK(flow.state().screen == Screen::Home);
    CHECK_FALSE(flow.state().active);
    CHECK(flow.state().language == Language::Vietnamese);
    CHECK(flow.state().accessibility == Accessibility{});
    CHECK(flow.state().history.empty());
    CHECK(f.logs.str().find("session_ended") != std::string::npos);
}

TEST_CASE("inactivity shows the countdown and then wipes the session", "[flow]") {
    FlowFixture f;
    f.config.session.inactivityTimeout = 120s;
    f.config.session.stillThereCountdown = 30s;
    Flow flow(f.config, f.logger);
    flow.apply(intent::SetTextSize{TextSize::Large}, f.t0);
    flow.apply(intent::Open{Screen::Help}, f.t0);

    CHECK_FALSE(flow.tick(f.t0 + 119s));
    CHECK(flow.nextDeadline() == f.t0 + 120s);
    CHECK(flow.tick(f.t0 + 120s));
    REQUIRE(flow.state().wipeAt);
    CHECK(flow.secondsUntilWipe(f.t0 + 120s) == 30);
    CHECK(flow.secondsUntilWipe(f.t0 + 140500ms) == 10);
    CHECK(flow.nextDeadline() == f.t0 + 150s);

    CHECK_FALSE(flow.tick(f.t0 + 149s));
    CHECK(flow.tick(f.t0 + 150s));
    CHECK(flow.state().screen == Screen::Home);
    CHECK_FALSE(flow.state().active);
    CHECK(flow.state().accessibility.textSize == TextSize::Normal);
    CHECK(f.logs.str().find("session_timed_out") != std::string::npos);
}

TEST_CASE("after a timeout home says the data was erased, until the next touch", "[flow]") {
    FlowFixture f;
    Flow flow(f.config, f.logger);
    flow.apply(intent::Open{Screen::Help}, f.t0);
    SteadyTime asked = f.t0 + f.config.session.inactivityTimeout;
    flow.tick(asked);
    flow.tick(asked + f.config.session.stillThereCountdown);
    REQUIRE(flow.state().screen == Screen::Home);
    CHECK(flow.state().erasedAfterTimeout);
    flow.apply(intent::Open{Screen::Help}, asked + 1h); // the next resident
    CHECK_FALSE(flow.state().erasedAfterTimeout);
    flow.apply(intent::StartOver{}, asked + 1h + 5s); // ended by the resident: nothing to say
    CHECK_FALSE(flow.state().erasedAfterTimeout);
}

TEST_CASE("a touch during the countdown keeps the session", "[flow]") {
    FlowFixture f;
    Flow flow(f.config, f.logger);
    flow.apply(intent::Open{Screen::Help}, f.t0);
    flow.tick(f.t0 + f.config.session.inactivityTimeout);
    REQUIRE(flow.state().wipeAt);
    flow.apply(intent::StillHere{}, f.t0 + f.config.session.inactivityTimeout + 3s);
    CHECK_FALSE(flow.state().wipeAt);
    CHECK(flow.state().screen == Screen::Help);
    // The inactivity clock restarts from the touch.
    CHECK(flow.nextDeadline() == f.t0 + 2 * f.config.session.inactivityTimeout + 3s);
}

TEST_CASE("the idle home screen never times out", "[flow]") {
    FlowFixture f;
    Flow flow(f.config, f.logger);
    CHECK_FALSE(flow.tick(f.t0 + 10000s));
    CHECK(flow.state().screen == Screen::Home);
}

TEST_CASE("maintenance cannot be left by a resident", "[flow]") {
    FlowFixture f;
    Flow flow(f.config, f.logger);
    flow.enterMaintenance("config: kiosk.ini:3: unknown key");
    flow.apply(intent::Open{Screen::Help}, f.t0);
    flow.apply(intent::StartOver{}, f.t0);
    CHECK(flow.state().screen == Screen::Maintenance);
    CHECK(flow.state().maintenanceReason == "config: kiosk.ini:3: unknown key");
    CHECK_FALSE(flow.tick(f.t0 + 10000s));
}

TEST_CASE("the Help screen's call button chimes, is logged and shows on the tools", "[flow]") {
    FlowFixture f;
    Flow flow(f.config, f.logger);
    flow.apply(intent::Open{Screen::Help}, f.t0);
    flow.takeEffects();
    flow.apply(intent::CallVolunteer{}, f.t0 + 1s);
    CHECK(flow.state().volunteerCalled);
    CHECK(flow.state().screen == Screen::Help);
    bool chimed = false;
    for (const Effect& effect : flow.takeEffects()) {
        if (const auto* play = std::get_if<effect::PlayAudio>(&effect)) {
            chimed = play->language == Language::Vietnamese && !play->text.empty();
        }
    }
    CHECK(chimed);
    CHECK(f.logs.str().find("\"volunteer_called\"") != std::string::npos);
    // The call belongs to this resident's session and ends with it.
    flow.apply(intent::StartOver{}, f.t0 + 2s);
    CHECK_FALSE(flow.state().volunteerCalled);
}
