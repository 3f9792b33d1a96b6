// Schema migrations: each version is SQL written once, with the two engines' type names filled in.
#include "kiosk/programs/gateway/gateway_schema.hpp"

#include "kiosk/dossier/local_time.hpp"

#include <array>
#include <string>

namespace kiosk {
namespace {

struct Migration {
    int version;
    const char* what;
    const char* sql; // `{blob}` and `{id}` are replaced per engine
};

// Never edit a migration that has shipped: add the next one. Version 1 is the schema the
// gateway had before migrations existed (`IF NOT EXISTS` adopts such a database as it is).
constexpr std::array kMigrations{
    Migration{1, "dossiers and their daily code counter", R"sql(
CREATE TABLE IF NOT EXISTS dossiers (
  dossier_code    TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  payload_hash    TEXT NOT NULL,
  kiosk_id        TEXT NOT NULL,
  local_reference TEXT NOT NULL,
  procedure_code  TEXT NOT NULL,
  received_at     TEXT NOT NULL,
  appointment_at  TEXT NOT NULL,
  status          TEXT NOT NULL,
  sealed_payload  {blob} NOT NULL
);
CREATE TABLE IF NOT EXISTS code_counter (day TEXT PRIMARY KEY, last BIGINT NOT NULL);
)sql"},
    Migration{2, "officer accounts, sessions, dossier events, kiosk registry, erasures", R"sql(
ALTER TABLE dossiers ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN status_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX dossiers_received ON dossiers(received_at);
CREATE TABLE accounts (
  name          TEXT PRIMARY KEY,
  role          TEXT NOT NULL,
  office        TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  failures      BIGINT NOT NULL DEFAULT 0,
  locked_until  BIGINT NOT NULL DEFAULT 0,
  created_at    BIGINT NOT NULL
);
CREATE TABLE web_sessions (
  token_hash TEXT PRIMARY KEY,
  account    TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE TABLE dossier_events (
  id           {id},
  dossier_code TEXT NOT NULL,
  at           BIGINT NOT NULL,
  actor        TEXT NOT NULL,
  office       TEXT NOT NULL,
  kind         TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT '',
  reason       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dossier_events_code ON dossier_events(dossier_code);
CREATE TABLE kiosks (
  kiosk_id TEXT PRIMARY KEY,
  village  TEXT NOT NULL,
  commune  TEXT NOT NULL DEFAULT ''
);
CREATE TABLE villages (
  village          TEXT PRIMARY KEY,
  adult_population BIGINT NOT NULL
);
CREATE TABLE erasures (
  dossier_code   TEXT PRIMARY KEY,
  erased_at      BIGINT NOT NULL,
  received_at    TEXT NOT NULL,
  procedure_code TEXT NOT NULL,
  kiosk_id       TEXT NOT NULL
);
)sql"},
    Migration{3, "kiosk heartbeats and daily usage aggregates", R"sql(
CREATE TABLE kiosk_state (
  kiosk_id         TEXT PRIMARY KEY,
  last_seen        BIGINT NOT NULL,
  app_version      TEXT NOT NULL,
  content_sequence BIGINT NOT NULL,
  printer          TEXT NOT NULL,
  printer_since    BIGINT NOT NULL,
  reader           TEXT NOT NULL,
  reader_since     BIGINT NOT NULL,
  outbox_pending   BIGINT NOT NULL,
  outbox_attention BIGINT NOT NULL,
  free_disk_mb     BIGINT NOT NULL,
  uptime_s         BIGINT NOT NULL,
  since_session_s  BIGINT NOT NULL,
  error_codes      TEXT NOT NULL
);
CREATE TABLE heartbeats (
  kiosk_id   TEXT NOT NULL,
  at         BIGINT NOT NULL,
  printer    TEXT NOT NULL,
  reader     TEXT NOT NULL,
  error_codes TEXT NOT NULL,
  PRIMARY KEY (kiosk_id, at)
);
CREATE TABLE daily_usage (
  kiosk_id TEXT NOT NULL,
  day      TEXT NOT NULL,
  metric   TEXT NOT NULL,
  item     TEXT NOT NULL,
  count    BIGINT NOT NULL,
  PRIMARY KEY (kiosk_id, day, metric, item)
);
CREATE INDEX daily_usage_day ON daily_usage(day);
)sql"},
    Migration{4, "indexes for a province: kiosks by commune, heartbeat history by time", R"sql(
CREATE INDEX kiosks_commune ON kiosks(commune);
CREATE INDEX heartbeats_at ON heartbeats(at);
)sql"},
};

std::string forEngine(std::string sql, SqlEngine engine) {
    auto replace = [&sql](const std::string& from, const std::string& to) {
        for (auto at = sql.find(from); at != std::string::npos; at = sql.find(from, at)) {
            sql.replace(at, from.size(), to);
            at += to.size();
        }
    };
    bool sqlite = engine == SqlEngine::Sqlite;
    replace("{blob}", sqlite ? "BLOB" : "BYTEA");
    // SQLite's rowid alias; PostgreSQL's standard identity column.
    replace("{id}",
            sqlite ? "INTEGER PRIMARY KEY" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
    return sql;
}

constexpr const char* kVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, "
    "applied_at TEXT NOT NULL, what TEXT NOT NULL)";

} // namespace

int latestSchemaVersion() {
    return kMigrations.back().version;
}

Result<int> schemaVersion(SqlDatabase& db) {
    const char* exists = db.engine() == SqlEngine::Sqlite
                             ? "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'"
                             : "SELECT count(*) FROM information_schema.tables "
                               "WHERE table_schema = current_schema() "
                               "AND table_name = 'schema_version'";
    auto found = db.query(exists);
    if (!found) {
        return found.error();
    }
    if (found->empty() || found->front().integer(0) == 0) {
        return 0;
    }
    auto rows = db.query("SELECT coalesce(max(version), 0) FROM schema_version");
    if (!rows) {
        return rows.error();
    }
    return static_cast<int>(rows->front().integer(0));
}

Status migrateSchema(SqlDatabase& db, int target) {
    if (target <= 0) {
        target = latestSchemaVersion();
    }
    auto migrated = inWriteTransaction<int>(db, [&]() -> Result<int> {
        if (db.engine() == SqlEngine::Postgres) {
            // Two gateway processes starting together on one province database take turns.
            if (auto locked = db.query("SELECT pg_advisory_xact_lock(716016)"); !locked) {
                return locked.error();
            }
        }
        if (auto made = db.script(kVersionTable); !made) {
            return made.error();
        }
        auto current = schemaVersion(db);
        if (!current) {
            return current.error();
        }
        if (*current > latestSchemaVersion()) {
            return makeError("schema_too_new",
                             db.describe() + " has schema version " + std::to_string(*current) +
                                 "; this gateway knows up to " +
                                 std::to_string(latestSchemaVersion()) + ": upgrade it");
        }
        for (const Migration& migration : kMigrations) {
            if (migration.version <= *current || migration.version > target) {
                continue;
            }
            if (auto applied = db.script(forEngine(migration.sql, db.engine())); !applied) {
                return makeError(applied.error().code, "migration " +
                                                           std::to_string(migration.version) +
                                                           ": " + applied.error().message);
            }
            auto recorded =
                db.query("INSERT INTO schema_version(version, applied_at, what) VALUES(?, ?, ?)",
                         {std::int64_t{migration.version}, std::to_string(nowUnixSeconds()),
                          std::string(migration.what)});
            if (!recorded) {
                return recorded.error();
            }
        }
        return target;
    });
    if (!migrated) {
        return migrated.error();
    }
    return ok();
}

} // namespace kiosk
