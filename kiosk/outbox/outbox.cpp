// Outbox storage: schema, the durable commit, and the delivery bookkeeping.
#include "kiosk/outbox/outbox.hpp"

#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/sqlite_statement.hpp"

#include <cstdio>
#include <sqlite3.h>

namespace kiosk {
namespace {

// secure_delete zeroes freed pages, so a delivered dossier's ciphertext does not linger in the
// file (defence in depth: even with the gateway's key stolen later, it cannot be opened).
constexpr const char* kSchema = R"sql(
PRAGMA secure_delete = ON;
CREATE TABLE IF NOT EXISTS outbox (
  local_reference TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  procedure_code  TEXT NOT NULL,
  state           INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  appointment_at  INTEGER NOT NULL,
  sealed_payload  BLOB,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  dossier_code    TEXT NOT NULL DEFAULT '',
  received_at     INTEGER NOT NULL DEFAULT 0,
  delivered_at    INTEGER NOT NULL DEFAULT 0,
  receipt_printed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(state, next_attempt_at, created_at);
CREATE TABLE IF NOT EXISTS reference_counter (
  day  TEXT PRIMARY KEY,
  last INTEGER NOT NULL
);
)sql";

constexpr const char* kColumns =
    "local_reference, idempotency_key, procedure_code, state, created_at, appointment_at, "
    "attempts, next_attempt_at, last_error, dossier_code, received_at, delivered_at, "
    "receipt_printed";

OutboxEntry readEntry(const SqliteStatement& row) {
    OutboxEntry entry;
    entry.localReference = row.text(0);
    entry.idempotencyKey = row.text(1);
    entry.procedureCode = row.text(2);
    entry.state = static_cast<OutboxState>(row.integer(3));
    entry.createdAt = row.integer(4);
    entry.appointmentAt = row.integer(5);
    entry.attempts = static_cast<int>(row.integer(6));
    entry.nextAttemptAt = row.integer(7);
    entry.lastError = row.text(8);
    entry.dossierCode = row.text(9);
    entry.receivedAt = row.integer(10);
    entry.deliveredAt = row.integer(11);
    entry.receiptPrinted = row.integer(12) != 0;
    return entry;
}

Error storageError(sqlite3* db, const char* what) {
    return makeError("outbox_storage", std::string(what) + ": " + sqliteMessage(db));
}

Status changeOne(sqlite3* db, SqliteStatement& statement, const char* what) {
    statement.step();
    if (statement.failed()) {
        return storageError(db, what);
    }
    if (sqlite3_changes(db) != 1) {
        return makeError("outbox_unknown_reference", std::string(what) + ": no such dossier");
    }
    return ok();
}

} // namespace

std::string_view outboxStateName(OutboxState state) {
    switch (state) {
    case OutboxState::Pending:
        return "pending";
    case OutboxState::Delivered:
        return "delivered";
    case OutboxState::NeedsAttention:
        return "needs_attention";
    }
    return "pending";
}

Result<std::unique_ptr<Outbox>> Outbox::open(const std::filesystem::path& file,
                                             OutboxOptions options) {
    auto db = options.readOnly ? openReadOnlyDatabase(file) : openDurableDatabase(file, kSchema);
    if (!db) {
        return db.error();
    }
    return std::unique_ptr<Outbox>(new Outbox(*db, std::move(options)));
}

Outbox::Outbox(sqlite3* db, OutboxOptions options)
    : db_(db)
    , options_(std::move(options)) {}

Outbox::~Outbox() {
    sqlite3_close(db_);
}

Result<OutboxEntry> Outbox::commit(const CommitRequest& request) {
    std::lock_guard lock(mutex_);
    if (!execute(db_, "BEGIN IMMEDIATE;")) {
        return storageError(db_, "begin");
    }
    auto rollback = [&](Error error) -> Result<OutboxEntry> {
        execute(db_, "ROLLBACK;");
        return error;
    };
    LocalDateTime local = vietnamTimeFromUnix(request.now);
    char day[16];
    std::snprintf(day, sizeof day, "%04d%02d%02d", local.date.year, local.date.month,
                  local.date.day);
    SqliteStatement counter(db_, "INSERT INTO reference_counter(day, last) VALUES(?, 1) "
                                 "ON CONFLICT(day) DO UPDATE SET last = last + 1 "
                                 "RETURNING last;");
    counter.bind(1, std::string(day));
    if (!counter.step()) {
        return rollback(storageError(db_, "reference counter"));
    }
    char reference[64];
    std::snprintf(reference, sizeof reference, "%s-%s-%04lld", options_.referencePrefix.c_str(),
                  day, static_cast<long long>(counter.integer(0)));
    counter.reset();
    OutboxEntry entry;
    entry.localReference = reference;
    entry.idempotencyKey = toHex(randomBytes(16), LetterCase::Lower);
    entry.procedureCode = request.procedureCode;
    entry.createdAt = request.now;
    entry.appointmentAt = request.appointmentAt;
    entry.nextAttemptAt = request.now;

    std::string plain = request.buildPayload(entry.localReference).dump();
    auto sealed = sealToPublicKey(options_.gatewayPublicKey, asBytes(plain));
    // The plaintext lived only in this function; wipe it before the string is freed.
    std::fill(plain.begin(), plain.end(), '\0');
    if (!sealed) {
        return rollback(sealed.error());
    }
    SqliteStatement insert(db_, "INSERT INTO outbox(local_reference, idempotency_key, "
                                "procedure_code, state, created_at, appointment_at, "
                                "sealed_payload, next_attempt_at) VALUES(?,?,?,?,?,?,?,?);");
    insert.bind(1, entry.localReference)
        .bind(2, entry.idempotencyKey)
        .bind(3, entry.procedureCode)
        .bind(4, std::int64_t{static_cast<int>(OutboxState::Pending)})
        .bind(5, entry.createdAt)
        .bind(6, entry.appointmentAt)
        .bind(7, *sealed)
        .bind(8, entry.nextAttemptAt);
    insert.step();
    if (insert.failed()) {
        return rollback(storageError(db_, "insert"));
    }
    if (!execute(db_, "COMMIT;")) {
        return rollback(storageError(db_, "commit"));
    }
    return entry;
}

Result<std::optional<OutgoingDossier>> Outbox::nextDue(std::int64_t now) {
    std::lock_guard lock(mutex_);
    std::string sql = std::string("SELECT ") + kColumns +
                      ", sealed_payload FROM outbox WHERE state = 0 AND next_attempt_at <= ? "
                      "ORDER BY next_attempt_at, created_at LIMIT 1;";
    SqliteStatement query(db_, sql.c_str());
    query.bind(1, now);
    if (!query.step()) {
        if (query.failed()) {
            return storageError(db_, "next due");
        }
        return std::optional<OutgoingDossier>();
    }
    return std::optional<OutgoingDossier>(OutgoingDossier{readEntry(query), query.blob(13)});
}

std::optional<std::int64_t> Outbox::earliestPendingAttempt() {
    std::lock_guard lock(mutex_);
    SqliteStatement query(db_, "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 0;");
    if (!query.step() || query.isNull(0)) {
        return std::nullopt;
    }
    return query.integer(0);
}

Status Outbox::markDelivered(const std::string& localReference, const std::string& dossierCode,
                             std::int64_t receivedAt, std::int64_t appointmentAt,
                             std::int64_t now) {
    std::lock_guard lock(mutex_);
    SqliteStatement update(db_, "UPDATE outbox SET state = 1, sealed_payload = NULL, "
                                "dossier_code = ?, received_at = ?, appointment_at = ?, "
                                "delivered_at = ?, last_error = '' WHERE local_reference = ?;");
    update.bind(1, dossierCode)
        .bind(2, receivedAt)
        .bind(3, appointmentAt)
        .bind(4, now)
        .bind(5, localReference);
    return changeOne(db_, update, "mark delivered");
}

Status Outbox::markAttemptFailed(const std::string& localReference, const std::string& errorCode,
                                 std::int64_t nextAttemptAt) {
    std::lock_guard lock(mutex_);
    SqliteStatement update(db_, "UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                                "next_attempt_at = ? WHERE local_reference = ? AND state = 0;");
    update.bind(1, errorCode).bind(2, nextAttemptAt).bind(3, localReference);
    return changeOne(db_, update, "mark attempt failed");
}

Status Outbox::markNeedsAttention(const std::string& localReference, const std::string& errorCode) {
    std::lock_guard lock(mutex_);
    SqliteStatement update(db_, "UPDATE outbox SET state = 2, attempts = attempts + 1, "
                                "last_error = ? WHERE local_reference = ? AND state = 0;");
    update.bind(1, errorCode).bind(2, localReference);
    return changeOne(db_, update, "mark needs attention");
}

Status Outbox::markReceiptPrinted(const std::string& localReference) {
    std::lock_guard lock(mutex_);
    SqliteStatement update(db_, "UPDATE outbox SET receipt_printed = 1 WHERE local_reference = ?;");
    update.bind(1, localReference);
    return changeOne(db_, update, "mark receipt printed");
}

Result<int> Outbox::retryAll(std::int64_t now) {
    std::lock_guard lock(mutex_);
    SqliteStatement update(db_, "UPDATE outbox SET state = 0, next_attempt_at = ? "
                                "WHERE state IN (0, 2);");
    update.bind(1, now);
    update.step();
    if (update.failed()) {
        return storageError(db_, "retry");
    }
    return sqlite3_changes(db_);
}

Result<std::vector<OutboxEntry>> Outbox::list() {
    std::lock_guard lock(mutex_);
    std::string sql =
        std::string("SELECT ") + kColumns + " FROM outbox ORDER BY created_at, rowid;";
    SqliteStatement query(db_, sql.c_str());
    std::vector<OutboxEntry> entries;
    while (query.step()) {
        entries.push_back(readEntry(query));
    }
    if (query.failed()) {
        return storageError(db_, "list");
    }
    return entries;
}

Result<std::optional<OutboxEntry>> Outbox::find(const std::string& localReference) {
    std::lock_guard lock(mutex_);
    std::string sql = std::string("SELECT ") + kColumns + " FROM outbox WHERE local_reference = ?;";
    SqliteStatement query(db_, sql.c_str());
    query.bind(1, localReference);
    if (!query.step()) {
        if (query.failed()) {
            return storageError(db_, "find");
        }
        return std::optional<OutboxEntry>();
    }
    return std::optional<OutboxEntry>(readEntry(query));
}

Result<int> Outbox::count(OutboxState state) {
    std::lock_guard lock(mutex_);
    SqliteStatement query(db_, "SELECT COUNT(*) FROM outbox WHERE state = ?;");
    query.bind(1, std::int64_t{static_cast<int>(state)});
    if (!query.step()) {
        return storageError(db_, "count");
    }
    return static_cast<int>(query.integer(0));
}

} // namespace kiosk
