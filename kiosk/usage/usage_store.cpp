// Schema creation, event inserts, the daily roll-up and the purge of old raw events.
#include "kiosk/usage/usage_store.hpp"

#include <algorithm>

namespace kiosk::usagedb {
namespace {

constexpr const char* kCreateSchema = R"sql(
CREATE TABLE IF NOT EXISTS usage_event(
  id INTEGER PRIMARY KEY,
  day INTEGER NOT NULL,
  minute INTEGER NOT NULL,
  session BLOB NOT NULL,
  kind INTEGER NOT NULL,
  code TEXT NOT NULL,
  outcome INTEGER NOT NULL,
  value INTEGER NOT NULL,
  assisted INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS usage_event_by_day
  ON usage_event(day, kind, code, outcome, value, assisted);
CREATE TABLE IF NOT EXISTS usage_daily(
  day INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  code TEXT NOT NULL,
  outcome INTEGER NOT NULL,
  value INTEGER NOT NULL,
  assisted INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY(day, kind, code, outcome, value, assisted)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS usage_meta(
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL) WITHOUT ROWID;
)sql";

constexpr const char* kUpsertDaily =
    "INSERT INTO usage_daily(day, kind, code, outcome, value, assisted, count) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, 1) "
    "ON CONFLICT(day, kind, code, outcome, value, assisted) DO UPDATE SET count = count + 1";

} // namespace

Status createSchema(sqlite3* db) {
    auto version = queryText(db, "PRAGMA user_version");
    if (!version) {
        return version.error();
    }
    int current = std::stoi(version->empty() ? "0" : *version);
    if (current > kSchemaVersion) {
        return makeError("usage.db_newer", "the usage database was written by a newer kiosk");
    }
    if (current == kSchemaVersion) {
        return ok();
    }
    // Only effective on a new, still empty file (so callers set it before WAL too): lets the
    // purge hand freed pages back to the file system.
    if (auto status = exec(db, "PRAGMA auto_vacuum = INCREMENTAL"); !status) {
        return status;
    }
    if (auto status = exec(db, "BEGIN IMMEDIATE"); !status) {
        return status;
    }
    auto status = exec(db, kCreateSchema);
    if (status) {
        status = exec(db, "PRAGMA user_version = 1");
    }
    if (!status) {
        exec(db, "ROLLBACK");
        return status;
    }
    return exec(db, "COMMIT");
}

std::int64_t unixMinute(std::chrono::system_clock::time_point time) {
    return std::chrono::floor<std::chrono::minutes>(time.time_since_epoch()).count();
}

std::int64_t dayOfMinute(std::int64_t minute, std::chrono::minutes utcOffset) {
    std::int64_t local = minute + utcOffset.count();
    // Floor division: minutes before 1970 still land on the right day.
    std::int64_t day = local / 1440;
    if (local % 1440 < 0) {
        --day;
    }
    return day;
}

Result<std::int64_t> rolledUpThrough(sqlite3* db) {
    auto statement =
        Statement::prepare(db, "SELECT value FROM usage_meta WHERE key = 'rolled_up_through'");
    if (!statement) {
        return statement.error();
    }
    int rc = statement->step();
    if (rc == SQLITE_ROW) {
        return statement->columnInt(0);
    }
    if (rc == SQLITE_DONE) {
        return kNothingRolledUp;
    }
    return sqliteError(db, rc, "reading rolled_up_through");
}

Result<EventInserter> EventInserter::prepare(sqlite3* db) {
    auto raw = Statement::prepare(db, "INSERT INTO usage_event(day, minute, session, kind, code, "
                                      "outcome, value, assisted) VALUES(?1, ?2, ?3, ?4, ?5, ?6, "
                                      "?7, ?8)");
    if (!raw) {
        return raw.error();
    }
    auto daily = Statement::prepare(db, kUpsertDaily);
    if (!daily) {
        return daily.error();
    }
    return EventInserter(std::move(*raw), std::move(*daily));
}

Status EventInserter::insert(std::int64_t day, std::int64_t minute, const UsageEvent& event,
                             std::int64_t rolledThrough) {
    raw_.bind(1, day)
        .bind(2, minute)
        .bind(3, std::span<const std::uint8_t>(event.session().bytes))
        .bind(4, std::int64_t{static_cast<int>(event.kind())})
        .bind(5, std::string_view(event.code()))
        .bind(6, std::int64_t{event.outcome()})
        .bind(7, std::int64_t{event.value()})
        .bind(8, std::int64_t{static_cast<int>(event.assisted())});
    if (auto status = raw_.run("inserting a usage event"); !status) {
        return status;
    }
    if (day > rolledThrough) {
        return ok();
    }
    daily_.bind(1, day)
        .bind(2, std::int64_t{static_cast<int>(event.kind())})
        .bind(3, std::string_view(event.code()))
        .bind(4, std::int64_t{event.outcome()})
        .bind(5, std::int64_t{event.value()})
        .bind(6, std::int64_t{static_cast<int>(event.assisted())});
    return daily_.run("counting a late usage event");
}

Result<std::int64_t> rollUp(sqlite3* db, std::int64_t today) {
    if (auto status = exec(db, "BEGIN IMMEDIATE"); !status) {
        return status.error();
    }
    auto fail = [db](Error error) -> Result<std::int64_t> {
        exec(db, "ROLLBACK");
        return error;
    };
    auto through = rolledUpThrough(db);
    if (!through) {
        return fail(through.error());
    }
    std::int64_t target = today - 1;
    if (*through >= target) {
        exec(db, "ROLLBACK");
        return *through;
    }
    // "WHERE" before ON CONFLICT keeps SQLite from reading ON as a join clause.
    auto fold = Statement::prepare(
        db, "INSERT INTO usage_daily(day, kind, code, outcome, value, assisted, count) "
            "SELECT day, kind, code, outcome, value, assisted, count(*) FROM usage_event "
            "WHERE day > ?1 AND day <= ?2 GROUP BY day, kind, code, outcome, value, assisted "
            "ON CONFLICT(day, kind, code, outcome, value, assisted) "
            "DO UPDATE SET count = count + excluded.count");
    if (!fold) {
        return fail(fold.error());
    }
    if (auto status = fold->bind(1, *through).bind(2, target).run("rolling up usage events");
        !status) {
        return fail(status.error());
    }
    auto mark = Statement::prepare(db, "INSERT INTO usage_meta(key, value) "
                                       "VALUES('rolled_up_through', ?1) "
                                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!mark) {
        return fail(mark.error());
    }
    if (auto status = mark->bind(1, target).run("marking the roll-up"); !status) {
        return fail(status.error());
    }
    if (auto status = exec(db, "COMMIT"); !status) {
        return fail(status.error());
    }
    return target;
}

Result<std::int64_t> purgeRawEvents(sqlite3* db, std::int64_t today, const PurgeLimits& limits) {
    auto through = rolledUpThrough(db);
    if (!through) {
        return through.error();
    }
    std::int64_t byAge = std::min(today - limits.retentionDays - 1, *through);
    auto old = Statement::prepare(db, "DELETE FROM usage_event WHERE day <= ?1");
    if (!old) {
        return old.error();
    }
    if (auto status = old->bind(1, byAge).run("purging old usage events"); !status) {
        return status.error();
    }
    std::int64_t deleted = sqlite3_changes64(db);
    // Row ids grow with every insert, so max(id) - limit approximates "all but the newest
    // `limit` rows" without counting millions of rows.
    auto excess = Statement::prepare(db, "DELETE FROM usage_event WHERE day <= ?1 AND id <= "
                                         "(SELECT max(id) FROM usage_event) - ?2");
    if (!excess) {
        return excess.error();
    }
    if (auto status =
            excess->bind(1, *through).bind(2, limits.maxRawEvents).run("capping usage events");
        !status) {
        return status.error();
    }
    deleted += sqlite3_changes64(db);
    if (deleted > 0) {
        exec(db, "PRAGMA incremental_vacuum");
    }
    return deleted;
}

} // namespace kiosk::usagedb
