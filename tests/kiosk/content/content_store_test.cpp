// Content store behaviour: serving, switching between sessions, rollback, startup repair, diff.
#include "kiosk/log/logger.hpp"
#include "tests/kiosk/content/pack_test_support.hpp"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sstream>
#include <sys/file.h>

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("a fresh content folder opens empty and serves nothing", "[pack]") {
    PackFixture fixture;
    auto store = ContentStore::open(fixture.store);
    REQUIRE(store);
    REQUIRE(store->health() == StoreHealth::Empty);
    REQUIRE_FALSE(store->hasContent());
    REQUIRE(store->contentRoot().empty());
    REQUIRE(store->readFile("texts/commune.json").error().code == "no_content");
}

TEST_CASE("an installed pack is served after activate, with its identity", "[pack]") {
    PackFixture fixture;
    auto store = ContentStore::open(fixture.store);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> progress;
    auto report = store->installPack(
        fixture.build(sampleFiles("one"), 1, "v1"), fixture.trust,
        [&](std::uint64_t done, std::uint64_t total) { progress.emplace_back(done, total); });
    REQUIRE(report);
    REQUIRE(report->signer == "publisher.pub");
    REQUIRE(report->files == 5);
    REQUIRE_FALSE(progress.empty());
    REQUIRE(progress.back().first == progress.back().second);
    REQUIRE(progress.back().second == report->bytes);

    REQUIRE(store->hasPendingSwitch());
    REQUIRE(store->activate());
    REQUIRE_FALSE(store->hasPendingSwitch());
    REQUIRE(store->packId() == "vn.phutho.vinhtuong");
    REQUIRE(store->sequence() == 1);
    REQUIRE(store->displayVersion() == "v1");
    REQUIRE(store->readFile("texts/commune.json")->find("Xã Vĩnh Tường") != std::string::npos);
    REQUIRE(std::filesystem::exists(store->contentRoot() / "procedures" / "residence.json"));
    REQUIRE(store->readFile("../sequence").error().code == "unsafe_path");
}

TEST_CASE("a running kiosk keeps serving its version until it activates the new one", "[pack]") {
    PackFixture fixture;
    {
        auto installer = ContentStore::open(fixture.store);
        REQUIRE(installer->installPack(fixture.build(sampleFiles("one"), 1, "v1"), fixture.trust));
    }
    auto kiosk = ContentStore::open(fixture.store);
    REQUIRE(kiosk->sequence() == 1);
    {
        // kioskctl installs while the kiosk runs a session.
        auto installer = ContentStore::open(fixture.store);
        REQUIRE(installer->installPack(fixture.build(sampleFiles("two"), 2, "v2"), fixture.trust));
    }
    REQUIRE(kiosk->sequence() == 1);
    REQUIRE(kiosk->readFile("procedures/birth-registration.json")->find("one") !=
            std::string::npos);
    REQUIRE(kiosk->hasPendingSwitch());
    REQUIRE(kiosk->activate());
    REQUIRE(kiosk->sequence() == 2);
    REQUIRE(kiosk->readFile("procedures/birth-registration.json")->find("two") !=
            std::string::npos);
}

TEST_CASE("only the current and the previous version are kept", "[pack]") {
    PackFixture fixture;
    auto store = ContentStore::open(fixture.store);
    for (std::uint64_t sequence = 1; sequence <= 4; ++sequence) {
        REQUIRE(store->installPack(
            fixture.build(sampleFiles(std::to_string(sequence)), sequence, "v"), fixture.trust));
        REQUIRE(store->activate());
    }
    std::size_t versions = 0;
    for ([[maybe_unused]] const auto& entry :
         std::filesystem::directory_iterator(fixture.store / "versions")) {
        ++versions;
    }
    REQUIRE(versions == 2);
    StoreStatus status = store->status();
    REQUIRE(status.current->sequence == 4);
    REQUIRE(status.previous->sequence == 3);
    REQUIRE(status.acceptedSequence == 4);
}

TEST_CASE("rollback switches back to the previous version and can be undone", "[pack]") {
    PackFixture fixture;
    auto store = ContentStore::open(fixture.store);
    REQUIRE(store->rollback().error().code == "no_previous");
    REQUIRE(store->installPack(fixture.build(sampleFiles("one"), 1, "v1"), fixture.trust));
    REQUIRE(store->rollback().error().code == "no_previous");
    REQUIRE(store->installPack(fixture.build(sampleFiles("two"), 2, "v2"), fixture.trust));
    auto back = store->rollback();
    REQUIRE(back);
    REQUIRE(back->sequence == 1);
    REQUIRE(store->activate());
    REQUIRE(store->sequence() == 1);
    REQUIRE(store->status().acceptedSequence == 2);
    REQUIRE(store->rollback()->sequence == 2);
}

TEST_CASE("a damaged active version falls back to the previous one at startup", "[pack]") {
    PackFixture fixture;
    {
        auto store = ContentStore::open(fixture.store);
        REQUIRE(store->installPack(fixture.build(sampleFiles("one"), 1, "v1"), fixture.trust));
        REQUIRE(store->installPack(fixture.build(sampleFiles("two"), 2, "v2"), fixture.trust));
    }
    std::filesystem::path damaged = fixture.store / readSymlink(fixture.store / "current") /
                                    "files" / "lessons" / "zalo-basics.json";
    std::string text = readText(damaged);
    text[text.size() / 2] ^= 0x01; // one flipped bit, same size: only the hash can tell
    writeText(damaged, text);

    auto sizesOnly = ContentStore::open(fixture.store, StartupCheck::SizesOnly);
    REQUIRE(sizesOnly->sequence() == 2);

    auto store = ContentStore::open(fixture.store);
    REQUIRE(store->health() == StoreHealth::FellBackToPrevious);
    REQUIRE(store->sequence() == 1);
    REQUIRE_FALSE(store->healthDetail().empty());
    // The link itself was repaired, so the next start is healthy.
    auto next = ContentStore::open(fixture.store);
    REQUIRE(next->health() == StoreHealth::Ok);
    REQUIRE(next->sequence() == 1);
}

TEST_CASE("startup reports no valid content when every version is damaged", "[pack]") {
    PackFixture fixture;
    {
        auto store = ContentStore::open(fixture.store);
        REQUIRE(store->installPack(fixture.build(sampleFiles("one"), 1, "v1"), fixture.trust));
    }
    std::filesystem::remove(fixture.store / readSymlink(fixture.store / "current") / "files" /
                            "texts" / "commune.json");
    auto store = ContentStore::open(fixture.store);
    REQUIRE(store);
    REQUIRE(store->health() == StoreHealth::NoValidContent);
    REQUIRE_FALSE(store->hasContent());
    // A good pack still installs and heals the kiosk.
    REQUIRE(store->installPack(fixture.build(sampleFiles("two"), 2, "v2"), fixture.trust));
    REQUIRE(store->activate());
    REQUIRE(store->health() == StoreHealth::Ok);
}

TEST_CASE("startup removes leftovers of an interrupted install", "[pack]") {
    PackFixture fixture;
    {
        auto store = ContentStore::open(fixture.store);
        REQUIRE(store->installPack(fixture.build(sampleFiles("one"), 1, "v1"), fixture.trust));
    }
    std::filesystem::create_directories(fixture.store / "versions" / "2-deadbeef" / "files");
    std::filesystem::create_symlink("versions/2-deadbeef", fixture.store / "current.tmp");
    auto store = ContentStore::open(fixture.store);
    REQUIRE(store->sequence() == 1);
    REQUIRE_FALSE(std::filesystem::exists(fixture.store / "versions" / "2-deadbeef"));
    REQUIRE_FALSE(std::filesystem::is_symlink(fixture.store / "current.tmp"));
}

TEST_CASE("a lost sequence write is repaired from the active version at startup", "[pack]") {
    PackFixture fixture;
    {
        auto store = ContentStore::open(fixture.store);
        REQUIRE(store->installPack(fixture.build(sampleFiles("two"), 2, "v2"), fixture.trust));
    }
    writeText(fixture.store / "sequence", "1\n");
    auto store = ContentStore::open(fixture.store);
    REQUIRE(store->status().acceptedSequence == 2);
    REQUIRE(store->installPack(fixture.build(sampleFiles("again"), 2, "replay"), fixture.trust)
                .error()
                .code == "not_newer");
}

TEST_CASE("inspecting a pack shows its procedures diff without installing it", "[pack]") {
    PackFixture fixture;
    auto store = ContentStore::open(fixture.store);
    REQUIRE(store->installPack(fixture.build(sampleFiles("one"), 1, "v1"), fixture.trust));
    REQUIRE(store->activate());
    FileMap next = sampleFiles("two"); // birth-registration changes, lessons change too
    next.erase("procedures/residence.json");
    next["procedures/land-use.json"] =
        R"({"title":{"vi":"Cấp giấy chứng nhận quyền sử dụng đất"}})";
    auto incoming = inspectPack(fixture.build(next, 2, "v2"), fixture.trust);
    REQUIRE(incoming);
    PackDiff diff = diffPacks(store->active()->manifest, *incoming);
    REQUIRE(diff.added == std::vector<std::string>{"procedures/land-use.json"});
    REQUIRE(diff.changed == std::vector<std::string>{"procedures/birth-registration.json"});
    REQUIRE(diff.removed == std::vector<std::string>{"procedures/residence.json"});
    REQUIRE(store->sequence() == 1);
    REQUIRE_FALSE(store->hasPendingSwitch());
}

TEST_CASE("the accepted sequence does not depend on the clock", "[pack]") {
    // Kiosks without a real-time clock boot in 1970; "created" is informational only.
    PackFixture fixture;
    std::vector<CraftedEntry> entries{{EntryType::File, "texts/a.txt", "x"}};
    Manifest manifest = manifestFor(entries, 7);
    manifest.created = "2040-01-01T00:00:00Z";
    auto future = craftPack(fixture.temp.path() / "future.kpack", serializeManifest(manifest),
                            entries, fixture.key);
    manifest.sequence = 8;
    manifest.created = "1970-01-01T00:00:00Z";
    auto past = craftPack(fixture.temp.path() / "past.kpack", serializeManifest(manifest), entries,
                          fixture.key);
    auto store = ContentStore::open(fixture.store);
    REQUIRE(store->installPack(future, fixture.trust));
    REQUIRE(store->installPack(past, fixture.trust));
    REQUIRE(store->status().acceptedSequence == 8);
}

TEST_CASE("installs, refusals and startup are logged with their reason", "[pack]") {
    PackFixture fixture;
    std::ostringstream logged;
    Logger logger(logged);
    auto store = ContentStore::open(fixture.store, StartupCheck::FullHashes, &logger);
    auto v1 = fixture.build(sampleFiles("one"), 1, "v1");
    REQUIRE(store->installPack(v1, fixture.trust));
    REQUIRE_FALSE(store->installPack(v1, fixture.trust));
    auto reopened = ContentStore::open(fixture.store, StartupCheck::FullHashes, &logger);
    std::string lines = logged.str();
    REQUIRE(lines.find("\"pack_installed\"") != std::string::npos);
    REQUIRE(lines.find("\"pack_refused\"") != std::string::npos);
    REQUIRE(lines.find("not_newer") != std::string::npos);
    REQUIRE(lines.find("\"content_opened\"") != std::string::npos);
}

TEST_CASE("a second installer is refused as busy while the first holds the lock", "[pack]") {
    PackFixture fixture;
    auto store = ContentStore::open(fixture.store);
    UniqueFd held(::open((fixture.store / ".lock").c_str(), O_RDWR | O_CLOEXEC));
    REQUIRE(::flock(held.get(), LOCK_EX | LOCK_NB) == 0);
    auto pack = fixture.build(sampleFiles("one"), 1, "v1");
    REQUIRE(store->installPack(pack, fixture.trust).error().code == "busy");
    REQUIRE(store->rollback().error().code == "busy");
    ::flock(held.get(), LOCK_UN);
    REQUIRE(store->installPack(pack, fixture.trust));
}
