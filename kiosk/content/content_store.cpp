// Content store: stage, verify and fsync a new version, then switch `current` with one rename.
#include "kiosk/content/content_store.hpp"

#include "kiosk/content/fs_util.hpp"
#include "kiosk/content/pack_signing.hpp"
#include "kiosk/content/sha256.hpp"
#include "kiosk/log/logger.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <fcntl.h>
#include <map>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {
namespace {

constexpr std::string_view kVersionsDir = "versions";
constexpr std::uint64_t kMaxSequenceFileBytes = 64;
// Each staged file may take a partly used block plus its inode; counted so the free-space
// check is not fooled by many small files.
constexpr std::uint64_t kPerFileOverheadBytes = 8192;
// Writeback is started every 8 MiB: large enough for sequential disk writes, small enough that
// the final fsync of a big file has little left to flush.
constexpr std::uint64_t kWritebackBytes = 8 * 1024 * 1024;

// Installs and rollbacks exclude each other (kioskctl and the kiosk may both try); a crashed
// holder releases the lock with its process.
class DirectoryLock {
public:
    static Result<DirectoryLock> acquire(const std::filesystem::path& dir) {
        UniqueFd fd(::open((dir / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
        if (!fd) {
            return makeError("io_error",
                             "cannot open " + (dir / ".lock").string() + ": " + errnoText(errno));
        }
        if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
            return makeError("busy", "another install or rollback is running on " + dir.string());
        }
        return DirectoryLock(std::move(fd));
    }

private:
    explicit DirectoryLock(UniqueFd fd)
        : fd_(std::move(fd)) {}
    UniqueFd fd_;
};

PackLimits storedLimits() {
    // Installed manifests were bounded at install time; re-reading them only needs sanity.
    PackLimits limits;
    limits.maxEntryBytes = UINT64_MAX;
    limits.maxTotalBytes = UINT64_MAX;
    limits.maxFiles = UINT64_MAX;
    return limits;
}

// "versions/<name>" with a plain name, or empty for anything else.
std::string versionNameOf(const std::string& target) {
    std::string prefix = std::string(kVersionsDir) + "/";
    if (target.rfind(prefix, 0) != 0) {
        return {};
    }
    std::string name = target.substr(prefix.size());
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") {
        return {};
    }
    return name;
}

std::string linkTarget(const std::string& name) {
    return std::string(kVersionsDir) + "/" + name;
}

std::uint64_t readAcceptedSequence(const std::filesystem::path& dir) {
    auto text = readWholeFile(dir / "sequence", kMaxSequenceFileBytes);
    if (!text) {
        return 0;
    }
    std::uint64_t value = 0;
    std::from_chars(text->data(), text->data() + text->size(), value);
    return value;
}

Status writeAcceptedSequence(const std::filesystem::path& dir, std::uint64_t sequence) {
    return writeFileAtomic(dir / "sequence", std::to_string(sequence) + "\n");
}

std::optional<Manifest> readManifestOnly(const std::filesystem::path& versionDir) {
    auto text = readWholeFile(versionDir / "manifest.json", PackLimits{}.maxManifestBytes);
    if (!text) {
        return std::nullopt;
    }
    auto manifest = parseManifest(*text, storedLimits());
    if (!manifest) {
        return std::nullopt;
    }
    return std::move(manifest.value());
}

VersionSummary summarize(const std::string& name, const Manifest& manifest) {
    return VersionSummary{name,
                          manifest.packId,
                          manifest.sequence,
                          manifest.displayVersion,
                          manifest.created,
                          manifest.files.size(),
                          manifest.totalBytes()};
}

// Removes every version folder that neither link (nor the served version) names.
void collectGarbage(const std::filesystem::path& dir, const std::set<std::string>& keep) {
    std::error_code error;
    std::filesystem::path versions = dir / kVersionsDir;
    bool removed = false;
    for (const auto& entry : std::filesystem::directory_iterator(versions, error)) {
        if (keep.count(entry.path().filename().string()) == 0) {
            std::filesystem::remove_all(entry.path(), error);
            removed = true;
        }
    }
    if (removed) {
        fsyncPath(versions);
    }
}

Error diskError(int error, const std::string& what) {
    if (error == ENOSPC || error == EDQUOT) {
        return makeError("disk_full", "the kiosk's storage is full while " + what +
                                          "; free some space or use a smaller pack");
    }
    return makeError("io_error", "storage error while " + what + ": " + errnoText(error));
}

// Writes the verified payload into the staging version folder.
class StagingSink : public EntrySink {
public:
    StagingSink(std::filesystem::path root, const InstallHooks& hooks)
        : root_(std::move(root))
        , hooks_(hooks) {}

    Status beginFile(const ManifestFile& file) override {
        std::filesystem::path relative(file.path);
        std::filesystem::path parent = root_;
        for (const auto& component : relative.parent_path()) {
            parent /= component;
            if (created_.count(parent) != 0) {
                continue;
            }
            step("mkdir");
            if (::mkdir(parent.c_str(), 0755) != 0) {
                return diskError(errno, "creating a folder");
            }
            created_.insert(parent);
        }
        step("create");
        fd_ = UniqueFd(::open((root_ / relative).c_str(),
                              O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
        if (!fd_) {
            return diskError(errno, "creating " + file.path);
        }
        fileOffset_ = 0;
        flushedTo_ = 0;
        return ok();
    }

    Status writeData(std::span<const std::uint8_t> data) override {
        std::size_t done = 0;
        while (done < data.size()) {
            step("write");
            int injected =
                hooks_.beforeWrite ? hooks_.beforeWrite(written_, data.size() - done) : 0;
            ssize_t n = -1;
            if (injected == 0) {
                n = ::write(fd_.get(), data.data() + done, data.size() - done);
            } else {
                errno = injected;
            }
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n < 0) {
                return diskError(errno, "copying the pack");
            }
            done += static_cast<std::size_t>(n);
            written_ += static_cast<std::uint64_t>(n);
            fileOffset_ += static_cast<std::uint64_t>(n);
        }
        // Start writeback of what was just written so the closing syncfs() has little left to
        // flush, instead of the whole pack at the end (overlaps copying and flushing).
        if (fileOffset_ - flushedTo_ >= kWritebackBytes) {
            ::sync_file_range(fd_.get(), static_cast<off64_t>(flushedTo_),
                              static_cast<off64_t>(fileOffset_ - flushedTo_),
                              SYNC_FILE_RANGE_WRITE);
            flushedTo_ = fileOffset_;
        }
        return ok();
    }

    // No fsync per file: one syncfs() after the last file makes the whole version durable
    // with a single journal commit, instead of one commit per file (hundreds of small files).
    Status endFile(const ManifestFile& file) override {
        step("close file");
        if (::close(fd_.release()) != 0) {
            return diskError(errno, "closing " + file.path);
        }
        return ok();
    }

private:
    void step(std::string_view name) {
        if (hooks_.atStep) {
            hooks_.atStep(name);
        }
    }

    std::filesystem::path root_;
    const InstallHooks& hooks_;
    std::set<std::filesystem::path> created_;
    UniqueFd fd_;
    std::uint64_t written_ = 0;
    std::uint64_t fileOffset_ = 0;
    std::uint64_t flushedTo_ = 0;
};

// syncfs(2): writes back and waits for all data and metadata of the file system holding
// `path`, and reports writeback errors (ENOSPC, EIO) since Linux 5.8.
Status syncFilesystem(const std::filesystem::path& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd) {
        return diskError(errno, "opening the staging folder");
    }
    if (::syncfs(fd.get()) != 0) {
        return diskError(errno, "syncing the staged version");
    }
    return ok();
}

Status writeNewFile(const std::filesystem::path& path, std::string_view content) {
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!fd) {
        return diskError(errno, "creating " + path.filename().string());
    }
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd.get(), content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return diskError(errno, "writing " + path.filename().string());
        }
        done += static_cast<std::size_t>(n);
    }
    return ok(); // made durable by the syncfs() that ends staging
}

} // namespace

std::string_view storeHealthName(StoreHealth health) {
    switch (health) {
    case StoreHealth::Empty:
        return "empty";
    case StoreHealth::Ok:
        return "ok";
    case StoreHealth::FellBackToPrevious:
        return "fell-back-to-previous";
    case StoreHealth::NoValidContent:
        return "no-valid-content";
    }
    return "empty";
}

Result<InstalledVersion> verifyVersion(const std::filesystem::path& versionDir,
                                       StartupCheck check) {
    std::string name = versionDir.filename().string();
    auto damaged = [&](const std::string& why) {
        return makeError("damaged", "content version " + name + " is damaged: " + why);
    };
    auto text = readWholeFile(versionDir / "manifest.json", PackLimits{}.maxManifestBytes);
    if (!text) {
        return damaged("manifest unreadable");
    }
    auto manifest = parseManifest(*text, storedLimits());
    if (!manifest) {
        return damaged(manifest.error().message);
    }
    InstalledVersion version{name, versionDir, std::move(manifest.value())};
    std::vector<std::uint8_t> buffer(1024 * 1024);
    for (const ManifestFile& file : version.manifest.files) {
        std::filesystem::path path = version.root() / file.path;
        struct stat info {};
        if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
            return damaged(file.path + " is missing");
        }
        if (static_cast<std::uint64_t>(info.st_size) != file.size) {
            return damaged(file.path + " has the wrong size");
        }
        if (check == StartupCheck::SizesOnly) {
            continue;
        }
        UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
        if (!fd) {
            return damaged(file.path + " cannot be opened");
        }
        Sha256 hash;
        while (true) {
            long long got = readFully(fd.get(), buffer.data(), buffer.size());
            if (got < 0) {
                return damaged(file.path + " cannot be read");
            }
            if (got == 0) {
                break;
            }
            hash.update(buffer.data(), static_cast<std::size_t>(got));
        }
        if (hash.finishHex() != file.sha256) {
            return damaged(file.path + " does not match its SHA-256");
        }
    }
    return version;
}

Result<ContentStore> ContentStore::open(const std::filesystem::path& dir, StartupCheck check,
                                        Logger* logger) {
    std::error_code error;
    std::filesystem::create_directories(dir / kVersionsDir, error);
    if (error) {
        return makeError("io_error", "cannot create " + dir.string() + ": " + error.message());
    }
    ContentStore store;
    store.dir_ = dir;
    store.logger_ = logger;
    // Repairs need the lock; without it (an install is running) the store only reads.
    auto lock = DirectoryLock::acquire(dir);
    if (lock) {
        for (const char* leftover : {"current.tmp", "previous.tmp", "sequence.tmp"}) {
            ::unlink((dir / leftover).c_str());
        }
    }
    std::string currentName = versionNameOf(readSymlink(dir / "current"));
    std::string previousName = versionNameOf(readSymlink(dir / "previous"));
    bool hadCurrent = !readSymlink(dir / "current").empty();
    std::string problem;
    if (!currentName.empty()) {
        auto current = verifyVersion(dir / kVersionsDir / currentName, check);
        if (current) {
            store.active_ = std::move(current.value());
            store.health_ = StoreHealth::Ok;
        } else {
            problem = current.error().message;
        }
    } else if (hadCurrent) {
        problem = "the current link does not name a version";
    }
    if (!store.active_ && hadCurrent && !previousName.empty() && previousName != currentName) {
        auto previous = verifyVersion(dir / kVersionsDir / previousName, check);
        if (previous) {
            store.active_ = std::move(previous.value());
            store.health_ = StoreHealth::FellBackToPrevious;
            store.healthDetail_ = problem + "; the previous version is active again";
            if (lock) {
                replaceSymlinkAtomic(dir / "current", linkTarget(previousName));
                currentName = previousName;
            }
            if (logger != nullptr) {
                logger->log(
                    LogEvent::ContentFellBack,
                    {{"sequence", static_cast<std::int64_t>(store.active_->manifest.sequence)},
                     {"detail", SystemText{problem}}});
            }
        }
    }
    if (!store.active_ && hadCurrent) {
        store.health_ = StoreHealth::NoValidContent;
        store.healthDetail_ = problem + "; no previous version verifies either";
        if (logger != nullptr) {
            logger->log(LogEvent::ContentDamaged, {{"detail", SystemText{store.healthDetail_}}});
        }
    }
    if (lock) {
        // An install that died between the switch and the sequence write left the floor low.
        if (store.active_ && readAcceptedSequence(dir) < store.active_->manifest.sequence) {
            writeAcceptedSequence(dir, store.active_->manifest.sequence);
        }
        std::set<std::string> keep{currentName, previousName};
        collectGarbage(dir, keep);
    }
    if (store.active_ && logger != nullptr) {
        logger->log(LogEvent::ContentOpened,
                    {{"sequence", static_cast<std::int64_t>(store.active_->manifest.sequence)},
                     {"files", static_cast<std::int64_t>(store.active_->manifest.files.size())}});
    }
    return store;
}

std::filesystem::path ContentStore::contentRoot() const {
    return active_ ? active_->root() : std::filesystem::path();
}

std::string ContentStore::packId() const {
    return active_ ? active_->manifest.packId : std::string();
}

std::uint64_t ContentStore::sequence() const {
    return active_ ? active_->manifest.sequence : 0;
}

std::string ContentStore::displayVersion() const {
    return active_ ? active_->manifest.displayVersion : std::string();
}

Result<std::string> ContentStore::readFile(std::string_view relativePath,
                                           std::uint64_t maxBytes) const {
    if (Status safe = checkEntryPath(relativePath); !safe) {
        return safe.error();
    }
    if (!active_) {
        return makeError("no_content", "no content pack is installed");
    }
    return readWholeFile(active_->root() / std::string(relativePath), maxBytes);
}

Result<InstallReport> ContentStore::installPack(const std::filesystem::path& pack,
                                                const std::filesystem::path& trustDir,
                                                ProgressCallback progress) {
    InstallOptions options;
    options.progress = std::move(progress);
    return installPack(pack, trustDir, options);
}

Result<InstallReport> ContentStore::installPack(const std::filesystem::path& pack,
                                                const std::filesystem::path& trustDir,
                                                const InstallOptions& options) {
    auto refuse = [&](Error error) -> Result<InstallReport> {
        if (logger_ != nullptr) {
            logger_->log(LogEvent::PackRefused, {{"reason", SystemText{error.code}},
                                                 {"detail", SystemText{error.message}}});
        }
        return error;
    };
    auto step = [&](std::string_view name) {
        if (options.hooks.atStep) {
            options.hooks.atStep(name);
        }
    };
    auto lock = DirectoryLock::acquire(dir_);
    if (!lock) {
        return refuse(lock.error());
    }
    auto keys = loadTrustStore(trustDir);
    if (!keys) {
        return refuse(keys.error());
    }
    auto reader = PackReader::open(pack, *keys, options.limits);
    if (!reader) {
        return refuse(reader.error());
    }
    const Manifest& manifest = reader->manifest();

    std::string currentName = versionNameOf(readSymlink(dir_ / "current"));
    std::optional<Manifest> current;
    if (!currentName.empty()) {
        current = readManifestOnly(dir_ / kVersionsDir / currentName);
    }
    if (current && current->packId != manifest.packId) {
        return refuse(makeError("wrong_pack", "this kiosk holds pack \"" + current->packId +
                                                  "\", not \"" + manifest.packId + "\""));
    }
    auto versionCheck = compareVersions(manifest.minKioskVersion, options.kioskVersion);
    if (!versionCheck || *versionCheck > 0) {
        return refuse(
            makeError("kiosk_too_old", "the pack needs kiosk version " + manifest.minKioskVersion +
                                           " or newer; this kiosk is " + options.kioskVersion));
    }
    std::uint64_t floor = readAcceptedSequence(dir_);
    if (current) {
        floor = std::max(floor, current->sequence);
    }
    if (manifest.sequence <= floor) {
        return refuse(
            makeError("not_newer", "the pack's sequence " + std::to_string(manifest.sequence) +
                                       " is not newer than the accepted " + std::to_string(floor)));
    }
    std::uint64_t needed = manifest.totalBytes() + manifest.files.size() * kPerFileOverheadBytes +
                           reader->manifestBytes().size() + options.reserveBytes;
    auto available = freeBytes(dir_);
    if (!available) {
        return refuse(available.error());
    }
    if (*available < needed) {
        return refuse(makeError("disk_full", "the pack needs " + std::to_string(needed) +
                                                 " bytes of storage but only " +
                                                 std::to_string(*available) + " are free"));
    }

    std::string name = std::to_string(manifest.sequence) + "-" + randomHex(4);
    std::filesystem::path versionDir = dir_ / kVersionsDir / name;
    auto fail = [&](Error error) -> Result<InstallReport> {
        std::error_code ignored;
        std::filesystem::remove_all(versionDir, ignored);
        return refuse(std::move(error));
    };
    step("mkdir version");
    if (::mkdir(versionDir.c_str(), 0755) != 0 ||
        ::mkdir((versionDir / "files").c_str(), 0755) != 0) {
        return fail(diskError(errno, "creating the staging folder"));
    }
    step("write manifest");
    if (Status written = writeNewFile(versionDir / "manifest.json", reader->manifestBytes());
        !written) {
        return fail(written.error());
    }
    const auto& signature = reader->signature();
    step("write signature");
    if (Status written = writeNewFile(
            versionDir / "manifest.sig",
            std::string_view(reinterpret_cast<const char*>(signature.data()), signature.size()));
        !written) {
        return fail(written.error());
    }
    StagingSink sink(versionDir / "files", options.hooks);
    if (Status copied = reader->readEntries(sink, options.progress); !copied) {
        return fail(copied.error());
    }
    // Every staged file, folder and name must be on disk before `current` can name them.
    step("sync filesystem");
    if (Status synced = syncFilesystem(versionDir); !synced) {
        return fail(synced.error());
    }

    // From here every state is complete: `current` names either the old or the new version.
    if (!currentName.empty()) {
        step("switch previous");
        if (Status switched = replaceSymlinkAtomic(dir_ / "previous", linkTarget(currentName));
            !switched) {
            return fail(switched.error());
        }
    }
    step("switch current");
    if (Status switched = replaceSymlinkAtomic(dir_ / "current", linkTarget(name)); !switched) {
        return fail(switched.error());
    }
    step("write sequence");
    // A failure here is repaired by open(), which raises the floor to the active sequence.
    writeAcceptedSequence(dir_, manifest.sequence);
    step("collect garbage");
    std::set<std::string> keep{name, currentName};
    if (active_) {
        keep.insert(active_->name);
    }
    collectGarbage(dir_, keep);
    step("done");

    InstallReport report{manifest.packId,      manifest.sequence,     manifest.displayVersion, name,
                         reader->signerName(), manifest.files.size(), manifest.totalBytes()};
    if (logger_ != nullptr) {
        logger_->log(LogEvent::PackInstalled,
                     {{"sequence", static_cast<std::int64_t>(manifest.sequence)},
                      {"files", static_cast<std::int64_t>(report.files)},
                      {"bytes", static_cast<std::int64_t>(report.bytes)},
                      {"signer", SystemText{report.signer}}});
    }
    return report;
}

Result<VersionSummary> ContentStore::rollback() {
    auto lock = DirectoryLock::acquire(dir_);
    if (!lock) {
        return lock.error();
    }
    std::string currentName = versionNameOf(readSymlink(dir_ / "current"));
    std::string previousName = versionNameOf(readSymlink(dir_ / "previous"));
    if (previousName.empty() || previousName == currentName) {
        return makeError("no_previous", "there is no previous content version to go back to");
    }
    auto previous = verifyVersion(dir_ / kVersionsDir / previousName, StartupCheck::FullHashes);
    if (!previous) {
        return previous.error();
    }
    if (Status switched = replaceSymlinkAtomic(dir_ / "current", linkTarget(previousName));
        !switched) {
        return switched.error();
    }
    if (!currentName.empty()) {
        replaceSymlinkAtomic(dir_ / "previous", linkTarget(currentName));
    }
    if (logger_ != nullptr) {
        logger_->log(LogEvent::PackRolledBack,
                     {{"sequence", static_cast<std::int64_t>(previous->manifest.sequence)}});
    }
    return summarize(previousName, previous->manifest);
}

bool ContentStore::hasPendingSwitch() const {
    std::string currentName = versionNameOf(readSymlink(dir_ / "current"));
    return !currentName.empty() && (!active_ || active_->name != currentName);
}

Status ContentStore::activate(StartupCheck check) {
    std::string currentName = versionNameOf(readSymlink(dir_ / "current"));
    if (currentName.empty()) {
        return makeError("no_content", "no content pack is installed");
    }
    auto version = verifyVersion(dir_ / kVersionsDir / currentName, check);
    if (!version) {
        return version.error();
    }
    active_ = std::move(version.value());
    health_ = StoreHealth::Ok;
    healthDetail_.clear();
    return ok();
}

StoreStatus ContentStore::status() const {
    StoreStatus status;
    for (const char* link : {"current", "previous"}) {
        std::string name = versionNameOf(readSymlink(dir_ / link));
        if (name.empty()) {
            continue;
        }
        auto manifest = readManifestOnly(dir_ / kVersionsDir / name);
        if (manifest) {
            (std::string_view(link) == "current" ? status.current : status.previous) =
                summarize(name, *manifest);
        }
    }
    status.acceptedSequence = readAcceptedSequence(dir_);
    status.health = health_;
    status.healthDetail = healthDetail_;
    return status;
}

Result<Manifest> inspectPack(const std::filesystem::path& pack,
                             const std::filesystem::path& trustDir, const PackLimits& limits) {
    auto keys = loadTrustStore(trustDir);
    if (!keys) {
        return keys.error();
    }
    auto reader = PackReader::open(pack, *keys, limits);
    if (!reader) {
        return reader.error();
    }
    return reader->manifest();
}

PackDiff diffPacks(const Manifest& installed, const Manifest& incoming, std::string_view folder) {
    auto index = [&](const Manifest& manifest) {
        std::map<std::string, std::string> files;
        for (const ManifestFile& file : manifest.files) {
            if (file.path.rfind(folder, 0) == 0) {
                files[file.path] = file.sha256;
            }
        }
        return files;
    };
    auto before = index(installed);
    auto after = index(incoming);
    PackDiff diff;
    for (const auto& [path, hash] : after) {
        auto it = before.find(path);
        if (it == before.end()) {
            diff.added.push_back(path);
        } else if (it->second != hash) {
            diff.changed.push_back(path);
        }
    }
    for (const auto& [path, hash] : before) {
        if (after.count(path) == 0) {
            diff.removed.push_back(path);
        }
    }
    return diff;
}

} // namespace kiosk
