// Assisted mode: automatic sign-out after inactivity and after the overall limit.
#include "kiosk/assist/assist_session.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace std::chrono;

namespace {

const steady_clock::time_point kStart{hours(1000)};

AssistedConfig limits(bool countPerVolunteer = false) {
    AssistedConfig config;
    config.inactivitySignout = minutes(10);
    config.sessionLimit = hours(2);
    config.countPerVolunteer = countPerVolunteer;
    return config;
}

const Volunteer kLan{"vol-0a1b2c3d", "Chị Lan", VolunteerState::Enabled};

} // namespace

TEST_CASE("a volunteer is signed out after the inactivity limit", "[assist]") {
    AssistSession session(limits(), nullptr);
    REQUIRE(session.signIn(kLan, kStart).ok());
    CHECK(session.assisted() == Assisted::Yes);
    CHECK(session.volunteer()->displayName == "Chị Lan");
    CHECK_FALSE(session.tick(kStart + minutes(9)));
    CHECK(session.tick(kStart + minutes(10)) == SignOutReason::Inactivity);
    CHECK_FALSE(session.volunteer());
    CHECK(session.assisted() == Assisted::No);
    CHECK_FALSE(session.tick(kStart + minutes(11)));
}

TEST_CASE("touches keep a volunteer in, until the overall limit", "[assist]") {
    AssistSession session(limits(), nullptr);
    REQUIRE(session.signIn(kLan, kStart).ok());
    for (int minute = 5; minute < 120; minute += 5) {
        session.noteActivity(kStart + minutes(minute));
        CHECK_FALSE(session.tick(kStart + minutes(minute) + seconds(30)));
    }
    session.noteActivity(kStart + minutes(119));
    CHECK(session.nextDeadline() == kStart + hours(2));
    CHECK(session.tick(kStart + hours(2)) == SignOutReason::SessionLimit);
}

TEST_CASE("the next sign-out deadline is the earlier of the two clocks", "[assist]") {
    AssistSession session(limits(), nullptr);
    CHECK_FALSE(session.nextDeadline());
    REQUIRE(session.signIn(kLan, kStart).ok());
    CHECK(session.nextDeadline() == kStart + minutes(10));
    session.noteActivity(kStart + minutes(4));
    CHECK(session.nextDeadline() == kStart + minutes(14));
}

TEST_CASE("counting per volunteer uses the pseudonymous code and only when enabled", "[assist]") {
    AssistSession off(limits(false), nullptr);
    REQUIRE(off.signIn(kLan, kStart).ok());
    CHECK_FALSE(off.volunteerToCount());
    AssistSession on(limits(true), nullptr);
    CHECK_FALSE(on.volunteerToCount());
    REQUIRE(on.signIn(kLan, kStart).ok());
    REQUIRE(on.volunteerToCount());
    CHECK(on.volunteerToCount()->text() == "vol-0a1b2c3d");
}

TEST_CASE("signing in and out is logged by code and reason, never by name", "[assist]") {
    std::ostringstream logText;
    Logger logger(logText);
    AssistSession session(limits(), &logger);
    REQUIRE(session.signIn(kLan, kStart).ok());
    session.signOut(SignOutReason::ByHand);
    std::string text = logText.str();
    CHECK(text.find("volunteer_signed_in") != std::string::npos);
    CHECK(text.find("\"reason\":\"by_hand\"") != std::string::npos);
    CHECK(text.find("vol-0a1b2c3d") != std::string::npos);
    CHECK(text.find("Lan") == std::string::npos);
}

TEST_CASE("a disabled or malformed volunteer cannot start assisted mode", "[assist]") {
    AssistSession session(limits(), nullptr);
    CHECK_FALSE(
        session.signIn(Volunteer{"vol-0a1b2c3d", "X", VolunteerState::Disabled}, kStart).ok());
    CHECK_FALSE(session.signIn(Volunteer{"Chị Lan", "X", VolunteerState::Enabled}, kStart).ok());
    CHECK_FALSE(session.volunteer());
}
