// Outbox storage: schema, the durable commit, and the delivery bookkeeping.
#include "kiosk/outbox/outbox.hpp"

#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/sqlite_statement.hpp"
#include "kiosk/storage/store_fault.hpp"

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

constexpr std::string_view kPrefix = "outbox.";

// Rows ever committed: delivered rows stay as receipt rows, so the count only grows, which is
// what the reference ledger compares against.
Result<std::int64_t> rowCount(sqlite3* db) {
    SqliteStatement query(db, "SELECT COUNT(*) FROM outbox;");
    if (!query.step()) {
        return sqliteStoreError(kPrefix, db, sqlite3_errcode(db), "count rows");
    }
    return query.integer(0);
}

Result<std::int64_t> outboxCounterFor(sqlite3* db, const std::string& day) {
    SqliteStatement query(db, "SELECT last FROM reference_counter WHERE day = ?;");
    query.bind(1, day);
    if (query.step()) {
        return query.integer(0);
    }
    if (query.failed()) {
        return sqliteStoreError(kPrefix, db, sqlite3_errcode(db), "reference counter");
    }
    return std::int64_t{0};
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
    std::unique_ptr<Outbox> outbox(new Outbox(file, std::move(options)));
    if (auto status = outbox->openFiles(); !status) {
        return status.error();
    }
    return outbox;
}

std::unique_ptr<Outbox> Outbox::openOrRetry(const std::filesystem::path& file,
                                            OutboxOptions options) {
    std::unique_ptr<Outbox> outbox(new Outbox(file, std::move(options)));
    std::lock_guard lock(outbox->mutex_);
    (void)outbox->ensureOpen(); // a failure is in health() and the log
    return outbox;
}

Outbox::Outbox(std::filesystem::path file, OutboxOptions options)
    : file_(std::move(file))
    , options_(std::move(options))
    , health_("outbox", options_.logger)
    , reopen_(options_.firstRetry) {}

Outbox::~Outbox() {
    closeFiles();
}

void Outbox::closeFiles() {
    ledger_.reset();
    sqlite3_close(db_);
    db_ = nullptr;
}

Status Outbox::openFiles() {
    auto db = options_.readOnly ? openReadOnlyDatabase(file_)
                                : openDurableDatabase(file_, kSchema, kPrefix);
    if (!db) {
        return db.error();
    }
    db_ = *db;
    if (options_.readOnly) {
        return ok(); // a look, not a kiosk: no ledger, no reconciling (both write)
    }
    // Checkpoint every 64 WAL pages (about five dossier sessions) instead of SQLite's 1000: a
    // deleted WAL can then take at most a few dossiers with it (and the ledger reports them),
    // while the copy into the main file is shared by several sessions. A checkpoint after every
    // commit cost 21 KB of SD writes per session (docs/storage.md).
    sqlite3_wal_autocheckpoint(db_, 64);
    auto ledger = ReferenceLedger::open(referenceLedgerPath(file_));
    if (!ledger) {
        closeFiles();
        return ledger.error();
    }
    ledger_.emplace(std::move(*ledger));
    // A lost WAL cannot be seen in the outbox itself (SQLite opens the main file as if the
    // WAL had never been), only against the ledger's count of commits.
    auto rows = rowCount(db_);
    if (!rows) {
        closeFiles();
        return rows.error();
    }
    auto reconciled = ledger_->reconcile(*rows);
    if (!reconciled) {
        closeFiles();
        return reconciled.error();
    }
    if (reconciled->lostNow > 0 && options_.logger != nullptr) {
        options_.logger->log(LogEvent::OutboxDossiersLost, {{"lost", reconciled->lostNow},
                                                            {"lost_total", reconciled->lostTotal},
                                                            {"path", SystemText{file_.string()}}});
    }
    return ok();
}

Status Outbox::ensureOpen() {
    if (db_ != nullptr) {
        return ok();
    }
    auto now = RetryBackoff::Clock::now();
    if (!reopen_.due(now)) {
        DatabaseHealth current = health_.current();
        return storeError(kPrefix, current.fault, "outbox unavailable: " + current.detail);
    }
    if (auto status = openFiles(); !status) {
        reopen_.failed(now);
        return failed(status.error());
    }
    reopen_.succeeded();
    health_.succeeded();
    return ok();
}

Error Outbox::failed(const Error& error) {
    health_.failed(error);
    // A corrupt file is closed: the next call reopens it through quick_check, so it stays
    // refused until a maintainer has repaired or replaced it.
    if (storeFaultOf(error) == StoreFault::Corrupt && db_ != nullptr) {
        closeFiles();
        reopen_.failed(RetryBackoff::Clock::now());
    }
    return error;
}

Error Outbox::failedStatement(const char* what) {
    return failed(sqliteStoreError(kPrefix, db_, sqlite3_extended_errcode(db_), what));
}

bool Outbox::acceptsDossiers() {
    std::lock_guard lock(mutex_);
    return ensureOpen().ok() && health_.current().fault != StoreFault::Corrupt;
}

std::int64_t Outbox::lostDossiers() {
    std::lock_guard lock(mutex_);
    return ledger_ ? ledger_->lostTotal() : 0;
}

Result<OutboxEntry> Outbox::commit(const CommitRequest& request) {
    std::lock_guard lock(mutex_);
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    if (!ledger_) {
        return storeError(kPrefix, StoreFault::ReadOnly, "the outbox was opened read-only");
    }
    LocalDateTime local = vietnamTimeFromUnix(request.now);
    char day[16];
    std::snprintf(day, sizeof day, "%04d%02d%02d", local.date.year, local.date.month,
                  local.date.day);
    // The sequence comes from the ledger (durable before the outbox is touched) and is never
    // below the outbox's own counter: losing either file cannot make a reference repeat.
    auto floor = outboxCounterFor(db_, day);
    if (!floor) {
        return failed(floor.error());
    }
    auto sequence = ledger_->allocate(day, *floor);
    if (!sequence) {
        return failed(sequence.error());
    }
    char reference[64];
    std::snprintf(reference, sizeof reference, "%s-%s-%04lld", options_.referencePrefix.c_str(),
                  day, static_cast<long long>(*sequence));
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
        return sealed.error();
    }
    int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE;", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return failed(sqliteStoreError(kPrefix, db_, rc, "begin"));
    }
    auto rollback = [&](const char* what) -> Result<OutboxEntry> {
        Error error = sqliteStoreError(kPrefix, db_, sqlite3_extended_errcode(db_), what);
        sqlite3_exec(db_, "ROLLBACK;", nullptr, nullptr, nullptr);
        return failed(error);
    };
    SqliteStatement counter(db_, "INSERT INTO reference_counter(day, last) VALUES(?1, ?2) "
                                 "ON CONFLICT(day) DO UPDATE SET last = MAX(last, ?2);");
    counter.bind(1, std::string(day)).bind(2, *sequence);
    counter.step();
    if (counter.failed()) {
        return rollback("reference counter");
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
        return rollback("insert");
    }
    rc = sqlite3_exec(db_, "COMMIT;", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return rollback("commit");
    }
    health_.succeeded();
    if (auto counted = ledger_->countCommitted(); !counted) {
        // The dossier is durable, so it stays acknowledged; the ledger only counts one short,
        // which can hide a later loss of one dossier but never invents one.
        health_.failed(counted.error());
    }
    if (options_.logger != nullptr) {
        // The reference and procedure code name no one; the answers stay sealed.
        options_.logger->log(LogEvent::OutboxCommitted,
                             {{"reference", SystemText{entry.localReference}},
                              {"procedure", SystemText{entry.procedureCode}}});
    }
    return entry;
}

Result<std::optional<OutgoingDossier>> Outbox::nextDue(std::int64_t now) {
    std::lock_guard lock(mutex_);
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    std::string sql = std::string("SELECT ") + kColumns +
                      ", sealed_payload FROM outbox WHERE state = 0 AND next_attempt_at <= ? "
                      "ORDER BY next_attempt_at, created_at LIMIT 1;";
    SqliteStatement query(db_, sql.c_str());
    query.bind(1, now);
    if (!query.step()) {
        if (query.failed()) {
            return failedStatement("next due");
        }
        return std::optional<OutgoingDossier>();
    }
    return std::optional<OutgoingDossier>(OutgoingDossier{readEntry(query), query.blob(13)});
}

std::optional<std::int64_t> Outbox::earliestPendingAttempt() {
    std::lock_guard lock(mutex_);
    if (!ensureOpen()) {
        return std::nullopt;
    }
    SqliteStatement query(db_, "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 0;");
    if (!query.step()) {
        if (query.failed()) {
            failedStatement("earliest attempt");
        }
        return std::nullopt;
    }
    if (query.isNull(0)) {
        return std::nullopt;
    }
    return query.integer(0);
}

Status Outbox::changeOne(SqliteStatement& statement, const char* what) {
    statement.step();
    if (statement.failed()) {
        return failedStatement(what);
    }
    health_.succeeded();
    if (sqlite3_changes(db_) != 1) {
        return makeError("outbox_unknown_reference", std::string(what) + ": no such dossier");
    }
    return ok();
}

Status Outbox::markDelivered(const std::string& localReference, const std::string& dossierCode,
                             std::int64_t receivedAt, std::int64_t appointmentAt,
                             std::int64_t now) {
    std::lock_guard lock(mutex_);
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    SqliteStatement update(db_, "UPDATE outbox SET state = 1, sealed_payload = NULL, "
                                "dossier_code = ?, received_at = ?, appointment_at = ?, "
                                "delivered_at = ?, last_error = '' WHERE local_reference = ?;");
    update.bind(1, dossierCode)
        .bind(2, receivedAt)
        .bind(3, appointmentAt)
        .bind(4, now)
        .bind(5, localReference);
    return changeOne(update, "mark delivered");
}

Status Outbox::markAttemptFailed(const std::string& localReference, const std::string& errorCode,
                                 std::int64_t nextAttemptAt) {
    std::lock_guard lock(mutex_);
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    SqliteStatement update(db_, "UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                                "next_attempt_at = ? WHERE local_reference = ? AND state = 0;");
    update.bind(1, errorCode).bind(2, nextAttemptAt).bind(3, localReference);
    return changeOne(update, "mark attempt failed");
}

Status Outbox::markNeedsAttention(const std::string& localReference, const std::string& errorCode) {
    std::lock_guard lock(mutex_);
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    SqliteStatement update(db_, "UPDATE outbox SET state = 2, attempts = attempts + 1, "
                                "last_error = ? WHERE local_reference = ? AND state = 0;");
    update.bind(1, errorCode).bind(2, localReference);
    return changeOne(update, "mark needs attention");
}

Status Outbox::markReceiptPrinted(const std::string& localReference) {
    std::lock_guard lock(mutex_);
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    SqliteStatement update(db_, "UPDATE outbox SET receipt_printed = 1 WHERE local_reference = ?;");
    update.bind(1, localReference);
    return changeOne(update, "mark receipt printed");
}

Result<int> Outbox::retryAll(std::int64_t now) {
    std::lock_guard lock(mutex_);
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    SqliteStatement update(db_, "UPDATE outbox SET state = 0, next_attempt_at = ? "
                                "WHERE state IN (0, 2);");
    update.bind(1, now);
    update.step();
    if (update.failed()) {
        return failedStatement("retry");
    }
    health_.succeeded();
    return sqlite3_changes(db_);
}

Result<std::vector<OutboxEntry>> Outbox::list() {
    std::lock_guard lock(mutex_);
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    std::string sql =
        std::string("SELECT ") + kColumns + " FROM outbox ORDER BY created_at, rowid;";
    SqliteStatement query(db_, sql.c_str());
    std::vector<OutboxEntry> entries;
    while (query.step()) {
        entries.push_back(readEntry(query));
    }
    if (query.failed()) {
        return failedStatement("list");
    }
    return entries;
}

Result<std::optional<OutboxEntry>> Outbox::find(const std::string& localReference) {
    std::lock_guard lock(mutex_);
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    std::string sql = std::string("SELECT ") + kColumns + " FROM outbox WHERE local_reference = ?;";
    SqliteStatement query(db_, sql.c_str());
    query.bind(1, localReference);
    if (!query.step()) {
        if (query.failed()) {
            return failedStatement("find");
        }
        return std::optional<OutboxEntry>();
    }
    return std::optional<OutboxEntry>(readEntry(query));
}

Result<int> Outbox::count(OutboxState state) {
    std::lock_guard lock(mutex_);
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    SqliteStatement query(db_, "SELECT COUNT(*) FROM outbox WHERE state = ?;");
    query.bind(1, std::int64_t{static_cast<int>(state)});
    if (!query.step()) {
        return failedStatement("count");
    }
    return static_cast<int>(query.integer(0));
}

} // namespace kiosk
