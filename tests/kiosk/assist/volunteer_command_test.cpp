// kioskctl volunteer / maintainer-pin: scripted PIN entry, list output, errors.
#include "kiosk/assist/volunteer_command.hpp"
#include "kiosk/assist/volunteer_store.hpp"
#include "tests/kiosk/cli/kioskctl_test_support.hpp"
#include "tests/kiosk/usage/usage_test_support.hpp"

#include <catch2/catch.hpp>
#include <deque>
#include <sstream>

using namespace kiosk;
using namespace kiosk::testing;

namespace {

const PinHashParams kVolunteerCommandFast{1 << 10, 8, 1};

PinReader scripted(std::deque<std::string> answers) {
    return [answers](const char*) mutable {
        std::string next = answers.empty() ? "" : answers.front();
        if (!answers.empty()) {
            answers.pop_front();
        }
        return next;
    };
}

int runVolunteer(const std::vector<std::string>& args, const PinReader& pins, std::ostream& out,
                 std::ostream& err, const PinHashParams& params) {
    return kioskctl({"volunteer"}, args, out, err, pins, params);
}

int runMaintainerPin(const std::vector<std::string>& args, const PinReader& pins, std::ostream& out,
                     std::ostream& err, const PinHashParams& params) {
    return kioskctl({"maintainer-pin"}, args, out, err, pins, params);
}

} // namespace

TEST_CASE("kioskctl volunteer add, list and disable", "[assist]") {
    TempDir dir;
    std::string db = (dir / "assist.db").string();
    std::ostringstream out;
    std::ostringstream err;
    REQUIRE(runVolunteer({"add", "--name", "Chị Lan", "--db", db}, scripted({"2580", "2580"}), out,
                         err, kVolunteerCommandFast) == 0);
    std::string id = out.str().substr(0, 12);
    CHECK(VolunteerCode::isValid(id));

    std::ostringstream listed;
    REQUIRE(runVolunteer({"list", "--db", db}, scripted({}), listed, err, kVolunteerCommandFast) ==
            0);
    CHECK(listed.str() == id + "\tenabled\tChị Lan\n");

    REQUIRE(runVolunteer({"disable", id, "--db", db}, scripted({}), out, err,
                         kVolunteerCommandFast) == 0);
    std::ostringstream after;
    runVolunteer({"list", "--db", db}, scripted({}), after, err, kVolunteerCommandFast);
    CHECK(after.str() == id + "\tdisabled\tChị Lan\n");
    CHECK(err.str().empty());
}

TEST_CASE("kioskctl volunteer refuses mismatched PINs and bad arguments", "[assist]") {
    TempDir dir;
    std::string db = (dir / "assist.db").string();
    std::ostringstream out;
    std::ostringstream err;
    CHECK(runVolunteer({"add", "--name", "Chị Lan", "--db", db}, scripted({"2580", "2581"}), out,
                       err, kVolunteerCommandFast) == 1);
    CHECK(err.str().find("differ") != std::string::npos);
    CHECK(runVolunteer({"add", "--db", db}, scripted({}), out, err, kVolunteerCommandFast) == 2);
    CHECK(runVolunteer({"disable"}, scripted({}), out, err, kVolunteerCommandFast) == 2);
    CHECK(runVolunteer({"fly"}, scripted({}), out, err, kVolunteerCommandFast) == 2);
    CHECK(runVolunteer({"add", "--name", "A", "--db", db}, scripted({"12", "12"}), out, err,
                       kVolunteerCommandFast) == 1);
    CHECK(runVolunteer({"disable", "vol-00000000", "--db", db}, scripted({}), out, err,
                       kVolunteerCommandFast) == 1);
    CHECK(out.str().empty());
}

TEST_CASE("kioskctl maintainer-pin set stores a PIN the kiosk accepts", "[assist]") {
    TempDir dir;
    std::string db = (dir / "assist.db").string();
    std::ostringstream out;
    std::ostringstream err;
    REQUIRE(runMaintainerPin({"set", "--db", db}, scripted({"86420975", "86420975"}), out, err,
                             kVolunteerCommandFast) == 0);
    FakeWallClock clock(std::chrono::system_clock::now());
    auto store = VolunteerStore::open(db, VolunteerStoreOptions{}, nullptr, clock.function());
    REQUIRE(store.ok());
    CHECK((*store)->checkMaintainerPin("86420975").ok());
    CHECK(runMaintainerPin({"reset"}, scripted({}), out, err, kVolunteerCommandFast) == 2);
}

TEST_CASE("kioskctl refuses the PINs the screen refuses", "[assist][trust]") {
    TempDir dir;
    std::string db = (dir / "assist.db").string();
    for (const char* easy : {"1234", "0000", "2222"}) {
        std::ostringstream out;
        std::ostringstream err;
        CHECK(runVolunteer({"add", "--name", "Chị Lan", "--db", db}, scripted({easy, easy}), out,
                           err, kVolunteerCommandFast) == 1);
        CHECK(err.str().find("too easy") != std::string::npos);
    }
    for (const char* easy : {"123456", "000000", "654321"}) {
        std::ostringstream out;
        std::ostringstream err;
        CHECK(runMaintainerPin({"set", "--db", db}, scripted({easy, easy}), out, err,
                               kVolunteerCommandFast) == 1);
        CHECK(err.str().find("too easy") != std::string::npos);
    }
    std::ostringstream listed;
    std::ostringstream err;
    REQUIRE(runVolunteer({"list", "--db", db}, scripted({}), listed, err, kVolunteerCommandFast) ==
            0);
    CHECK(listed.str().empty());
}
