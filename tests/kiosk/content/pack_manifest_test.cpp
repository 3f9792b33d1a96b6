// Manifest validation: safe paths, version comparison, strict fields.
#include "kiosk/content/pack_manifest.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("entry paths accept Vietnamese names and refuse escapes", "[pack]") {
    REQUIRE(checkEntryPath("thủ-tục/đăng-ký-khai-sinh.json"));
    REQUIRE(checkEntryPath("audio/xin chào.ogg"));
    for (std::string bad : {"", "/abs", "../x", "a/../b", "a/./b", "a//b", "a/", "a\\b", "\xc0\xaf",
                            "\xed\xa0\x80", "a\xe1\xba"}) {
        INFO(bad);
        auto checked = checkEntryPath(bad);
        REQUIRE_FALSE(checked);
        REQUIRE(checked.error().code == "unsafe_path");
    }
    REQUIRE_FALSE(checkEntryPath(std::string(256, 'a')));
}

TEST_CASE("kiosk versions compare numerically", "[pack]") {
    REQUIRE(*compareVersions("0.1.0", "0.1.0") == 0);
    REQUIRE(*compareVersions("0.1", "0.1.0") == 0);
    REQUIRE(*compareVersions("0.9.0", "0.10.0") == -1);
    REQUIRE(*compareVersions("1.0.0", "0.99.99") == 1);
    REQUIRE_FALSE(compareVersions("1.x", "1.0"));
    REQUIRE_FALSE(compareVersions("", "1.0"));
}

TEST_CASE("a manifest round-trips and refuses missing or wrong fields", "[pack]") {
    Manifest manifest;
    manifest.packId = "vn.phutho.vinhtuong";
    manifest.sequence = 3;
    manifest.displayVersion = "2026.11.3";
    manifest.minKioskVersion = "0.1.0";
    manifest.created = "2026-11-25T00:00:00Z";
    manifest.files.push_back({"texts/commune.json", 10, std::string(64, 'a')});
    auto parsed = parseManifest(serializeManifest(manifest), PackLimits{});
    REQUIRE(parsed);
    REQUIRE(parsed->sequence == 3);
    REQUIRE(parsed->files.size() == 1);
    REQUIRE(parsed->files[0].path == "texts/commune.json");

    REQUIRE(parseManifest("not json", PackLimits{}).error().code == "bad_format");
    REQUIRE(parseManifest(R"({"format":2})", PackLimits{}).error().code == "bad_format");
    std::string text = serializeManifest(manifest);
    std::string negative = text;
    negative.replace(negative.find("\"sequence\": 3"), 13, "\"sequence\": -3");
    REQUIRE(parseManifest(negative, PackLimits{}).error().code == "bad_format");
    std::string badHash = text;
    badHash.replace(badHash.find(std::string(64, 'a')), 64, std::string(64, 'G'));
    REQUIRE(parseManifest(badHash, PackLimits{}).error().code == "bad_format");
    PackLimits tiny;
    tiny.maxManifestBytes = 20;
    REQUIRE(parseManifest(text, tiny).error().code == "bad_format");
}
