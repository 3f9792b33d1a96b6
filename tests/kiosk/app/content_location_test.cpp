// Where the kiosk reads its content from on an installed box (after `kioskctl pack install`).
#include "kiosk/app/content_location.hpp"
#include "tests/kiosk/content/pack_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("the kiosk reads the procedures of the pack kioskctl installed", "[deploy]") {
    PackFixture fixture;
    {
        auto store = ContentStore::open(fixture.store);
        REQUIRE(store);
        REQUIRE(store->installPack(fixture.build(sampleFiles("one"), 1, "v1"), fixture.trust));
    }
    Config config;
    config.paths.contentDir = fixture.store;

    auto dir = activeContentDir(config);

    REQUIRE(std::filesystem::exists(dir / "procedures" / "residence.json"));
    REQUIRE(std::filesystem::equivalent(dir.parent_path(), fixture.store / "current"));
}

TEST_CASE("a content folder without an installed pack falls back to the source tree", "[deploy]") {
    TempDir empty;
    Config config;
    config.paths.contentDir = empty.path();

    REQUIRE(activeContentDir(config) == std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
}
