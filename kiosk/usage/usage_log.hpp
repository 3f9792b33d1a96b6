// The anonymous usage log: a queue the UI thread never waits on, in front of a SQLite writer.
#pragma once

#include "kiosk/config/config.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/storage/database_health.hpp"
#include "kiosk/usage/usage_event.hpp"
#include "kiosk/usage/usage_store.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk {

// Called from the caller's thread (to stamp events) and the writer thread: must be thread-safe.
using WallClock = std::function<std::chrono::system_clock::time_point()>;

struct UsageLogOptions {
    std::filesystem::path databasePath;
    usagedb::PurgeLimits purge;
    // Kiosk-local calendar for daily counts; Vietnam is UTC+7 all year.
    std::chrono::minutes utcOffset{7 * 60};
    // Rows per transaction: one fsync per batch instead of per event.
    std::size_t batchSize = 500;
    // A batch is written when it is full or this long after the first event waiting.
    std::chrono::milliseconds flushInterval{2000};
    // With nothing waiting the writer sleeps this long between checks for the day's roll-up
    // and purge (an idle kiosk's only wake-up for the usage log).
    std::chrono::milliseconds idleCheck{std::chrono::minutes(10)};
    // Beyond this many waiting events new ones are dropped (and counted) instead of blocking.
    std::size_t queueLimit = 20000;
    // First wait before reopening a database that could not be opened (full, read-only, no
    // access, I/O error); doubles up to 5 minutes.
    std::chrono::milliseconds firstRetry{1000};
    // How many moved-aside corrupt databases to keep on disk.
    int keepMovedAside = 2;
    // Test seam: runs on the writer thread after each row of a batch, inside the transaction.
    std::function<void(std::size_t rowInBatch)> afterRowWritten;
};

// Where the kiosk keeps its usage database inside the data directory.
std::filesystem::path usageDatabasePath(const std::filesystem::path& dataDir);

// The options the kiosk runs with: database in [paths] data_dir, [usage] retention_days.
UsageLogOptions usageLogOptions(const Config& config);

enum class UsageHealth {
    Starting,    // the writer thread has not opened the database yet
    Ok,          // writing normally
    Recovered,   // a corrupt database was moved aside; a fresh one is in use
    Unavailable, // no database at all (see UsageAlert::storage): events are dropped, the kiosk
                 // keeps serving and opens it again by itself when the fault clears
};

// What the maintainer screen shows until acknowledged.
struct UsageAlert {
    UsageHealth health = UsageHealth::Starting;
    std::filesystem::path movedAsideTo; // empty unless a database was moved aside
    std::uint64_t droppedEvents = 0;
    DatabaseHealth storage; // the last fault (full, read-only...), None once a write succeeds
    bool needsAttention() const {
        return health == UsageHealth::Recovered || health == UsageHealth::Unavailable ||
               droppedEvents > 0 || !storage.ok();
    }
};

class UsageLog {
public:
    // Starts the writer thread, which opens (or recovers, or creates) the database; events
    // recorded meanwhile wait in the queue. `logger` is a nullable borrow.
    UsageLog(UsageLogOptions options, Logger* logger, WallClock clock);
    // Writes everything still queued, then stops the writer.
    ~UsageLog();
    UsageLog(const UsageLog&) = delete;
    UsageLog& operator=(const UsageLog&) = delete;

    // Validates and queues an event stamped with the current minute. Never waits for the disk;
    // fails for a malformed event or a full queue.
    Status record(const UsageEvent& event);

    // Blocks until every event recorded before the call is committed (or dropped). For
    // shutdown, tests and before a report that must include the last few minutes.
    void flush();

    // Rolls complete days up and purges old raw rows now (it also happens on open and when the
    // day changes).
    void runMaintenance();

    UsageHealth health() const { return health_.load(); }
    UsageAlert alert() const;
    // The maintainer has seen the alert: forget the moved-aside path and the drop count.
    void acknowledgeAlert();

    const std::filesystem::path& databasePath() const { return options_.databasePath; }

private:
    struct Pending {
        std::int64_t minute;
        UsageEvent event;
    };

    void writerLoop();
    void openOrRecover();
    Status openFile();
    bool moveAside();
    void writeBatch(const std::vector<Pending>& batch);
    Status writeChunk(const std::vector<Pending>& batch, std::size_t begin, std::size_t end);
    void maintain(bool forced);
    void closeDatabase();

    UsageLogOptions options_;
    Logger* logger_;
    WallClock clock_;

    // Writer thread only.
    usagedb::Database db_;
    std::optional<usagedb::EventInserter> inserter_;
    std::int64_t rolledThrough_ = usagedb::kNothingRolledUp;
    std::int64_t lastMaintenanceDay_ = usagedb::kNothingRolledUp;
    RetryBackoff reopen_;
    DatabaseHealthTracker storeHealth_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable written_;
    std::vector<Pending> queue_;
    std::uint64_t acceptedCount_ = 0;
    std::uint64_t doneCount_ = 0;
    std::uint64_t passes_ = 0;
    bool flushRequested_ = false;
    bool maintenanceRequested_ = false;
    bool stopping_ = false;
    std::filesystem::path movedAsideTo_;
    std::uint64_t dropped_ = 0;
    std::uint64_t droppedLogged_ = 0;

    std::atomic<UsageHealth> health_{UsageHealth::Starting};
    std::thread writer_;
};

} // namespace kiosk
