// The usage log's queue, writer thread, batched transactions and recovery from a bad database.
#include "kiosk/usage/usage_log.hpp"

#include "kiosk/storage/moved_aside.hpp"

#include <algorithm>
#include <ctime>
#include <system_error>

namespace kiosk {
namespace {

using std::chrono::steady_clock;

} // namespace

std::filesystem::path usageDatabasePath(const std::filesystem::path& dataDir) {
    return dataDir / "usage.db";
}

UsageLogOptions usageLogOptions(const Config& config) {
    UsageLogOptions options;
    options.databasePath = usageDatabasePath(config.paths.dataDir);
    options.purge.retentionDays = config.usage.retentionDays;
    return options;
}

UsageLog::UsageLog(UsageLogOptions options, Logger* logger, WallClock clock)
    : options_(std::move(options))
    , logger_(logger)
    , clock_(std::move(clock))
    , reopen_(options_.firstRetry)
    , storeHealth_("usage", logger) {
    options_.batchSize = std::max<std::size_t>(options_.batchSize, 1);
    writer_ = std::thread([this] { writerLoop(); });
}

UsageLog::~UsageLog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    writer_.join();
}

Status UsageLog::record(const UsageEvent& event) {
    if (auto valid = validateUsageEvent(event); !valid) {
        return valid;
    }
    std::int64_t minute = usagedb::unixMinute(clock_());
    {
        std::lock_guard lock(mutex_);
        if (queue_.size() >= options_.queueLimit || stopping_) {
            ++dropped_;
            return makeError("usage.queue_full", "usage event dropped: the writer is behind");
        }
        queue_.push_back(Pending{minute, event});
        ++acceptedCount_;
        // The first event waiting starts the flush interval (the writer sleeps until then),
        // a full batch is written at once; others only join the queue.
        if (queue_.size() != 1 && queue_.size() < options_.batchSize) {
            return ok();
        }
    }
    wake_.notify_one();
    return ok();
}

void UsageLog::flush() {
    std::unique_lock lock(mutex_);
    std::uint64_t target = acceptedCount_;
    std::uint64_t pass = passes_;
    flushRequested_ = true;
    wake_.notify_one();
    // A whole pass after the request: it also covers the writer's first open.
    written_.wait(lock, [&] { return passes_ > pass && doneCount_ >= target; });
}

void UsageLog::runMaintenance() {
    std::unique_lock lock(mutex_);
    std::uint64_t target = acceptedCount_;
    maintenanceRequested_ = true;
    flushRequested_ = true;
    wake_.notify_one();
    // Waits for the pass that picked the request up, which also wrote everything queued.
    written_.wait(lock, [&] { return !maintenanceRequested_ && doneCount_ >= target; });
}

UsageAlert UsageLog::alert() const {
    std::lock_guard lock(mutex_);
    return UsageAlert{health_.load(), movedAsideTo_, dropped_, storeHealth_.current()};
}

void UsageLog::acknowledgeAlert() {
    std::lock_guard lock(mutex_);
    movedAsideTo_.clear();
    droppedLogged_ = 0;
    dropped_ = 0;
    UsageHealth expected = UsageHealth::Recovered;
    health_.compare_exchange_strong(expected, UsageHealth::Ok);
}

void UsageLog::writerLoop() {
    openOrRecover();
    maintain(false);
    // Two buffers swapped back and forth: once both have grown, record() never allocates for
    // the queue (codes fit the small-string buffer), so its cost stays flat.
    std::vector<Pending> batch;
    batch.reserve(options_.batchSize);
    std::unique_lock lock(mutex_);
    queue_.reserve(options_.batchSize);
    auto writeNow = [&] {
        return stopping_ || flushRequested_ || maintenanceRequested_ ||
               queue_.size() >= options_.batchSize;
    };
    while (true) {
        if (queue_.empty() && inserter_) {
            // Nothing to write: an idle kiosk's writer sleeps until an event arrives (record()
            // wakes it) or the day's maintenance is due, instead of waking every flushInterval.
            wake_.wait_for(lock, options_.idleCheck, [&] { return writeNow() || !queue_.empty(); });
            if (!queue_.empty()) {
                wake_.wait_for(lock, options_.flushInterval, writeNow);
            }
        } else {
            // Events waiting, or a database to reopen (its backoff is checked each pass).
            wake_.wait_for(lock, options_.flushInterval, writeNow);
        }
        batch.swap(queue_);
        bool forced = maintenanceRequested_;
        bool stopping = stopping_;
        flushRequested_ = false;
        // Logged at 1, 2, 4, 8... drops: a dead disk must not flood the journal.
        bool newDrops = dropped_ > 0 && dropped_ >= 2 * droppedLogged_;
        if (newDrops) {
            droppedLogged_ = dropped_;
        }
        std::uint64_t dropped = dropped_;
        lock.unlock();

        // A data partition mounted late, a disk freed up, permissions fixed: try again with
        // backoff (1 s doubling to 5 min), so the kiosk recovers without a restart.
        if (!inserter_ && reopen_.due(steady_clock::now())) {
            openOrRecover();
        }
        writeBatch(batch);
        maintain(forced);
        if (newDrops && logger_ != nullptr) {
            logger_->log(LogEvent::UsageEventsDropped,
                         {{"dropped_total", static_cast<std::int64_t>(dropped)}});
        }

        lock.lock();
        doneCount_ += batch.size();
        batch.clear();
        ++passes_;
        if (forced) {
            maintenanceRequested_ = false;
        }
        written_.notify_all();
        if (stopping && queue_.empty()) {
            break;
        }
    }
    lock.unlock();
    closeDatabase();
}

Status UsageLog::openFile() {
    auto opened = usagedb::openDatabase(options_.databasePath, usagedb::OpenMode::ReadWriteCreate);
    if (!opened) {
        return opened.error();
    }
    // Kept open even if the checks below fail: closing a damaged database lets SQLite delete
    // its WAL, which should go aside with it as evidence.
    db_ = std::move(*opened);
    usagedb::Database* db = &db_;
    // quick_check reads every page once (a few hundred ms for a bounded database on an SD
    // card, on this thread, not the UI's) and catches damage a lazy open would not see.
    auto check = usagedb::queryText(db->get(), "PRAGMA quick_check");
    if (!check) {
        return check.error();
    }
    if (*check != "ok") {
        return makeError("usage.db_corrupt", "quick_check: " + *check);
    }
    // Must come before WAL: once the header is written a new file can no longer change it.
    // 1 KB pages: a batch of a few events rewrites one or two small pages in the WAL instead
    // of 4 KB ones, a quarter of the SD-card writes per commit (docs/storage.md). An existing
    // database keeps its page size.
    for (const char* pragma : {"PRAGMA page_size = 1024", "PRAGMA auto_vacuum = INCREMENTAL"}) {
        if (auto status = usagedb::exec(db->get(), pragma); !status) {
            return status;
        }
    }
    auto mode = usagedb::queryText(db->get(), "PRAGMA journal_mode = WAL");
    if (!mode) {
        return mode.error();
    }
    if (*mode != "wal") {
        return makeError("usage.db_error", "cannot switch the usage database to WAL");
    }
    // WAL with synchronous=NORMAL never corrupts on power loss; it may lose the last commits,
    // which for usage counts is the right trade against SD card wear.
    for (const char* pragma :
         {"PRAGMA synchronous = NORMAL", "PRAGMA journal_size_limit = 4194304"}) {
        if (auto status = usagedb::exec(db->get(), pragma); !status) {
            return status;
        }
    }
    if (auto status = usagedb::createSchema(db->get()); !status) {
        return status;
    }
    auto through = usagedb::rolledUpThrough(db->get());
    if (!through) {
        return through.error();
    }
    auto inserter = usagedb::EventInserter::prepare(db->get());
    if (!inserter) {
        return inserter.error();
    }
    inserter_.emplace(std::move(*inserter));
    rolledThrough_ = *through;
    return ok();
}

void UsageLog::closeDatabase() {
    inserter_.reset();
    db_.reset();
}

void UsageLog::openOrRecover() {
    auto opened = openFile();
    if (!opened && usagedb::isCorruption(opened.error())) {
        // Only a corrupt file goes aside; any other fault leaves it where it is (issue 19).
        storeHealth_.failed(opened.error());
        bool moved = moveAside();
        closeDatabase();
        if (moved) {
            opened = openFile();
            if (opened) {
                reopen_.succeeded();
                storeHealth_.succeeded();
                health_ = UsageHealth::Recovered;
                if (logger_ != nullptr) {
                    logger_->log(
                        LogEvent::UsageDatabaseOpened,
                        {{"path", SystemText{options_.databasePath.string()}}, {"fresh", true}});
                }
                return;
            }
        }
    }
    if (!opened) {
        closeDatabase();
        reopen_.failed(steady_clock::now());
        bool first = health_.exchange(UsageHealth::Unavailable) != UsageHealth::Unavailable;
        storeHealth_.failed(opened.error());
        if (first && logger_ != nullptr) {
            logger_->log(LogEvent::UsageDatabaseUnavailable,
                         {{"path", SystemText{options_.databasePath.string()}},
                          {"reason", SystemText{opened.error().message}}});
        }
        return;
    }
    reopen_.succeeded();
    storeHealth_.succeeded();
    // A Recovered alert stays until acknowledged; Starting or a retried Unavailable is Ok now.
    if (health_ != UsageHealth::Recovered) {
        health_ = UsageHealth::Ok;
    }
    if (logger_ != nullptr) {
        logger_->log(LogEvent::UsageDatabaseOpened,
                     {{"path", SystemText{options_.databasePath.string()}}, {"fresh", false}});
    }
}

bool UsageLog::moveAside() {
    const std::filesystem::path& path = options_.databasePath;
    MoveAsideResult moved =
        moveCorruptDatabaseAside(path, clock_(), std::max(options_.keepMovedAside, 1));
    if (moved.movedTo.empty()) {
        if (!moved.failure.empty() && logger_ != nullptr) {
            logger_->log(
                LogEvent::UsageDatabaseUnavailable,
                {{"path", SystemText{path.string()}}, {"reason", SystemText{moved.failure}}});
        }
        return false;
    }
    {
        std::lock_guard lock(mutex_);
        movedAsideTo_ = moved.movedTo;
    }
    if (logger_ != nullptr) {
        logger_->log(LogEvent::UsageDatabaseMovedAside,
                     {{"path", SystemText{path.string()}},
                      {"moved_to", SystemText{moved.movedTo.string()}}});
    }
    return true;
}

void UsageLog::writeBatch(const std::vector<Pending>& batch) {
    for (std::size_t begin = 0; begin < batch.size(); begin += options_.batchSize) {
        std::size_t end = std::min(batch.size(), begin + options_.batchSize);
        if (!inserter_) {
            std::lock_guard lock(mutex_);
            dropped_ += end - begin;
            continue;
        }
        auto status = writeChunk(batch, begin, end);
        if (status) {
            storeHealth_.succeeded();
        }
        if (!status && usagedb::isCorruption(status.error())) {
            // Damage found while writing: same recovery as at start, then one more try.
            closeDatabase();
            openOrRecover();
            if (inserter_) {
                status = writeChunk(batch, begin, end);
            }
        }
        if (!status) {
            // Full, read-only or failing: the file stays; the next batch tries again.
            storeHealth_.failed(status.error());
            if (logger_ != nullptr) {
                logger_->log(LogEvent::UsageWriteFailed,
                             {{"reason", SystemText{status.error().message}},
                              {"events", static_cast<std::int64_t>(end - begin)}});
            }
            std::lock_guard lock(mutex_);
            dropped_ += end - begin;
        }
    }
}

Status UsageLog::writeChunk(const std::vector<Pending>& batch, std::size_t begin, std::size_t end) {
    if (auto status = usagedb::exec(db_.get(), "BEGIN IMMEDIATE"); !status) {
        return status;
    }
    for (std::size_t i = begin; i < end; ++i) {
        const Pending& pending = batch[i];
        std::int64_t day = usagedb::dayOfMinute(pending.minute, options_.utcOffset);
        auto status = inserter_->insert(day, pending.minute, pending.event, rolledThrough_);
        if (!status) {
            usagedb::exec(db_.get(), "ROLLBACK");
            return status;
        }
        if (options_.afterRowWritten) {
            options_.afterRowWritten(i - begin);
        }
    }
    auto status = usagedb::exec(db_.get(), "COMMIT");
    if (!status) {
        usagedb::exec(db_.get(), "ROLLBACK");
    }
    return status;
}

void UsageLog::maintain(bool forced) {
    if (!inserter_) {
        return;
    }
    std::int64_t today = usagedb::dayOfMinute(usagedb::unixMinute(clock_()), options_.utcOffset);
    if (!forced && today == lastMaintenanceDay_) {
        return;
    }
    lastMaintenanceDay_ = today;
    auto through = usagedb::rollUp(db_.get(), today);
    if (!through) {
        if (logger_ != nullptr) {
            logger_->log(LogEvent::UsageWriteFailed,
                         {{"reason", SystemText{through.error().message}}});
        }
        return;
    }
    rolledThrough_ = *through;
    auto purged = usagedb::purgeRawEvents(db_.get(), today, options_.purge);
    if (!purged) {
        if (logger_ != nullptr) {
            logger_->log(LogEvent::UsageWriteFailed,
                         {{"reason", SystemText{purged.error().message}}});
        }
        return;
    }
    if (logger_ != nullptr) {
        logger_->log(LogEvent::UsageRolledUp,
                     {{"rolled_up_through_day", rolledThrough_}, {"purged_events", *purged}});
    }
}

} // namespace kiosk
