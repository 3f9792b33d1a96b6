// The idle policy: frames owed after activity, then sleep until the next deadline.
#include "ui/platform/frame_clock.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::ui;
using namespace std::chrono_literals;

TEST_CASE("the frame clock renders three frames after activity, then sleeps", "[frame_clock]") {
    FrameClock clock;
    SteadyTime now{};
    for (int i = 0; i < FrameClock::kFramesAfterActivity; ++i) {
        REQUIRE(clock.wantsFrame());
        CHECK(clock.waitMilliseconds(now, std::nullopt) == 0);
        clock.frameRendered();
    }
    CHECK_FALSE(clock.wantsFrame());
    CHECK(clock.waitMilliseconds(now, std::nullopt) == 60'000);
    clock.noteActivity();
    CHECK(clock.wantsFrame());
}

TEST_CASE("the frame clock sleeps exactly until the next deadline, rounded up", "[frame_clock]") {
    FrameClock clock;
    for (int i = 0; i < FrameClock::kFramesAfterActivity; ++i) {
        clock.frameRendered();
    }
    SteadyTime now{};
    CHECK(clock.waitMilliseconds(now, now + 1500ms) == 1500);
    CHECK(clock.waitMilliseconds(now, now + 1500us) == 2);
    CHECK(clock.waitMilliseconds(now, now - 1s) == 0);
    CHECK(clock.waitMilliseconds(now, now + 10min) == 60'000);
}

TEST_CASE("a timer's redraw owes one frame and never shortens frames owed to activity",
          "[frame_clock]") {
    FrameClock clock;
    for (int i = 0; i < FrameClock::kFramesAfterActivity; ++i) {
        clock.frameRendered();
    }
    clock.noteRedraw();
    REQUIRE(clock.wantsFrame());
    clock.frameRendered();
    CHECK_FALSE(clock.wantsFrame());
    clock.noteActivity();
    clock.noteRedraw();
    for (int i = 0; i < FrameClock::kFramesAfterActivity; ++i) {
        REQUIRE(clock.wantsFrame());
        clock.frameRendered();
    }
    CHECK_FALSE(clock.wantsFrame());
}
