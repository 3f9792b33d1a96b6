// Volunteer store on a real SQLite file: sign-in, lockout that survives a restart, no names logged.
#include "kiosk/assist/volunteer_store.hpp"
#include "tests/kiosk/usage/usage_test_support.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <sstream>

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono;

namespace {

VolunteerStoreOptions fastOptions() {
    VolunteerStoreOptions options;
    options.hashParams = PinHashParams{1 << 10, 8, 1};
    return options;
}

// One boot whose boot clock moves with the fake wall clock, so these tests can let time pass
// by moving one clock.
std::unique_ptr<VolunteerStore> openStore(const std::filesystem::path& path,
                                          const FakeWallClock& clock, Logger* logger = nullptr) {
    VolunteerStoreOptions options = fastOptions();
    options.bootClock = [&clock] {
        return LockoutInstant{0, "test-boot",
                              duration_cast<seconds>(clock.now().time_since_epoch()).count()};
    };
    auto store = VolunteerStore::open(path, options, logger, clock.function());
    REQUIRE(store.ok());
    return std::move(*store);
}

std::string failWith(VolunteerStore& store, const std::string& id, const std::string& pin) {
    auto result = store.signIn(id, pin);
    return result.ok() ? "ok" : result.error().code;
}

} // namespace

TEST_CASE("a volunteer added with a PIN signs in with it and not with another", "[assist]") {
    TempDir dir;
    FakeWallClock clock(system_clock::now());
    auto store = openStore(dir / "assist.db", clock);
    auto lan = store->addVolunteer("Chị Lan", "2580");
    REQUIRE(lan.ok());
    CHECK(VolunteerCode::isValid(lan->id));
    auto signedIn = store->signIn(lan->id, "2580");
    REQUIRE(signedIn.ok());
    CHECK(signedIn->displayName == "Chị Lan");
    CHECK(failWith(*store, lan->id, "0000") == "assist.wrong_pin");
    CHECK(failWith(*store, "vol-00000000", "2580") == "assist.unknown_volunteer");
}

TEST_CASE("volunteer names must be short printable text and PINs well formed", "[assist]") {
    TempDir dir;
    FakeWallClock clock(system_clock::now());
    auto store = openStore(dir / "assist.db", clock);
    CHECK(store->addVolunteer("", "2580").error().code == "assist.bad_name");
    CHECK(store->addVolunteer("Anh\nTuấn", "2580").error().code == "assist.bad_name");
    CHECK(store->addVolunteer(std::string(41, 'a'), "2580").error().code == "assist.bad_name");
    CHECK(store->addVolunteer("Nguyễn Thị Thanh Hương - Đoàn Thanh niên", "2580").ok());
    CHECK(store->addVolunteer("Anh Tuấn", "25").error().code == "assist.bad_pin_shape");
}

TEST_CASE("five wrong PINs lock sign-in, and each further failure doubles it", "[assist]") {
    TempDir dir;
    FakeWallClock clock(system_clock::now());
    auto store = openStore(dir / "assist.db", clock);
    auto id = store->addVolunteer("Anh Tuấn", "1357")->id;
    for (int i = 0; i < 4; ++i) {
        CHECK(failWith(*store, id, "0000") == "assist.wrong_pin");
        CHECK(store->lockedFor(id) == seconds(0));
    }
    CHECK(failWith(*store, id, "0000") == "assist.wrong_pin");
    CHECK(store->lockedFor(id) == seconds(15));
    // While locked even the right PIN is refused, and not counted.
    CHECK(failWith(*store, id, "1357") == "assist.locked");
    clock.advance(seconds(15));
    CHECK(failWith(*store, id, "0000") == "assist.wrong_pin");
    CHECK(store->lockedFor(id) == seconds(30));
    clock.advance(seconds(30));
    CHECK(failWith(*store, id, "0000") == "assist.wrong_pin");
    CHECK(store->lockedFor(id) == seconds(60));
    clock.advance(seconds(60));
    CHECK(store->signIn(id, "1357").ok());
    // Success clears the count: the next mistake is a free attempt again.
    CHECK(failWith(*store, id, "0000") == "assist.wrong_pin");
    CHECK(store->lockedFor(id) == seconds(0));
}

TEST_CASE("a lockout survives closing and reopening the store", "[assist]") {
    TempDir dir;
    FakeWallClock clock(system_clock::now());
    std::string id;
    {
        auto store = openStore(dir / "assist.db", clock);
        id = store->addVolunteer("Anh Tuấn", "1357")->id;
        for (int i = 0; i < 6; ++i) {
            store->signIn(id, "0000");
            clock.advance(seconds(20));
        }
    }
    auto reopened = openStore(dir / "assist.db", clock);
    CHECK(reopened->lockedFor(id) == seconds(10));
    CHECK(failWith(*reopened, id, "1357") == "assist.locked");
    clock.advance(seconds(10));
    CHECK(failWith(*reopened, id, "0000") == "assist.wrong_pin");
    CHECK(reopened->lockedFor(id) == seconds(60)); // seventh failure: doubling went on
}

TEST_CASE("a disabled volunteer cannot sign in until enabled again", "[assist]") {
    TempDir dir;
    FakeWallClock clock(system_clock::now());
    auto store = openStore(dir / "assist.db", clock);
    auto id = store->addVolunteer("Chị Lan", "2580")->id;
    auto other = store->addVolunteer("Anh Bình", "3141")->id;
    REQUIRE(store->setVolunteerState(id, VolunteerState::Disabled).ok());
    CHECK(failWith(*store, id, "2580") == "assist.disabled");
    auto list = store->listVolunteers();
    REQUIRE(list.ok());
    REQUIRE(list->size() == 2);
    CHECK((*list)[0].id == other);
    CHECK((*list)[1].state == VolunteerState::Disabled);
    REQUIRE(store->setVolunteerState(id, VolunteerState::Enabled).ok());
    CHECK(store->signIn(id, "2580").ok());
    CHECK(store->setVolunteerState("vol-deadbeef", VolunteerState::Disabled).error().code ==
          "assist.unknown_volunteer");
}

TEST_CASE("a new PIN replaces the old one and clears the lockout", "[assist]") {
    TempDir dir;
    FakeWallClock clock(system_clock::now());
    auto store = openStore(dir / "assist.db", clock);
    auto id = store->addVolunteer("Chị Lan", "2580")->id;
    for (int i = 0; i < 5; ++i) {
        store->signIn(id, "0000");
    }
    REQUIRE(store->lockedFor(id) > seconds(0));
    REQUIRE(store->setVolunteerPin(id, "975310").ok());
    CHECK(store->lockedFor(id) == seconds(0));
    CHECK(failWith(*store, id, "2580") == "assist.wrong_pin");
    CHECK(store->signIn(id, "975310").ok());
}

TEST_CASE("the maintainer PIN is hashed the same way and locks out the same way", "[assist]") {
    TempDir dir;
    FakeWallClock clock(system_clock::now());
    auto store = openStore(dir / "assist.db", clock);
    CHECK_FALSE(store->hasMaintainerPin());
    CHECK(store->checkMaintainerPin("123456").error().code == "assist.no_maintainer_pin");
    CHECK(store->setMaintainerPin("1234").error().code == "assist.bad_pin_shape");
    CHECK(store->setMaintainerPin("123456").error().code == "assist.easy_pin");
    REQUIRE(store->setMaintainerPin("86420975").ok());
    CHECK(store->hasMaintainerPin());
    CHECK(store->checkMaintainerPin("86420975").ok());
    for (int i = 0; i < 5; ++i) {
        CHECK(store->checkMaintainerPin("11111111").error().code == "assist.wrong_pin");
    }
    CHECK(store->checkMaintainerPin("86420975").error().code == "assist.locked");
    CHECK(store->lockedFor("maintainer") == seconds(15));
    auto stored = queryCount(dir / "assist.db", "SELECT count(*) FROM maintainer WHERE pin_hash "
                                                "LIKE 'scrypt$1024$8$1$%'");
    CHECK(stored == 1);
}

TEST_CASE("volunteer events log the pseudonymous id and never the name or PIN", "[assist]") {
    TempDir dir;
    FakeWallClock clock(system_clock::now());
    std::ostringstream logText;
    Logger logger(logText, LogLevel::Debug);
    auto store = openStore(dir / "assist.db", clock, &logger);
    auto id = store->addVolunteer("Chị Lan", "2580")->id;
    store->signIn(id, "9999");
    store->signIn(id, "2580");
    store->setVolunteerState(id, VolunteerState::Disabled);
    std::string text = logText.str();
    CHECK(text.find(id) != std::string::npos);
    CHECK(text.find("volunteer_pin_rejected") != std::string::npos);
    CHECK(text.find("Lan") == std::string::npos);
    CHECK(text.find("2580") == std::string::npos);
    CHECK(text.find("9999") == std::string::npos);
}

TEST_CASE("a PIN set outside the screen meets the same new-PIN policy", "[assist][trust]") {
    TempDir dir;
    FakeWallClock clock(system_clock::now());
    auto store = openStore(dir / "assist.db", clock);
    for (const char* easy : {"1234", "0000", "9876", "1212"}) {
        CHECK(store->addVolunteer("Chị Lan", easy).error().code == "assist.easy_pin");
    }
    auto id = store->addVolunteer("Chị Lan", "2580")->id;
    CHECK(store->setVolunteerPin(id, "0000").error().code == "assist.easy_pin");
    for (const char* easy : {"123456", "000000", "12121212"}) {
        CHECK(store->setMaintainerPin(easy).error().code == "assist.easy_pin");
    }
    CHECK_FALSE(store->hasMaintainerPin());
}

namespace {

// A machine whose wall clock and boot clock can be moved apart, and rebooted.
struct TwoClocks {
    FakeWallClock wall{system_clock::now()};
    std::string bootId = "boot-1";
    std::int64_t bootSeconds = 100;

    std::unique_ptr<VolunteerStore> open(const std::filesystem::path& path) {
        VolunteerStoreOptions options = fastOptions();
        options.bootClock = [this] { return LockoutInstant{0, bootId, bootSeconds}; };
        auto store = VolunteerStore::open(path, options, nullptr, wall.function());
        REQUIRE(store.ok());
        return std::move(*store);
    }
    void reboot() {
        bootId += "+";
        bootSeconds = 20;
    }
};

std::string lockOut(VolunteerStore& store) {
    auto id = store.addVolunteer("Anh Tuấn", "1357")->id;
    for (int i = 0; i < 5; ++i) {
        store.signIn(id, "0000");
    }
    REQUIRE(store.lockedFor(id) == seconds(15));
    return id;
}

} // namespace

TEST_CASE("a wall clock set back a year does not stretch a lockout", "[assist][trust]") {
    TempDir dir;
    TwoClocks clocks;
    auto store = clocks.open(dir / "assist.db");
    auto id = lockOut(*store);
    clocks.wall.advance(-hours(24 * 365));
    CHECK(store->lockedFor(id) == seconds(15)); // a deadline would now be a year away
    // Restarted with the clock still a year back: the boot clock is gone, the wall clock ran
    // backwards, so the whole lockout is served again, and no more.
    clocks.reboot();
    auto reopened = clocks.open(dir / "assist.db");
    CHECK(reopened->lockedFor(id) == seconds(15));
    clocks.bootSeconds += 15; // carried over to the new boot's clock when the store opened
    CHECK(reopened->signIn(id, "1357").ok());
}

TEST_CASE("within one boot a lockout runs on the boot clock, whatever the wall clock does",
          "[assist][trust]") {
    TempDir dir;
    TwoClocks clocks;
    auto store = clocks.open(dir / "assist.db");
    auto id = lockOut(*store);
    clocks.wall.advance(hours(24)); // setting the clock forward does not end it either
    CHECK(store->lockedFor(id) == seconds(15));
    clocks.bootSeconds += 10;
    CHECK(store->lockedFor(id) == seconds(5));
    clocks.bootSeconds += 5;
    CHECK(store->lockedFor(id) == seconds(0));
}

TEST_CASE("after a restart the time left is read from the wall clock", "[assist][trust]") {
    TempDir dir;
    TwoClocks clocks;
    std::string id;
    {
        auto store = clocks.open(dir / "assist.db");
        id = lockOut(*store);
    }
    clocks.reboot();
    clocks.wall.advance(seconds(6));
    auto reopened = clocks.open(dir / "assist.db");
    CHECK(reopened->lockedFor(id) == seconds(9));
    CHECK(failWith(*reopened, id, "1357") == "assist.locked");
}

TEST_CASE("a stored lockout longer than the policy's longest is capped", "[assist][trust]") {
    TempDir dir;
    TwoClocks clocks;
    auto store = clocks.open(dir / "assist.db");
    auto id = lockOut(*store);
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open((dir / "assist.db").c_str(), &db) == SQLITE_OK);
        CHECK(sqlite3_exec(db, "UPDATE pin_attempt SET lockout_s = 31536000", nullptr, nullptr,
                           nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    CHECK(store->lockedFor(id) == hours(1));
}
