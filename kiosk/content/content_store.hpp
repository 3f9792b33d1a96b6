// The installed content packs: verified install, atomic switch, rollback and startup repair.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/content/pack_format.hpp"
#include "kiosk/content/pack_manifest.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

class Logger;

// How much of an installed version is re-checked at startup. A village pack of ~200 MB hashes
// in about a second on a Raspberry Pi 4; SizesOnly exists for much larger packs.
enum class StartupCheck { FullHashes, SizesOnly };

enum class StoreHealth {
    Empty,              // nothing installed yet
    Ok,                 // the active version verified
    FellBackToPrevious, // the active version was damaged; the previous one is active again
    NoValidContent      // neither the active nor the previous version verified
};

// One complete version under DIR/versions/<name>/ (manifest.json, manifest.sig, files/).
struct InstalledVersion {
    std::string name;
    std::filesystem::path directory;
    Manifest manifest;

    std::filesystem::path root() const { return directory / "files"; }
};

// Seams for the crash and full-disk tests; empty in production.
struct InstallHooks {
    // Called before every step that changes the disk ("create", "write", "fsync", "switch
    // current", ...); the crash tests SIGKILL the installer here.
    std::function<void(std::string_view step)> atStep;
    // Called before each payload write with the payload bytes written so far and the size of
    // this write; a non-zero errno makes that write fail as if the kernel had returned it
    // (ENOSPC simulates a full disk).
    std::function<int(std::uint64_t bytesWritten, std::size_t writeBytes)> beforeWrite;
};

struct InstallOptions {
    ProgressCallback progress;
    PackLimits limits;
    std::string kioskVersion = KIOSK_VERSION;
    // Free space left for the kiosk's databases and logs after an install (64 MiB).
    std::uint64_t reserveBytes = 64ull * 1024 * 1024;
    InstallHooks hooks;
};

struct InstallReport {
    std::string packId;
    std::uint64_t sequence = 0;
    std::string displayVersion;
    std::string versionName; // directory under versions/
    std::string signer;      // trust-store file name of the key that verified the pack
    std::uint64_t files = 0;
    std::uint64_t bytes = 0;
};

// A version as seen on disk, for `kioskctl pack status` and the maintainer screen.
struct VersionSummary {
    std::string name;
    std::string packId;
    std::uint64_t sequence = 0;
    std::string displayVersion;
    std::string created;
    std::uint64_t files = 0;
    std::uint64_t bytes = 0;
};

struct StoreStatus {
    std::optional<VersionSummary> current;
    std::optional<VersionSummary> previous;
    std::uint64_t acceptedSequence = 0; // anti-rollback floor: the next pack must be above it
    StoreHealth health = StoreHealth::Empty;
    std::string healthDetail;
};

// Layout of DIR: versions/<seq>-<random>/, current -> versions/..., previous -> versions/...,
// sequence (highest accepted sequence), .lock (held while installing or rolling back).
//
// Switch policy: installPack() and rollback() commit on disk at once (one atomic rename of
// `current`), but this object keeps serving the version it opened until the app calls
// activate(). The app calls activate() when hasPendingSwitch() is true and no session is
// active, so a resident never sees content change mid-session. A kioskctl install done while
// the kiosk runs is picked up the same way.
class ContentStore {
public:
    // Creates DIR if needed, removes leftovers of an interrupted install, verifies the active
    // version (falling back to the previous one if it is damaged) and serves it.
    static Result<ContentStore> open(const std::filesystem::path& dir,
                                     StartupCheck check = StartupCheck::FullHashes,
                                     Logger* logger = nullptr);

    StoreHealth health() const { return health_; }
    const std::string& healthDetail() const { return healthDetail_; }
    bool hasContent() const { return active_.has_value(); }
    const std::optional<InstalledVersion>& active() const { return active_; }
    // Folder of the served content files; empty when nothing is installed.
    std::filesystem::path contentRoot() const;
    std::string packId() const;
    std::uint64_t sequence() const;
    std::string displayVersion() const;
    const std::filesystem::path& directory() const { return dir_; }

    // A served file by its pack path ("texts/commune.json"); unsafe paths are refused.
    Result<std::string> readFile(std::string_view relativePath,
                                 std::uint64_t maxBytes = 64ull * 1024 * 1024) const;

    // Verifies and installs `pack` with keys from `trustDir/*.pub`. On any refusal nothing on
    // disk changes except a removed staging folder. Error codes: see docs/content-pack-format.md.
    Result<InstallReport> installPack(const std::filesystem::path& pack,
                                      const std::filesystem::path& trustDir,
                                      ProgressCallback progress = {});
    Result<InstallReport> installPack(const std::filesystem::path& pack,
                                      const std::filesystem::path& trustDir,
                                      const InstallOptions& options);

    // Swaps `current` and `previous` on disk (after verifying previous). The accepted
    // sequence does not go down: to undo a rollback, publish a pack with a higher sequence.
    Result<VersionSummary> rollback();

    // True when `current` on disk is not the version this object serves.
    bool hasPendingSwitch() const;
    // Serves what `current` points at, after verifying it.
    Status activate(StartupCheck check = StartupCheck::FullHashes);

    StoreStatus status() const;

private:
    ContentStore() = default;

    std::filesystem::path dir_;
    std::optional<InstalledVersion> active_;
    StoreHealth health_ = StoreHealth::Empty;
    std::string healthDetail_;
    Logger* logger_ = nullptr;
};

// Checks the signature and manifest of a pack without reading its payload, so a maintainer
// can see what it holds (and diffPacks) before installing.
Result<Manifest> inspectPack(const std::filesystem::path& pack,
                             const std::filesystem::path& trustDir, const PackLimits& limits = {});

// Procedures (files under `folder`) added, changed or removed between two manifests.
struct PackDiff {
    std::vector<std::string> added;
    std::vector<std::string> changed;
    std::vector<std::string> removed;
};
PackDiff diffPacks(const Manifest& installed, const Manifest& incoming,
                   std::string_view folder = "procedures/");

// Verifies one version folder: manifest present and valid, every file a regular file with the
// listed size (and hash). Error code: damaged.
Result<InstalledVersion> verifyVersion(const std::filesystem::path& versionDir, StartupCheck check);

std::string_view storeHealthName(StoreHealth health);

} // namespace kiosk
