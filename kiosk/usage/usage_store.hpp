// The usage database schema and its writes: raw events, daily roll-up, purge of old raw rows.
#pragma once

#include "kiosk/usage/usage_event.hpp"
#include "kiosk/usage/usage_sqlite.hpp"

#include <chrono>
#include <cstdint>
#include <optional>

namespace kiosk::usagedb {

// Schema (version 1). Raw events carry the session id and the minute; daily aggregates keep
// only counts per (day, kind, code, outcome, value, assisted) and are never purged. Every report
// figure is such a count, so a report reads aggregates for rolled-up days and groups raw rows
// only for the few days not rolled up yet (normally just today).
//
//   usage_event(id, day, minute, session, kind, code, outcome, value, assisted)
//     index usage_event_by_day covers the GROUP BY of recent days and the purge by day.
//   usage_daily(day, kind, code, outcome, value, assisted, count)  WITHOUT ROWID
//   usage_meta(key, value): rolled_up_through = last day whose raw rows are in usage_daily.
constexpr int kSchemaVersion = 1;

// Creates the tables on a new database, checks the version of an existing one.
Status createSchema(sqlite3* db);

// Days since 1970-01-01 in the kiosk's local calendar (Vietnam has no daylight saving, so a
// fixed offset is exact).
std::int64_t dayOfMinute(std::int64_t unixMinute, std::chrono::minutes utcOffset);
std::int64_t unixMinute(std::chrono::system_clock::time_point time);

// No day rolled up yet.
constexpr std::int64_t kNothingRolledUp = -1'000'000;

Result<std::int64_t> rolledUpThrough(sqlite3* db);

// Inserts events inside the caller's transaction. An event for a day already rolled up (a
// late event across midnight, a clock set back) is also counted into usage_daily directly.
class EventInserter {
public:
    static Result<EventInserter> prepare(sqlite3* db);
    Status insert(std::int64_t day, std::int64_t minute, const UsageEvent& event,
                  std::int64_t rolledThrough);

private:
    EventInserter(Statement raw, Statement daily)
        : raw_(std::move(raw))
        , daily_(std::move(daily)) {}
    Statement raw_;
    Statement daily_;
};

// Folds raw rows of every complete day (before `today`) not yet rolled up into usage_daily,
// in one transaction. Returns the new rolled_up_through.
Result<std::int64_t> rollUp(sqlite3* db, std::int64_t today);

struct PurgeLimits {
    int retentionDays = 90;
    // A second bound for a runaway event source: raw rows beyond this many (oldest first,
    // rolled-up days only) are deleted too.
    std::int64_t maxRawEvents = 2'000'000;
};

// Deletes raw rows older than the retention that are already rolled up; returns rows deleted.
Result<std::int64_t> purgeRawEvents(sqlite3* db, std::int64_t today, const PurgeLimits& limits);

} // namespace kiosk::usagedb
