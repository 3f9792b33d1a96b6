// Gateway storage: idempotent insert, dossier-code allocation, listing.
#include "kiosk/programs/gateway/gateway_store.hpp"

#include "kiosk/outbox/sqlite_statement.hpp"

#include <cstdio>
#include <sqlite3.h>

namespace kiosk {
namespace {

constexpr const char* kSchema = R"sql(
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
  sealed_payload  BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS code_counter (day TEXT PRIMARY KEY, last INTEGER NOT NULL);
)sql";

constexpr const char* kColumns = "dossier_code, idempotency_key, kiosk_id, local_reference, "
                                 "procedure_code, received_at, appointment_at, status, "
                                 "sealed_payload, payload_hash";

StoredDossier readRow(const SqliteStatement& row) {
    return StoredDossier{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4),
                         row.text(5), row.text(6), row.text(7), row.blob(8)};
}

Error storageError(sqlite3* db, const char* what) {
    return makeError("gateway_storage", std::string(what) + ": " + sqliteMessage(db));
}

} // namespace

Result<std::unique_ptr<GatewayStore>> GatewayStore::open(const std::filesystem::path& file,
                                                         std::string unitCode) {
    // quick_check at open; a fault is reported as "gateway.<fault>" and the file left alone.
    auto db = openDurableDatabase(file, kSchema, "gateway.");
    if (!db) {
        return db.error();
    }
    return std::unique_ptr<GatewayStore>(new GatewayStore(*db, std::move(unitCode)));
}

GatewayStore::GatewayStore(sqlite3* db, std::string unitCode)
    : db_(db)
    , unitCode_(std::move(unitCode)) {}

GatewayStore::~GatewayStore() {
    sqlite3_close(db_);
}

Result<std::pair<StoreOutcome, StoredDossier>>
GatewayStore::storeOrReplay(const SubmitRequest& request, const std::string& receivedAt,
                            const std::string& appointmentAt) {
    std::lock_guard lock(mutex_);
    std::string hash = sha256Hex(request.sealedPayload);
    if (!execute(db_, "BEGIN IMMEDIATE;")) {
        return storageError(db_, "begin");
    }
    auto rollback = [&](Error error) -> Result<std::pair<StoreOutcome, StoredDossier>> {
        execute(db_, "ROLLBACK;");
        return error;
    };
    std::string select =
        std::string("SELECT ") + kColumns + " FROM dossiers WHERE idempotency_key = ?;";
    SqliteStatement existing(db_, select.c_str());
    existing.bind(1, request.idempotencyKey);
    if (existing.step()) {
        StoredDossier stored = readRow(existing);
        StoreOutcome outcome =
            existing.text(9) == hash ? StoreOutcome::Replayed : StoreOutcome::Conflict;
        existing.reset();
        execute(db_, "ROLLBACK;");
        return std::make_pair(outcome, stored);
    }
    if (existing.failed()) {
        return rollback(storageError(db_, "look-up"));
    }
    // "YYMMDD" of the reception day, TT 01/2018 Art. 19.
    std::string day = receivedAt.substr(2, 6);
    SqliteStatement counter(db_, "INSERT INTO code_counter(day, last) VALUES(?, 1) "
                                 "ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last;");
    counter.bind(1, day);
    if (!counter.step()) {
        return rollback(storageError(db_, "code counter"));
    }
    char code[64];
    std::snprintf(code, sizeof code, "%s-%s-%04lld", unitCode_.c_str(), day.c_str(),
                  static_cast<long long>(counter.integer(0)));
    counter.reset();
    StoredDossier stored{code,
                         request.idempotencyKey,
                         request.kioskId,
                         request.localReference,
                         request.procedureCode,
                         receivedAt,
                         appointmentAt,
                         "new",
                         request.sealedPayload};
    SqliteStatement insert(db_, "INSERT INTO dossiers(dossier_code, idempotency_key, "
                                "payload_hash, kiosk_id, local_reference, procedure_code, "
                                "received_at, appointment_at, status, sealed_payload) "
                                "VALUES(?,?,?,?,?,?,?,?,?,?);");
    insert.bind(1, stored.dossierCode)
        .bind(2, stored.idempotencyKey)
        .bind(3, hash)
        .bind(4, stored.kioskId)
        .bind(5, stored.localReference)
        .bind(6, stored.procedureCode)
        .bind(7, stored.receivedAt)
        .bind(8, stored.appointmentAt)
        .bind(9, stored.status)
        .bind(10, stored.sealedPayload);
    insert.step();
    if (insert.failed()) {
        return rollback(storageError(db_, "insert"));
    }
    if (!execute(db_, "COMMIT;")) {
        return rollback(storageError(db_, "commit"));
    }
    return std::make_pair(StoreOutcome::Stored, stored);
}

Result<std::optional<StoredDossier>> GatewayStore::findByCode(const std::string& code) {
    std::lock_guard lock(mutex_);
    std::string sql = std::string("SELECT ") + kColumns + " FROM dossiers WHERE dossier_code = ?;";
    SqliteStatement query(db_, sql.c_str());
    query.bind(1, code);
    if (!query.step()) {
        if (query.failed()) {
            return storageError(db_, "find");
        }
        return std::optional<StoredDossier>();
    }
    return std::optional<StoredDossier>(readRow(query));
}

Result<std::vector<StoredDossier>> GatewayStore::list() {
    std::lock_guard lock(mutex_);
    std::string sql = std::string("SELECT ") + kColumns + " FROM dossiers ORDER BY rowid;";
    SqliteStatement query(db_, sql.c_str());
    std::vector<StoredDossier> out;
    while (query.step()) {
        out.push_back(readRow(query));
    }
    if (query.failed()) {
        return storageError(db_, "list");
    }
    return out;
}

Status GatewayStore::setStatus(const std::string& code, const std::string& status) {
    std::lock_guard lock(mutex_);
    SqliteStatement update(db_, "UPDATE dossiers SET status = ? WHERE dossier_code = ?;");
    update.bind(1, status).bind(2, code);
    update.step();
    if (update.failed() || sqlite3_changes(db_) != 1) {
        return makeError("gateway_storage", "no such dossier");
    }
    return ok();
}

} // namespace kiosk
