// Crash suite: the installer killed at random steps or hit by a full disk never breaks content.
#include "tests/kiosk/content/pack_test_support.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::test;

namespace {

FileMap manyFiles(const std::string& flavour) {
    FileMap files = sampleFiles(flavour);
    for (int i = 0; i < 8; ++i) {
        files["procedures/p" + std::to_string(i) + ".json"] =
            R"({"step":)" + std::to_string(i) + R"(,"rev":")" + flavour + "\"}";
    }
    files["audio/hello.txt"] = std::string(2500, 'a') + flavour;
    return files;
}

// The store must serve exactly one complete version, v1 or v2, with a consistent floor.
std::uint64_t requireOldOrNew(const std::filesystem::path& dir) {
    auto store = ContentStore::open(dir);
    REQUIRE(store);
    REQUIRE(store->health() == StoreHealth::Ok);
    std::uint64_t sequence = store->sequence();
    REQUIRE((sequence == 1 || sequence == 2));
    std::string flavour = sequence == 1 ? "one" : "two";
    REQUIRE(store->readFile("procedures/birth-registration.json")->find(flavour) !=
            std::string::npos);
    REQUIRE(store->status().acceptedSequence == sequence);
    REQUIRE_FALSE(std::filesystem::exists(dir / "current.tmp"));
    std::size_t versions = 0;
    for ([[maybe_unused]] const auto& entry :
         std::filesystem::directory_iterator(dir / "versions")) {
        ++versions;
    }
    REQUIRE(versions <= 2);
    return sequence;
}

} // namespace

TEST_CASE("an installer killed at 100 random steps leaves the old or the new version active",
          "[pack]") {
    PackFixture fixture;
    auto v1 = fixture.build(sampleFiles("one"), 1, "v1");
    auto v2 = fixture.build(manyFiles("two"), 2, "v2");

    std::size_t steps = 0;
    {
        auto store = ContentStore::open(fixture.temp.path() / "dry-run");
        REQUIRE(store->installPack(v1, fixture.trust));
        InstallOptions counting;
        counting.hooks.atStep = [&](std::string_view) { ++steps; };
        REQUIRE(store->installPack(v2, fixture.trust, counting));
    }
    REQUIRE(steps > 30);

    std::mt19937 random(Catch::rngSeed());
    std::uniform_int_distribution<std::size_t> pick(1, steps);
    int sawOld = 0;
    int sawNew = 0;
    for (int run = 0; run < 100; ++run) {
        std::filesystem::path dir = fixture.temp.path() / ("run-" + std::to_string(run));
        {
            auto store = ContentStore::open(dir);
            REQUIRE(store->installPack(v1, fixture.trust));
        }
        std::size_t killAt = pick(random);
        pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            std::size_t seen = 0;
            InstallOptions options;
            options.hooks.atStep = [&](std::string_view) {
                if (++seen == killAt) {
                    ::raise(SIGKILL);
                }
            };
            auto store = ContentStore::open(dir);
            bool installed = store && store->installPack(v2, fixture.trust, options).ok();
            ::_exit(installed ? 0 : 1);
        }
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        INFO("killed at step " << killAt << " of " << steps);
        REQUIRE(WIFSIGNALED(status));
        REQUIRE(WTERMSIG(status) == SIGKILL);
        std::uint64_t sequence = requireOldOrNew(dir);
        (sequence == 1 ? sawOld : sawNew)++;
        if (run % 10 == 0) {
            // The kiosk can still move forward after the crash.
            auto store = ContentStore::open(dir);
            auto again = store->installPack(v2, fixture.trust);
            REQUIRE((sequence == 1 ? again.ok() : again.error().code == "not_newer"));
        }
        std::filesystem::remove_all(dir);
    }
    CHECK(sawOld > 0);
    CHECK(sawNew > 0);
}

TEST_CASE("an installer killed from outside at random moments leaves a complete version",
          "[pack]") {
    // Asynchronous kills land anywhere, also inside a write or a rename, not only at hooks.
    PackFixture fixture;
    auto v1 = fixture.build(sampleFiles("one"), 1, "v1");
    auto v2 = fixture.build(manyFiles("two"), 2, "v2");
    std::chrono::microseconds duration{0};
    {
        auto store = ContentStore::open(fixture.temp.path() / "dry-run");
        REQUIRE(store->installPack(v1, fixture.trust));
        auto start = std::chrono::steady_clock::now();
        REQUIRE(store->installPack(v2, fixture.trust));
        duration = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - start);
    }
    std::mt19937 random(Catch::rngSeed() + 1);
    std::uniform_int_distribution<long> pick(0, duration.count() * 3 / 2);
    for (int run = 0; run < 20; ++run) {
        std::filesystem::path dir = fixture.temp.path() / ("async-" + std::to_string(run));
        {
            auto store = ContentStore::open(dir);
            REQUIRE(store->installPack(v1, fixture.trust));
        }
        pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            auto store = ContentStore::open(dir);
            bool installed = store && store->installPack(v2, fixture.trust).ok();
            ::_exit(installed ? 0 : 1);
        }
        ::usleep(static_cast<useconds_t>(pick(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        // Either killed, or it finished first; both must leave v1 or v2 complete.
        REQUIRE((WIFSIGNALED(status) || WEXITSTATUS(status) == 0));
        requireOldOrNew(dir);
        std::filesystem::remove_all(dir);
    }
}

TEST_CASE("a disk that fills up mid-copy refuses the pack and keeps the old version", "[pack]") {
    PackFixture fixture;
    auto v1 = fixture.build(sampleFiles("one"), 1, "v1");
    auto v2 = fixture.build(manyFiles("two"), 2, "v2");
    {
        auto store = ContentStore::open(fixture.store);
        REQUIRE(store->installPack(v1, fixture.trust));
    }
    std::string before = storeFingerprint(fixture.store);
    std::uint64_t total = 0;
    {
        auto keys = loadTrustStore(fixture.trust);
        total = PackReader::open(v2, *keys, PackLimits{})->manifest().totalBytes();
    }
    for (std::uint64_t failAt = 0; failAt < total; failAt += total / 17) {
        InstallOptions options;
        options.hooks.beforeWrite = [&](std::uint64_t written, std::size_t size) {
            return written + size > failAt ? ENOSPC : 0;
        };
        auto store = ContentStore::open(fixture.store);
        auto result = store->installPack(v2, fixture.trust, options);
        INFO("disk full after " << failAt << " bytes");
        REQUIRE_FALSE(result);
        REQUIRE(result.error().code == "disk_full");
        REQUIRE(storeFingerprint(fixture.store) == before);
        REQUIRE(requireOldOrNew(fixture.store) == 1);
    }
    InstallOptions failing;
    failing.hooks.beforeWrite = [](std::uint64_t written, std::size_t) {
        return written > 100 ? EIO : 0;
    };
    auto store = ContentStore::open(fixture.store);
    auto result = store->installPack(v2, fixture.trust, failing);
    REQUIRE(result.error().code == "io_error");
    REQUIRE(storeFingerprint(fixture.store) == before);
    REQUIRE(store->installPack(v2, fixture.trust));
    REQUIRE(requireOldOrNew(fixture.store) == 2);
}

TEST_CASE("a stick pulled out or rewritten during the copy refuses the pack", "[pack]") {
    PackFixture fixture;
    auto v1 = fixture.build(sampleFiles("one"), 1, "v1");
    auto v2 = fixture.build(manyFiles("two"), 2, "v2");
    {
        auto store = ContentStore::open(fixture.store);
        REQUIRE(store->installPack(v1, fixture.trust));
    }
    std::string before = storeFingerprint(fixture.store);
    std::string original = readText(v2);

    // Shrinks under the reader after the first file: what a pulled stick looks like.
    InstallOptions pulled;
    bool cut = false;
    pulled.hooks.atStep = [&](std::string_view step) {
        if (step == "close file" && !cut) {
            cut = true;
            std::filesystem::resize_file(v2, original.size() / 2);
        }
    };
    auto store = ContentStore::open(fixture.store);
    REQUIRE(store->installPack(v2, fixture.trust, pulled).error().code == "truncated");
    REQUIRE(storeFingerprint(fixture.store) == before);

    // Rewritten under the reader after the check of the signature: the hash still catches it.
    writeText(v2, original);
    InstallOptions rewritten;
    bool changed = false;
    rewritten.hooks.atStep = [&](std::string_view step) {
        if (step == "write signature" && !changed) {
            changed = true;
            std::string evil = original;
            evil[evil.size() - 5] ^= 0x20;
            writeText(v2, evil);
        }
    };
    REQUIRE(store->installPack(v2, fixture.trust, rewritten).error().code == "hash_mismatch");
    REQUIRE(storeFingerprint(fixture.store) == before);
    REQUIRE(requireOldOrNew(fixture.store) == 1);
}
