// Screen power: idle dimming and blanking; the touch that wakes the screen presses nothing.
#include "kiosk/display/screen_power.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

using Time = ScreenPower::Clock::time_point;
const Time kScreenPowerStart = Time{} + 1h;

// dim_after_s = 300, blank_after_s = 900: the defaults in kiosk.ini.
ScreenPower idleScreen() {
    return ScreenPower(300s, 900s, kScreenPowerStart);
}

// A whole tap: finger down, a small slide, finger up. Returns how many parts reached the UI.
int tap(ScreenPower& power, Time at) {
    int delivered = 0;
    for (TouchPhase phase : {TouchPhase::Down, TouchPhase::Motion, TouchPhase::Up}) {
        delivered += power.touch(phase, at) == TouchVerdict::Deliver ? 1 : 0;
    }
    return delivered;
}

} // namespace

TEST_CASE("the idle screen dims after dim_after_s and blanks after blank_after_s",
          "[screen_power]") {
    ScreenPower power = idleScreen();
    CHECK(power.state() == ScreenPowerState::On);
    CHECK_FALSE(power.update(kScreenPowerStart + 299s, SessionActivity::Idle));
    CHECK(power.nextDeadline() == kScreenPowerStart + 300s);

    CHECK(power.update(kScreenPowerStart + 300s, SessionActivity::Idle) == ScreenPowerState::Dim);
    CHECK_FALSE(power.update(kScreenPowerStart + 301s, SessionActivity::Idle)); // reported once
    CHECK(power.nextDeadline() == kScreenPowerStart + 900s);

    CHECK(power.update(kScreenPowerStart + 900s, SessionActivity::Idle) == ScreenPowerState::Blank);
    // Blank sleeps until a touch: there is no deadline to wake for.
    CHECK_FALSE(power.nextDeadline());
}

TEST_CASE("a long sleep of the loop goes straight to blank", "[screen_power]") {
    ScreenPower power = idleScreen();
    CHECK(power.update(kScreenPowerStart + 2h, SessionActivity::Idle) == ScreenPowerState::Blank);
}

TEST_CASE("a touch restarts the quiet spell", "[screen_power]") {
    ScreenPower power = idleScreen();
    CHECK(tap(power, kScreenPowerStart + 200s) == 3);
    CHECK_FALSE(power.update(kScreenPowerStart + 450s, SessionActivity::Idle));
    CHECK(power.update(kScreenPowerStart + 500s, SessionActivity::Idle) == ScreenPowerState::Dim);
}

TEST_CASE("a tap on a dimmed screen wakes it and presses nothing", "[screen_power]") {
    ScreenPower power = idleScreen();
    REQUIRE(power.update(kScreenPowerStart + 300s, SessionActivity::Idle) == ScreenPowerState::Dim);

    // Down, motion and up of the waking tap all stay away from the UI (and so from intents).
    CHECK(power.touch(TouchPhase::Down, kScreenPowerStart + 310s) == TouchVerdict::Swallow);
    CHECK(power.state() == ScreenPowerState::On);
    CHECK(power.touch(TouchPhase::Motion, kScreenPowerStart + 310s) == TouchVerdict::Swallow);
    CHECK(power.touch(TouchPhase::Up, kScreenPowerStart + 311s) == TouchVerdict::Swallow);

    // The next tap is an ordinary one.
    CHECK(tap(power, kScreenPowerStart + 312s) == 3);
    CHECK(power.nextDeadline() == kScreenPowerStart + 612s);
}

TEST_CASE("a tap on a blank screen wakes it and presses nothing", "[screen_power]") {
    ScreenPower power = idleScreen();
    REQUIRE(power.update(kScreenPowerStart + 1000s, SessionActivity::Idle) ==
            ScreenPowerState::Blank);
    CHECK(tap(power, kScreenPowerStart + 1001s) == 0);
    CHECK(power.state() == ScreenPowerState::On);
    CHECK(tap(power, kScreenPowerStart + 1002s) == 3);
}

TEST_CASE("a second finger during the waking touch is swallowed too", "[screen_power]") {
    ScreenPower power = idleScreen();
    REQUIRE(power.update(kScreenPowerStart + 300s, SessionActivity::Idle));
    CHECK(power.touch(TouchPhase::Down, kScreenPowerStart + 301s) == TouchVerdict::Swallow);
    CHECK(power.touch(TouchPhase::Down, kScreenPowerStart + 301s) == TouchVerdict::Swallow);
    CHECK(power.touch(TouchPhase::Up, kScreenPowerStart + 302s) == TouchVerdict::Swallow);
    // The first release ends the waking touch, so a lost release can never swallow for ever.
    CHECK(power.touch(TouchPhase::Up, kScreenPowerStart + 302s) == TouchVerdict::Deliver);
}

TEST_CASE("moving without pressing on a dim screen neither wakes nor is swallowed",
          "[screen_power]") {
    ScreenPower power = idleScreen();
    REQUIRE(power.update(kScreenPowerStart + 300s, SessionActivity::Idle));
    CHECK(power.touch(TouchPhase::Motion, kScreenPowerStart + 301s) == TouchVerdict::Deliver);
    CHECK(power.state() == ScreenPowerState::Dim);
}

TEST_CASE("a session in progress never dims, and the quiet spell counts from its end",
          "[screen_power]") {
    ScreenPower power = idleScreen();
    // A resident reading a long form without touching for a while.
    CHECK_FALSE(power.update(kScreenPowerStart + 1000s, SessionActivity::InProgress));
    CHECK(power.state() == ScreenPowerState::On);
    // The flow's own timeout ends the session at +1200 s; the home screen dims 300 s later.
    CHECK_FALSE(power.update(kScreenPowerStart + 1200s, SessionActivity::InProgress));
    CHECK_FALSE(power.update(kScreenPowerStart + 1499s, SessionActivity::Idle));
    CHECK(power.update(kScreenPowerStart + 1500s, SessionActivity::Idle) == ScreenPowerState::Dim);
}

TEST_CASE("a session starting without a touch brings the screen back on", "[screen_power]") {
    ScreenPower power = idleScreen();
    REQUIRE(power.update(kScreenPowerStart + 300s, SessionActivity::Idle));
    CHECK(power.update(kScreenPowerStart + 301s, SessionActivity::InProgress) ==
          ScreenPowerState::On);
}

TEST_CASE("screen power states have stable log names", "[screen_power]") {
    CHECK(std::string(screenPowerName(ScreenPowerState::On)) == "on");
    CHECK(std::string(screenPowerName(ScreenPowerState::Dim)) == "dim");
    CHECK(std::string(screenPowerName(ScreenPowerState::Blank)) == "blank");
}
