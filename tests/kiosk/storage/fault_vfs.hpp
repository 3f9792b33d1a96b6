// Test-only SQLite VFS that wraps the default one and fails chosen calls with ENOSPC, EIO or
// EROFS, answering as SQLite's own unix VFS does for that errno; it also counts bytes written
// and fsyncs per file for the SD-wear benchmark. Never linked into the kiosk.
#pragma once

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace kiosk::testing {

enum class FaultOp { Open, Read, Write, Sync, Truncate };

inline const char* faultOpName(FaultOp op) {
    switch (op) {
    case FaultOp::Open:
        return "open";
    case FaultOp::Read:
        return "read";
    case FaultOp::Write:
        return "write";
    case FaultOp::Sync:
        return "fsync";
    case FaultOp::Truncate:
        return "truncate";
    }
    return "?";
}

inline const char* errnoName(int error) {
    switch (error) {
    case ENOSPC:
        return "ENOSPC";
    case EIO:
        return "EIO";
    case EROFS:
        return "EROFS";
    default:
        return std::strerror(error);
    }
}

struct FaultRule {
    FaultOp op = FaultOp::Write;
    int error = ENOSPC;
    std::string pathContains; // only files whose path contains this ("" = every file)
    int skip = 0;             // let this many matching calls through first (the Nth fails)
    int times = -1;           // fail this many calls, then pass again; -1 = until clear()
};

// Registers itself as SQLite's default VFS for its lifetime: every database opened meanwhile
// (by any thread) goes through it. Must outlive those connections.
class FaultVfs {
public:
    FaultVfs() {
        real_ = sqlite3_vfs_find(nullptr);
        vfs_ = *real_;
        vfs_.zName = "kiosk-fault";
        vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
        vfs_.pAppData = this;
        vfs_.xOpen = &FaultVfs::open;
        sqlite3_vfs_register(&vfs_, 1);
    }
    ~FaultVfs() { sqlite3_vfs_unregister(&vfs_); }
    FaultVfs(const FaultVfs&) = delete;
    FaultVfs& operator=(const FaultVfs&) = delete;

    void inject(FaultRule rule) {
        std::lock_guard lock(mutex_);
        rules_.push_back(Active{std::move(rule), 0, 0});
    }
    void clear() {
        std::lock_guard lock(mutex_);
        rules_.clear();
    }
    int failures() const { return failures_.load(); }

    struct Wear {
        std::uint64_t bytesWritten = 0;
        std::uint64_t writes = 0;
        std::uint64_t syncs = 0;
    };
    // By file name (not path): "outbox.db", "outbox.db-wal", "usage.db-wal"...
    std::map<std::string, Wear> wear() const {
        std::lock_guard lock(mutex_);
        return wear_;
    }
    void resetWear() {
        std::lock_guard lock(mutex_);
        wear_.clear();
    }

private:
    struct Active {
        FaultRule rule;
        int seen = 0;
        int failed = 0;
    };
    struct File {
        sqlite3_file base;
        FaultVfs* owner;
        char name[256];
        sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
    };

    // The errno the call should fail with, if a rule says so.
    std::optional<int> shouldFail(FaultOp op, const char* path) {
        std::lock_guard lock(mutex_);
        for (Active& active : rules_) {
            const FaultRule& rule = active.rule;
            if (rule.op != op || (path != nullptr && !rule.pathContains.empty() &&
                                  std::strstr(path, rule.pathContains.c_str()) == nullptr)) {
                continue;
            }
            if (active.seen++ < rule.skip) {
                continue;
            }
            if (rule.times >= 0 && active.failed >= rule.times) {
                continue;
            }
            ++active.failed;
            ++failures_;
            return rule.error;
        }
        return std::nullopt;
    }

    void count(const File* file, std::uint64_t bytes, bool sync) {
        std::lock_guard lock(mutex_);
        Wear& wear = wear_[std::filesystem::path(file->name).filename().string()];
        if (sync) {
            ++wear.syncs;
        } else {
            wear.bytesWritten += bytes;
            ++wear.writes;
        }
    }

    static File* self(sqlite3_file* file) { return reinterpret_cast<File*>(file); }

    // The same answers as os_unix.c gives for these errnos.
    static int writeError(int error) { return error == ENOSPC ? SQLITE_FULL : SQLITE_IOERR_WRITE; }

    static int open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags,
                    int* outFlags) {
        auto* owner = static_cast<FaultVfs*>(vfs->pAppData);
        File* wrapper = self(file);
        wrapper->base.pMethods = nullptr;
        wrapper->owner = owner;
        std::snprintf(wrapper->name, sizeof wrapper->name, "%s", name != nullptr ? name : "");
        if (auto error = owner->shouldFail(FaultOp::Open, name)) {
            // A read-only file system: os_unix.c falls back to opening the file read-only when
            // it exists, so the database opens and every write answers SQLITE_READONLY.
            bool exists = name != nullptr && std::filesystem::exists(name);
            if (*error != EROFS || !exists || (flags & SQLITE_OPEN_READWRITE) == 0) {
                return SQLITE_CANTOPEN;
            }
            flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
        }
        int rc = owner->real_->xOpen(owner->real_, name, wrapper->real(), flags, outFlags);
        if (rc != SQLITE_OK || wrapper->real()->pMethods == nullptr) {
            return rc;
        }
        wrapper->base.pMethods = wrapper->real()->pMethods->iVersion >= 3 ? &kMethods3 : &kMethods1;
        return rc;
    }

    static int close(sqlite3_file* file) {
        File* f = self(file);
        return f->real()->pMethods->xClose(f->real());
    }
    static int read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
        File* f = self(file);
        if (f->owner->shouldFail(FaultOp::Read, f->name)) {
            return SQLITE_IOERR_READ;
        }
        return f->real()->pMethods->xRead(f->real(), buffer, amount, offset);
    }
    static int write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
        File* f = self(file);
        if (auto error = f->owner->shouldFail(FaultOp::Write, f->name)) {
            return writeError(*error);
        }
        f->owner->count(f, static_cast<std::uint64_t>(amount), false);
        return f->real()->pMethods->xWrite(f->real(), buffer, amount, offset);
    }
    static int truncate(sqlite3_file* file, sqlite3_int64 size) {
        File* f = self(file);
        if (f->owner->shouldFail(FaultOp::Truncate, f->name)) {
            return SQLITE_IOERR_TRUNCATE;
        }
        return f->real()->pMethods->xTruncate(f->real(), size);
    }
    static int sync(sqlite3_file* file, int flags) {
        File* f = self(file);
        if (f->owner->shouldFail(FaultOp::Sync, f->name)) {
            return SQLITE_IOERR_FSYNC;
        }
        f->owner->count(f, 0, true);
        return f->real()->pMethods->xSync(f->real(), flags);
    }
    static int fileSize(sqlite3_file* file, sqlite3_int64* size) {
        return self(file)->real()->pMethods->xFileSize(self(file)->real(), size);
    }
    static int lock(sqlite3_file* file, int level) {
        return self(file)->real()->pMethods->xLock(self(file)->real(), level);
    }
    static int unlock(sqlite3_file* file, int level) {
        return self(file)->real()->pMethods->xUnlock(self(file)->real(), level);
    }
    static int checkReservedLock(sqlite3_file* file, int* out) {
        return self(file)->real()->pMethods->xCheckReservedLock(self(file)->real(), out);
    }
    static int fileControl(sqlite3_file* file, int op, void* arg) {
        return self(file)->real()->pMethods->xFileControl(self(file)->real(), op, arg);
    }
    static int sectorSize(sqlite3_file* file) {
        return self(file)->real()->pMethods->xSectorSize(self(file)->real());
    }
    static int deviceCharacteristics(sqlite3_file* file) {
        return self(file)->real()->pMethods->xDeviceCharacteristics(self(file)->real());
    }
    static int shmMap(sqlite3_file* file, int page, int size, int extend, void volatile** out) {
        return self(file)->real()->pMethods->xShmMap(self(file)->real(), page, size, extend, out);
    }
    static int shmLock(sqlite3_file* file, int offset, int n, int flags) {
        return self(file)->real()->pMethods->xShmLock(self(file)->real(), offset, n, flags);
    }
    static void shmBarrier(sqlite3_file* file) {
        self(file)->real()->pMethods->xShmBarrier(self(file)->real());
    }
    static int shmUnmap(sqlite3_file* file, int deleteFlag) {
        return self(file)->real()->pMethods->xShmUnmap(self(file)->real(), deleteFlag);
    }
    static int fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
        return self(file)->real()->pMethods->xFetch(self(file)->real(), offset, amount, out);
    }
    static int unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
        return self(file)->real()->pMethods->xUnfetch(self(file)->real(), offset, page);
    }

    static constexpr sqlite3_io_methods kMethods1 = {1,
                                                     &close,
                                                     &read,
                                                     &write,
                                                     &truncate,
                                                     &sync,
                                                     &fileSize,
                                                     &lock,
                                                     &unlock,
                                                     &checkReservedLock,
                                                     &fileControl,
                                                     &sectorSize,
                                                     &deviceCharacteristics,
                                                     nullptr,
                                                     nullptr,
                                                     nullptr,
                                                     nullptr,
                                                     nullptr,
                                                     nullptr};
    static constexpr sqlite3_io_methods kMethods3 = {3,
                                                     &close,
                                                     &read,
                                                     &write,
                                                     &truncate,
                                                     &sync,
                                                     &fileSize,
                                                     &lock,
                                                     &unlock,
                                                     &checkReservedLock,
                                                     &fileControl,
                                                     &sectorSize,
                                                     &deviceCharacteristics,
                                                     &shmMap,
                                                     &shmLock,
                                                     &shmBarrier,
                                                     &shmUnmap,
                                                     &fetch,
                                                     &unfetch};

    sqlite3_vfs* real_ = nullptr;
    sqlite3_vfs vfs_{};
    mutable std::mutex mutex_;
    std::vector<Active> rules_;
    std::map<std::string, Wear> wear_;
    std::atomic<int> failures_{0};
};

} // namespace kiosk::testing
