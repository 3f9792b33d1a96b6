// Shared helpers for the content pack tests: temp folders, keys, source trees, crafted packs.
#pragma once

#include "kiosk/content/content_store.hpp"
#include "kiosk/content/fs_util.hpp"
#include "kiosk/content/pack_builder.hpp"
#include "kiosk/content/pack_format.hpp"
#include "kiosk/content/pack_manifest.hpp"
#include "kiosk/content/pack_signing.hpp"
#include "kiosk/content/sha256.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::test {

using TempDir = kiosk::testing::TempDir;

inline void writeText(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

inline std::string readText(const std::filesystem::path& path) {
    auto text = readWholeFile(path, std::uint64_t{1} << 32);
    return text ? *text : std::string();
}

using FileMap = std::map<std::string, std::string>;

// Small Vietnamese content used by most tests.
inline FileMap sampleFiles(const std::string& flavour) {
    return {
        {"texts/commune.json", R"({"commune":{"vi":"Xã Vĩnh Tường","en":"Vinh Tuong"}})"},
        {"procedures/birth-registration.json",
         R"({"title":{"vi":"Đăng ký khai sinh","en":"Birth registration"},"rev":")" + flavour +
             R"("})"},
        {"procedures/residence.json", R"({"title":{"vi":"Đăng ký thường trú"}})"},
        {"lessons/zalo-basics.json",
         R"({"title":{"vi":"Dùng Zalo an toàn"},"rev":")" + flavour + R"("})"},
        {"images/logo.txt", std::string(3000, 'x') + flavour},
    };
}

// A temp folder with a trusted key pair, a second untrusted key and a content store folder.
struct PackFixture {
    TempDir temp;
    std::filesystem::path key = temp.path() / "keys" / "publisher";
    std::filesystem::path otherKey = temp.path() / "keys" / "stranger";
    std::filesystem::path trust = temp.path() / "trust";
    std::filesystem::path store = temp.path() / "store";

    PackFixture() {
        std::filesystem::create_directories(key.parent_path());
        std::filesystem::create_directories(trust);
        if (!generateKeyPair(key) || !generateKeyPair(otherKey)) {
            throw std::runtime_error("key generation failed");
        }
        std::filesystem::copy_file(key.string() + ".pub", trust / "publisher.pub");
    }

    std::filesystem::path source(const FileMap& files, std::uint64_t sequence,
                                 const std::string& name) {
        std::filesystem::path dir = temp.path() / ("src-" + name);
        std::filesystem::remove_all(dir);
        writeText(dir / "pack.json",
                  R"({"pack_id":"vn.phutho.vinhtuong","sequence":)" + std::to_string(sequence) +
                      R"(,"display_version":"v)" + std::to_string(sequence) +
                      R"(","min_kiosk_version":"0.1.0","exclude":["README.md"]})");
        for (const auto& [path, text] : files) {
            writeText(dir / path, text);
        }
        return dir;
    }

    std::filesystem::path build(const FileMap& files, std::uint64_t sequence,
                                const std::string& name) {
        BuildOptions options;
        options.source = source(files, sequence, name);
        options.output = temp.path() / (name + ".kpack");
        options.privateKey = key;
        options.created = "2026-11-25T00:00:00Z";
        auto built = buildPack(options);
        if (!built) {
            throw std::runtime_error(built.error().message);
        }
        return options.output;
    }
};

struct CraftedEntry {
    EntryType type = EntryType::File;
    std::string path;
    std::string data;
};

enum class Signing { WithKey, Unsigned };

// Writes a pack byte by byte as an attacker could, signed with `keyPath` (a real signature).
inline std::filesystem::path craftPack(const std::filesystem::path& out,
                                       const std::string& manifestText,
                                       const std::vector<CraftedEntry>& entries,
                                       const std::filesystem::path& keyPath,
                                       Signing signing = Signing::WithKey) {
    std::vector<std::uint8_t> signature;
    if (signing == Signing::WithKey) {
        auto key = loadPrivateKey(keyPath);
        auto signed_ =
            signMessage(*key, {reinterpret_cast<const std::uint8_t*>(manifestText.data()),
                               manifestText.size()});
        signature = *signed_;
    }
    auto writer = PackWriter::create(out);
    (void)writer->writeHeader(manifestText, signature);
    for (const CraftedEntry& entry : entries) {
        (void)writer->writeEntry(entry.type, entry.path, entry.data);
    }
    (void)writer->finish();
    return out;
}

// A manifest listing `entries` truthfully (sizes and hashes of their data).
inline Manifest manifestFor(const std::vector<CraftedEntry>& entries, std::uint64_t sequence) {
    Manifest manifest;
    manifest.packId = "vn.phutho.vinhtuong";
    manifest.sequence = sequence;
    manifest.displayVersion = "crafted";
    manifest.minKioskVersion = "0.1.0";
    manifest.created = "2026-11-25T00:00:00Z";
    for (const CraftedEntry& entry : entries) {
        manifest.files.push_back(ManifestFile{entry.path, entry.data.size(),
                                              sha256Hex(entry.data.data(), entry.data.size())});
    }
    return manifest;
}

// What a refusal must leave untouched: the links, the accepted sequence, the version folders.
inline std::string storeFingerprint(const std::filesystem::path& store) {
    std::string print = readSymlink(store / "current") + "|" + readSymlink(store / "previous") +
                        "|" + readText(store / "sequence") + "|";
    std::vector<std::string> names;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(store / "versions", ignored)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
        print += name + ",";
    }
    return print;
}

} // namespace kiosk::test
