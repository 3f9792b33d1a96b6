// Tampering suite: every hostile or damaged pack is refused with its reason, content unchanged.
#include "tests/kiosk/content/pack_test_support.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sys/stat.h>

using namespace kiosk;
using namespace kiosk::test;

namespace {

// A store with version 1 installed, the state every refusal must leave exactly as it was.
struct InstalledFixture : PackFixture {
    std::string before;
    InstalledFixture() {
        auto opened = ContentStore::open(store);
        auto installed = opened->installPack(build(sampleFiles("one"), 1, "v1"), trust);
        if (!installed) {
            throw std::runtime_error(installed.error().message);
        }
        before = storeFingerprint(store);
    }

    // Installs and returns the refusal code ("" when it was accepted).
    std::string refusalOf(const std::filesystem::path& pack,
                          const InstallOptions& options = InstallOptions{}) {
        auto opened = ContentStore::open(store);
        auto result = opened->installPack(pack, trust, options);
        if (result) {
            return "";
        }
        CHECK_FALSE(result.error().message.empty());
        return result.error().code;
    }

    void requireUnchanged() {
        REQUIRE(storeFingerprint(store) == before);
        auto reopened = ContentStore::open(store);
        REQUIRE(reopened->health() == StoreHealth::Ok);
        REQUIRE(reopened->sequence() == 1);
        REQUIRE(reopened->readFile("procedures/birth-registration.json")->find("one") !=
                std::string::npos);
    }
};

void flipBit(const std::filesystem::path& path, std::uint64_t offset, int bit) {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(static_cast<std::streamoff>(offset));
    char byte = 0;
    file.get(byte);
    byte = static_cast<char>(byte ^ (1 << bit));
    file.seekp(static_cast<std::streamoff>(offset));
    file.put(byte);
}

std::string verifyOnly(const std::filesystem::path& pack, const std::filesystem::path& trust) {
    auto keys = loadTrustStore(trust);
    auto reader = PackReader::open(pack, *keys, PackLimits{});
    if (!reader) {
        return reader.error().code;
    }
    struct Discard : EntrySink {
        Status beginFile(const ManifestFile&) override { return ok(); }
        Status writeData(std::span<const std::uint8_t>) override { return ok(); }
        Status endFile(const ManifestFile&) override { return ok(); }
    } sink;
    Status read = reader->readEntries(sink);
    return read ? "" : read.error().code;
}

} // namespace

TEST_CASE("a good pack signed by a trusted key installs", "[pack]") {
    InstalledFixture fixture;
    REQUIRE(fixture.refusalOf(fixture.build(sampleFiles("two"), 2, "v2")) == "");
    auto store = ContentStore::open(fixture.store);
    REQUIRE(store->sequence() == 2);
}

TEST_CASE("one flipped bit anywhere in a pack makes verification refuse it", "[pack]") {
    PackFixture fixture;
    FileMap files = sampleFiles("two");
    files["images/logo.txt"] = "small"; // every byte is tried, so keep the pack short
    auto pack = fixture.build(files, 2, "v2");
    auto size = std::filesystem::file_size(pack);
    REQUIRE(verifyOnly(pack, fixture.trust) == "");
    for (std::uint64_t offset = 0; offset < size; ++offset) {
        int bit = static_cast<int>(offset % 8);
        flipBit(pack, offset, bit);
        INFO("offset " << offset);
        REQUIRE(verifyOnly(pack, fixture.trust) != "");
        flipBit(pack, offset, bit);
    }
}

TEST_CASE("a flipped bit in any payload file is refused as a hash mismatch, nothing changed",
          "[pack]") {
    InstalledFixture fixture;
    auto pack = fixture.build(sampleFiles("two"), 2, "v2");
    auto keys = loadTrustStore(fixture.trust);
    auto reader = PackReader::open(pack, *keys, PackLimits{});
    // Offset of each file's data: header, manifest, signature, then entries in order.
    std::uint64_t offset = kPackHeaderBytes + reader->manifestBytes().size() + 64;
    for (const ManifestFile& file : reader->manifest().files) {
        offset += kEntryHeaderBytes + file.path.size();
        std::uint64_t target = offset + file.size / 2;
        flipBit(pack, target, 3);
        INFO(file.path);
        REQUIRE(fixture.refusalOf(pack) == "hash_mismatch");
        fixture.requireUnchanged();
        flipBit(pack, target, 3);
        offset += file.size;
    }
    REQUIRE(fixture.refusalOf(pack) == "");
}

TEST_CASE("a flipped bit in the manifest or the signature is refused as a bad signature",
          "[pack]") {
    InstalledFixture fixture;
    auto pack = fixture.build(sampleFiles("two"), 2, "v2");
    flipBit(pack, kPackHeaderBytes + 30, 0);
    REQUIRE(fixture.refusalOf(pack) == "bad_signature");
    flipBit(pack, kPackHeaderBytes + 30, 0);
    auto keys = loadTrustStore(fixture.trust);
    std::uint64_t signatureAt =
        kPackHeaderBytes + PackReader::open(pack, *keys, PackLimits{})->manifestBytes().size();
    flipBit(pack, signatureAt + 10, 5);
    REQUIRE(fixture.refusalOf(pack) == "bad_signature");
    fixture.requireUnchanged();
}

TEST_CASE("a pack signed by a key outside the trust store is refused", "[pack]") {
    InstalledFixture fixture;
    std::vector<CraftedEntry> entries{{EntryType::File, "texts/a.txt", "xin chào"}};
    auto pack = craftPack(fixture.temp.path() / "stranger.kpack",
                          serializeManifest(manifestFor(entries, 2)), entries, fixture.otherKey);
    REQUIRE(fixture.refusalOf(pack) == "bad_signature");
    fixture.requireUnchanged();
}

TEST_CASE("an unsigned pack is refused", "[pack]") {
    InstalledFixture fixture;
    std::vector<CraftedEntry> entries{{EntryType::File, "texts/a.txt", "xin chào"}};
    auto pack = craftPack(fixture.temp.path() / "unsigned.kpack",
                          serializeManifest(manifestFor(entries, 2)), entries, fixture.key,
                          Signing::Unsigned);
    REQUIRE(fixture.refusalOf(pack) == "unsigned");
    fixture.requireUnchanged();
}

TEST_CASE("an empty trust store refuses every pack", "[pack]") {
    InstalledFixture fixture;
    auto pack = fixture.build(sampleFiles("two"), 2, "v2");
    std::filesystem::remove(fixture.trust / "publisher.pub");
    REQUIRE(fixture.refusalOf(pack) == "no_trusted_keys");
    fixture.requireUnchanged();
}

TEST_CASE("an older or equal sequence is refused as a downgrade or replay", "[pack]") {
    InstalledFixture fixture;
    REQUIRE(fixture.refusalOf(fixture.build(sampleFiles("again"), 1, "replay")) == "not_newer");
    fixture.requireUnchanged();
    REQUIRE(fixture.refusalOf(fixture.build(sampleFiles("three"), 3, "v3")) == "");
    REQUIRE(fixture.refusalOf(fixture.build(sampleFiles("two"), 2, "v2")) == "not_newer");
}

TEST_CASE("a downgrade stays refused after a rollback", "[pack]") {
    InstalledFixture fixture;
    auto v2 = fixture.build(sampleFiles("two"), 2, "v2");
    REQUIRE(fixture.refusalOf(v2) == "");
    auto store = ContentStore::open(fixture.store);
    REQUIRE(store->rollback());
    REQUIRE(fixture.refusalOf(v2) == "not_newer");
}

TEST_CASE("a pack needing a newer kiosk is refused", "[pack]") {
    InstalledFixture fixture;
    InstallOptions oldKiosk;
    oldKiosk.kioskVersion = "0.0.9";
    REQUIRE(fixture.refusalOf(fixture.build(sampleFiles("two"), 2, "v2"), oldKiosk) ==
            "kiosk_too_old");
    fixture.requireUnchanged();
}

TEST_CASE("a pack for another commune is refused", "[pack]") {
    InstalledFixture fixture;
    std::vector<CraftedEntry> entries{{EntryType::File, "texts/a.txt", "xin chào"}};
    Manifest manifest = manifestFor(entries, 5);
    manifest.packId = "vn.hanoi.other";
    auto pack = craftPack(fixture.temp.path() / "other.kpack", serializeManifest(manifest), entries,
                          fixture.key);
    REQUIRE(fixture.refusalOf(pack) == "wrong_pack");
    fixture.requireUnchanged();
}

TEST_CASE("manifest paths that escape the content folder are refused", "[pack]") {
    InstalledFixture fixture;
    for (std::string path :
         std::vector<std::string>{"../evil.json", "/etc/passwd", "procedures/../../x", "a//b",
                                  "./a", "a\\b", std::string("a\x01") + "b"}) {
        std::vector<CraftedEntry> entries{{EntryType::File, path, "x"}};
        auto pack = craftPack(fixture.temp.path() / "traversal.kpack",
                              serializeManifest(manifestFor(entries, 2)), entries, fixture.key);
        INFO(path);
        REQUIRE(fixture.refusalOf(pack) == "unsafe_path");
    }
    fixture.requireUnchanged();
    REQUIRE_FALSE(std::filesystem::exists(fixture.store / "evil.json"));
}

TEST_CASE("an entry whose stored path differs from the manifest's is refused", "[pack]") {
    InstalledFixture fixture;
    std::vector<CraftedEntry> listed{{EntryType::File, "texts/a.txt", "x"}};
    std::vector<CraftedEntry> stored{{EntryType::File, "../../a.txt", "x"}};
    auto pack = craftPack(fixture.temp.path() / "sneaky.kpack",
                          serializeManifest(manifestFor(listed, 2)), stored, fixture.key);
    REQUIRE(fixture.refusalOf(pack) == "unsafe_path");
    stored[0].path = "texts/b.txt";
    pack = craftPack(fixture.temp.path() / "sneaky2.kpack",
                     serializeManifest(manifestFor(listed, 2)), stored, fixture.key);
    REQUIRE(fixture.refusalOf(pack) == "entry_mismatch");
    fixture.requireUnchanged();
}

TEST_CASE("a link entry is refused even when the manifest lists it", "[pack]") {
    InstalledFixture fixture;
    std::vector<CraftedEntry> entries{{EntryType::File, "texts/a.txt", "x"},
                                      {EntryType::Symlink, "texts/passwd", "/etc/passwd"}};
    auto pack = craftPack(fixture.temp.path() / "link.kpack",
                          serializeManifest(manifestFor(entries, 2)), entries, fixture.key);
    REQUIRE(fixture.refusalOf(pack) == "link_entry");
    entries[1].type = EntryType::Hardlink;
    pack = craftPack(fixture.temp.path() / "hardlink.kpack",
                     serializeManifest(manifestFor(entries, 2)), entries, fixture.key);
    REQUIRE(fixture.refusalOf(pack) == "link_entry");
    fixture.requireUnchanged();
}

TEST_CASE("the builder refuses a symlink in the source folder", "[pack]") {
    PackFixture fixture;
    auto source = fixture.source(sampleFiles("one"), 1, "links");
    std::filesystem::create_symlink("/etc/passwd", source / "texts" / "passwd");
    BuildOptions options{source, fixture.temp.path() / "links.kpack", fixture.key, {}, {}};
    auto built = buildPack(options);
    REQUIRE_FALSE(built);
    REQUIRE(built.error().code == "link_entry");
}

TEST_CASE("duplicate entries are refused in the manifest and in the payload", "[pack]") {
    InstalledFixture fixture;
    std::vector<CraftedEntry> twice{{EntryType::File, "texts/a.txt", "x"},
                                    {EntryType::File, "texts/a.txt", "y"}};
    auto pack = craftPack(fixture.temp.path() / "dup.kpack",
                          serializeManifest(manifestFor(twice, 2)), twice, fixture.key);
    REQUIRE(fixture.refusalOf(pack) == "duplicate_entry");

    std::vector<CraftedEntry> listed{{EntryType::File, "texts/a.txt", "x"},
                                     {EntryType::File, "texts/b.txt", "x"}};
    std::vector<CraftedEntry> stored{{EntryType::File, "texts/a.txt", "x"},
                                     {EntryType::File, "texts/a.txt", "x"}};
    pack = craftPack(fixture.temp.path() / "dup2.kpack", serializeManifest(manifestFor(listed, 2)),
                     stored, fixture.key);
    REQUIRE(fixture.refusalOf(pack) == "duplicate_entry");

    std::vector<CraftedEntry> fileAndFolder{{EntryType::File, "texts", "x"},
                                            {EntryType::File, "texts/b.txt", "x"}};
    pack = craftPack(fixture.temp.path() / "dup3.kpack",
                     serializeManifest(manifestFor(fileAndFolder, 2)), fileAndFolder, fixture.key);
    REQUIRE(fixture.refusalOf(pack) == "duplicate_entry");
    fixture.requireUnchanged();
}

TEST_CASE("a truncated pack is refused at every length", "[pack]") {
    InstalledFixture fixture;
    auto pack = fixture.build(sampleFiles("two"), 2, "v2");
    std::string bytes = readText(pack);
    auto cut = fixture.temp.path() / "cut.kpack";
    for (std::size_t length : {std::size_t{0}, std::size_t{5}, std::size_t{15}, std::size_t{100},
                               bytes.size() / 2, bytes.size() - 1}) {
        writeText(cut, bytes.substr(0, length));
        INFO("length " << length);
        std::string code = fixture.refusalOf(cut);
        REQUIRE((code == "truncated" || code == "bad_format"));
    }
    writeText(cut, bytes.substr(0, bytes.size() - 1));
    REQUIRE(fixture.refusalOf(cut) == "truncated");
    writeText(cut, bytes + "extra");
    REQUIRE(fixture.refusalOf(cut) == "trailing_data");
    fixture.requireUnchanged();
}

TEST_CASE("a size in the entry header that differs from the manifest is refused", "[pack]") {
    InstalledFixture fixture;
    std::vector<CraftedEntry> listed{{EntryType::File, "texts/a.txt", "four"}};
    std::vector<CraftedEntry> stored{{EntryType::File, "texts/a.txt", "fiv"}};
    // Keep the file length right so the early length check cannot catch it first.
    Manifest manifest = manifestFor(listed, 2);
    std::string text = serializeManifest(manifest);
    auto pack = craftPack(fixture.temp.path() / "size.kpack", text, stored, fixture.key);
    std::ofstream(pack, std::ios::app | std::ios::binary) << "!";
    REQUIRE(fixture.refusalOf(pack) == "size_mismatch");
    fixture.requireUnchanged();
}

TEST_CASE("oversized entries and packs are refused before anything is copied", "[pack]") {
    InstalledFixture fixture;
    auto pack = fixture.build(sampleFiles("two"), 2, "v2");
    InstallOptions small;
    small.limits.maxEntryBytes = 1000;
    REQUIRE(fixture.refusalOf(pack, small) == "entry_too_large");
    InstallOptions tiny;
    tiny.limits.maxTotalBytes = 2000;
    REQUIRE(fixture.refusalOf(pack, tiny) == "pack_too_large");
    InstallOptions few;
    few.limits.maxFiles = 2;
    REQUIRE(fixture.refusalOf(pack, few) == "pack_too_large");
    fixture.requireUnchanged();
}

TEST_CASE("a pack that does not fit the free space is refused before staging", "[pack]") {
    InstalledFixture fixture;
    InstallOptions options;
    options.reserveBytes = std::uint64_t{1} << 62;
    REQUIRE(fixture.refusalOf(fixture.build(sampleFiles("two"), 2, "v2"), options) == "disk_full");
    fixture.requireUnchanged();
}

TEST_CASE("a file that is not a pack is refused as bad format", "[pack]") {
    InstalledFixture fixture;
    auto notPack = fixture.temp.path() / "photo.kpack";
    writeText(notPack, "\x89PNG\r\n\x1a\n not really a pack at all");
    REQUIRE(fixture.refusalOf(notPack) == "bad_format");
    REQUIRE(fixture.refusalOf(fixture.temp.path() / "missing.kpack") == "io_error");
    fixture.requireUnchanged();
}

TEST_CASE("a FIFO named like a pack is refused without hanging", "[pack]") {
    InstalledFixture fixture;
    auto fifo = fixture.temp.path() / "pipe.kpack";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    REQUIRE(fixture.refusalOf(fifo) == "bad_format");
    fixture.requireUnchanged();
}
