// The guidance volume a volunteer sets is kept in the assist database and used after a restart.
#include "tests/kiosk/runtime/runtime_rig.hpp"

using namespace kiosk;
using kiosk::testing::RuntimeRig;

TEST_CASE("the guidance volume a volunteer chose survives a restart of the kiosk",
          "[runtime][speech][assist]") {
    RuntimeRig rig;
    std::string volunteer = rig.addVolunteer("TNV 1", "2468");
    rig.start();
    CHECK(rig.state().assist.guidanceVolumePercent == rig.config.audio.volumePercent);
    rig.signInVolunteer(volunteer, "2468");
    rig.tap(intent::SetGuidanceVolume{30});
    REQUIRE(rig.runUntil(
        [&] { return rig.logs.str().find("\"guidance_volume_changed\"") != std::string::npos; }));
    CHECK(rig.logs.str().find("\"saved\":true") != std::string::npos);
    rig.runtime.reset();

    rig.start();
    CHECK(rig.state().assist.guidanceVolumePercent == 30);
    // Also for the next resident, whose session starts from a fresh flow.
    rig.runtime->resetFlow();
    CHECK(rig.state().assist.guidanceVolumePercent == 30);
}

TEST_CASE("kiosk settings are kept by key in the volunteer store", "[assist][speech]") {
    RuntimeRig rig;
    auto open = [&] {
        auto store = VolunteerStore::open(assistDatabasePath(rig.config.paths.dataDir),
                                          VolunteerStoreOptions{}, nullptr,
                                          [] { return std::chrono::system_clock::now(); });
        REQUIRE(store.ok());
        return std::move(*store);
    };
    {
        auto store = open();
        auto absent = store->setting(kGuidanceVolumeSetting);
        REQUIRE(absent.ok());
        CHECK_FALSE(absent->has_value());
        REQUIRE(store->setSetting(kGuidanceVolumeSetting, 55).ok());
        REQUIRE(store->setSetting(kGuidanceVolumeSetting, 65).ok());
    }
    auto again = open()->setting(kGuidanceVolumeSetting);
    REQUIRE(again.ok());
    CHECK(again->value_or(0) == 65);
}
