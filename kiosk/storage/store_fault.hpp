// How a SQLite store failed, sorted by what the kiosk must do about it (docs/storage.md).
#pragma once

#include "drivers/common/result.hpp"

#include <chrono>
#include <string>
#include <string_view>

struct sqlite3;

namespace kiosk {

// Only Corrupt justifies moving a file aside. Every other fault is the card, the file system or
// the permissions, not the file: the file stays where it is, the fault is reported, and the store
// tries again until the cause goes away.
enum class StoreFault {
    None,
    Corrupt,  // SQLITE_CORRUPT, SQLITE_NOTADB, a failed PRAGMA quick_check
    Full,     // SQLITE_FULL: the data partition (or a quota) is full
    ReadOnly, // SQLITE_READONLY: the partition was remounted read-only, or the file is 0444
    NoAccess, // SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH: missing directory, wrong owner
    IoError,  // SQLITE_IOERR: the card failed a read, write or fsync
    Busy,     // SQLITE_BUSY, SQLITE_LOCKED: another process holds the lock
    Other,
};

StoreFault storeFaultOfSqlite(int resultCode);
// "corrupt", "full", "read_only", "no_access", "io_error", "busy", "error"; "ok" for None.
std::string_view storeFaultName(StoreFault fault);

// A store's error code is "<store prefix>" + storeFaultName, e.g. "outbox.full": the prefix
// says which store, the suffix lets any caller sort the error without SQLite.
Error storeError(std::string_view prefix, StoreFault fault, std::string message);
StoreFault storeFaultOf(const Error& error);
// The fault of the last call on `db` (its extended error code) as an Error naming `what`.
Error sqliteStoreError(std::string_view prefix, sqlite3* db, int resultCode, std::string_view what);

// PRAGMA quick_check: reads every page once and checks the b-trees, which a lazy open would not
// notice until the damaged page is needed (possibly by the sender, hours later). Corrupt on any
// complaint; the read's own fault (I/O, permissions) otherwise.
Status checkIntegrity(sqlite3* db, std::string_view prefix);

// When to try a failing store again: 1 s, 2 s, 4 s ... up to 5 minutes, so a card that is
// briefly busy recovers at once and a dead one costs one attempt every few minutes.
class RetryBackoff {
public:
    using Clock = std::chrono::steady_clock;
    explicit RetryBackoff(std::chrono::milliseconds first = std::chrono::seconds(1),
                          std::chrono::milliseconds cap = std::chrono::minutes(5))
        : first_(first)
        , cap_(cap) {}
    bool due(Clock::time_point now) const { return failures_ == 0 || now >= next_; }
    void failed(Clock::time_point now);
    void succeeded() { failures_ = 0; }
    int failures() const { return failures_; }

private:
    std::chrono::milliseconds first_;
    std::chrono::milliseconds cap_;
    int failures_ = 0;
    Clock::time_point next_{};
};

} // namespace kiosk
