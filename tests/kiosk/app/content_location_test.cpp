// Where the kiosk reads its content from: in production only what the content store verified
// (issue 23 item 3); unsigned folders and the source tree only in development runs.
#include "kiosk/app/content_location.hpp"
#include "tests/kiosk/content/pack_test_support.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace kiosk;
using namespace kiosk::test;

namespace {

Config configFor(const std::filesystem::path& contentDir) {
    Config config;
    config.paths.contentDir = contentDir;
    return config;
}

// Changes one byte of an installed file, as a failing SD card or a meddler would.
void flipAByte(const std::filesystem::path& file) {
    std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
    char c = 0;
    bytes.seekg(2);
    bytes.get(c);
    bytes.seekp(2);
    bytes.put(static_cast<char>(c ^ 0x20));
}

} // namespace

TEST_CASE("the kiosk reads the procedures of the pack kioskctl installed", "[deploy]") {
    PackFixture fixture;
    {
        auto store = ContentStore::open(fixture.store);
        REQUIRE(store);
        REQUIRE(store->installPack(fixture.build(sampleFiles("one"), 1, "v1"), fixture.trust));
    }
    auto store = ContentStore::open(fixture.store, StartupCheck::FullHashes);
    REQUIRE(store);
    auto choice = chooseContentDir(&*store, configFor(fixture.store), ContentMode::Production);

    REQUIRE(choice.problem.empty());
    REQUIRE(std::filesystem::exists(choice.dir / "procedures" / "residence.json"));
    REQUIRE(std::filesystem::equivalent(choice.dir.parent_path(), fixture.store / "current"));
}

TEST_CASE("production never serves an unsigned folder or the source tree", "[deploy][trust]") {
    PackFixture fixture;
    // An empty store beside an unsigned procedures folder: both used to be served.
    std::filesystem::create_directories(fixture.store / "procedures");
    writeText(fixture.store / "procedures" / "forged.json", R"({"title":{"vi":"Giả"}})");
    auto store = ContentStore::open(fixture.store, StartupCheck::FullHashes);
    REQUIRE(store);
    Config config = configFor(fixture.store);

    auto production = chooseContentDir(&*store, config, ContentMode::Production);
    CHECK(production.dir.empty());
    CHECK_THAT(production.problem, Catch::Contains("no content pack is installed"));
    auto unopened = chooseContentDir(nullptr, config, ContentMode::Production);
    CHECK(unopened.dir.empty());
    CHECK_FALSE(unopened.problem.empty());

    // --sim and the other development runs may still use them.
    CHECK(chooseContentDir(&*store, config, ContentMode::Development).dir == fixture.store);
    TempDir empty;
    CHECK(chooseContentDir(nullptr, configFor(empty.path()), ContentMode::Development).dir ==
          std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
}

TEST_CASE("a changed byte in installed content falls back to the previous verified version",
          "[deploy][trust]") {
    PackFixture fixture;
    {
        auto store = ContentStore::open(fixture.store);
        REQUIRE(store->installPack(fixture.build(sampleFiles("one"), 1, "v1"), fixture.trust));
        REQUIRE(store->installPack(fixture.build(sampleFiles("two"), 2, "v2"), fixture.trust));
    }
    flipAByte(fixture.store / "current" / "files" / "procedures" / "birth-registration.json");

    auto store = ContentStore::open(fixture.store, StartupCheck::FullHashes);
    REQUIRE(store);
    auto choice = chooseContentDir(&*store, configFor(fixture.store), ContentMode::Production);
    REQUIRE(choice.problem.empty());
    CHECK(store->health() == StoreHealth::FellBackToPrevious);
    std::ifstream served(choice.dir / "procedures" / "birth-registration.json");
    std::string text((std::istreambuf_iterator<char>(served)), {});
    CHECK(text.find("\"one\"") != std::string::npos); // version 1, intact
}

TEST_CASE("damaged content with no verified version to fall back on is not served",
          "[deploy][trust]") {
    PackFixture fixture;
    {
        auto store = ContentStore::open(fixture.store);
        REQUIRE(store->installPack(fixture.build(sampleFiles("one"), 1, "v1"), fixture.trust));
    }
    flipAByte(fixture.store / "current" / "files" / "procedures" / "residence.json");

    auto store = ContentStore::open(fixture.store, StartupCheck::FullHashes);
    REQUIRE(store);
    auto choice = chooseContentDir(&*store, configFor(fixture.store), ContentMode::Production);
    CHECK(choice.dir.empty());
    CHECK_THAT(choice.problem, Catch::Contains("residence.json does not match its SHA-256"));
}
