// A volunteer store that cannot be opened at start (full, read-only or unreadable partition) opens
// by itself once the fault is gone: volunteers can sign in again without restarting the kiosk.
#include "kiosk/assist/volunteer_store_slot.hpp"
#include "kiosk/log/logger.hpp"
#include "tests/kiosk/runtime/runtime_rig.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;

TEST_CASE("the volunteer store slot retries with a doubling wait and logs the recovery once",
          "[assist][storage]") {
    testing::TempDir dir;
    std::filesystem::path path = dir / "assist.db";
    std::filesystem::create_directories(path); // a directory where the file must go: cannot open
    std::ostringstream logs;
    Logger logger(logs);
    auto clock = std::chrono::steady_clock::time_point{};
    int opens = 0;
    VolunteerStoreSlot slot(
        [&] {
            ++opens;
            return VolunteerStore::open(path, VolunteerStoreOptions{}, &logger,
                                        [] { return std::chrono::system_clock::now(); });
        },
        &logger, std::chrono::seconds(1), [&clock] { return clock; });
    CHECK(slot.get() == nullptr);
    CHECK(opens == 1);
    CHECK(logs.str().find("storage_fault") != std::string::npos);
    CHECK(std::filesystem::is_directory(path)); // not "corrupt": nothing moved aside

    clock += std::chrono::milliseconds(1000);
    CHECK(slot.get() == nullptr); // still failing: the next wait is 2 s
    CHECK(opens == 2);
    clock += std::chrono::milliseconds(1500);
    CHECK(slot.get() == nullptr);
    CHECK(opens == 2); // no attempt before the wait is over

    std::filesystem::remove(path); // the maintainer fixed it
    CHECK(slot.get() == nullptr);
    clock += std::chrono::milliseconds(500);
    VolunteerStore* store = slot.get();
    REQUIRE(store != nullptr);
    CHECK(opens == 3);
    CHECK(store->addVolunteer("Chị Hà", "2468").ok());
    CHECK(slot.get() == store); // open now: no more attempts
    CHECK(opens == 3);
    CHECK(logs.str().find("storage_recovered") != std::string::npos);
    CHECK(logs.str().find("storage_recovered") == logs.str().rfind("storage_recovered"));
}

TEST_CASE("volunteers can sign in again after the volunteer store's fault clears, without a "
          "restart",
          "[assist][storage][runtime]") {
    testing::RuntimeRig rig;
    std::filesystem::path path = assistDatabasePath(rig.config.paths.dataDir);
    std::filesystem::create_directories(path);
    rig.start();
    rig.tap(intent::Open{Screen::Help});
    rig.tap(intent::OpenVolunteerSignIn{});
    rig.runUntil([] { return false; }, std::chrono::milliseconds(200));
    CHECK(rig.state().assist.volunteers.empty());

    std::filesystem::remove(path);
    std::string ha = rig.addVolunteer("Chị Hà", "2468");
    // The first retry is due a second after the failed open.
    rig.runUntil([] { return false; }, std::chrono::milliseconds(1100));
    rig.tap(intent::StartOver{});
    rig.signInVolunteer(ha, "2468");
    CHECK(rig.state().assist.signedIn);
    CHECK(rig.logs.str().find("storage_recovered") != std::string::npos);
}
