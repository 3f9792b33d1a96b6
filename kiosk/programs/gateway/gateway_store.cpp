// Gateway storage: idempotent insert, dossier-code allocation, listing; the same SQL on both
// engines.
#include "kiosk/programs/gateway/gateway_store.hpp"

#include "kiosk/programs/gateway/gateway_schema.hpp"

#include <cstdio>

namespace kiosk {
namespace {

constexpr const char* kColumns = "dossier_code, idempotency_key, kiosk_id, local_reference, "
                                 "procedure_code, received_at, appointment_at, status, "
                                 "sealed_payload, payload_hash";

StoredDossier readRow(const SqlRow& row) {
    return StoredDossier{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4),
                         row.text(5), row.text(6), row.text(7), row.bytes(8)};
}

} // namespace

Result<std::unique_ptr<GatewayStore>> GatewayStore::open(const std::string& location,
                                                         std::string unitCode) {
    auto db = openSqlDatabase(location);
    if (!db) {
        return db.error();
    }
    if (auto migrated = migrateSchema(**db); !migrated) {
        return migrated.error();
    }
    return adopt(std::move(*db), std::move(unitCode));
}

std::unique_ptr<GatewayStore> GatewayStore::adopt(std::unique_ptr<SqlDatabase> db,
                                                  std::string unitCode) {
    return std::unique_ptr<GatewayStore>(new GatewayStore(std::move(db), std::move(unitCode)));
}

GatewayStore::GatewayStore(std::unique_ptr<SqlDatabase> db, std::string unitCode)
    : db_(std::move(db))
    , unitCode_(std::move(unitCode)) {}

Result<std::pair<StoreOutcome, StoredDossier>>
GatewayStore::storeOrReplay(const SubmitRequest& request, const std::string& receivedAt,
                            const std::string& appointmentAt) {
    using Answer = std::pair<StoreOutcome, StoredDossier>;
    std::lock_guard lock(mutex_);
    std::string hash = sha256Hex(request.sealedPayload);
    return inWriteTransaction<Answer>(*db_, [&]() -> Result<Answer> {
        auto existing = db_->query(std::string("SELECT ") + kColumns +
                                       " FROM dossiers WHERE idempotency_key = ?",
                                   {request.idempotencyKey});
        if (!existing) {
            return existing.error();
        }
        if (!existing->empty()) {
            const SqlRow& row = existing->front();
            return Answer{row.text(9) == hash ? StoreOutcome::Replayed : StoreOutcome::Conflict,
                          readRow(row)};
        }
        // "YYMMDD" of the reception day, TT 01/2018 Art. 19.
        std::string day = receivedAt.substr(2, 6);
        auto counter = db_->query("INSERT INTO code_counter(day, last) VALUES(?, 1) "
                                  "ON CONFLICT(day) DO UPDATE SET last = code_counter.last + 1 "
                                  "RETURNING last",
                                  {day});
        if (!counter) {
            return counter.error();
        }
        char code[64];
        std::snprintf(code, sizeof code, "%s-%s-%04lld", unitCode_.c_str(), day.c_str(),
                      static_cast<long long>(counter->front().integer(0)));
        StoredDossier stored{code,
                             request.idempotencyKey,
                             request.kioskId,
                             request.localReference,
                             request.procedureCode,
                             receivedAt,
                             appointmentAt,
                             "new",
                             request.sealedPayload};
        auto inserted = db_->query(
            "INSERT INTO dossiers(dossier_code, idempotency_key, payload_hash, kiosk_id, "
            "local_reference, procedure_code, received_at, appointment_at, status, "
            "sealed_payload) VALUES(?,?,?,?,?,?,?,?,?,?)",
            {stored.dossierCode, stored.idempotencyKey, hash, stored.kioskId, stored.localReference,
             stored.procedureCode, stored.receivedAt, stored.appointmentAt, stored.status,
             stored.sealedPayload});
        if (!inserted) {
            return inserted.error();
        }
        return Answer{StoreOutcome::Stored, stored};
    });
}

Result<std::optional<StoredDossier>> GatewayStore::findByCode(const std::string& code) {
    std::lock_guard lock(mutex_);
    auto rows = db_->query(
        std::string("SELECT ") + kColumns + " FROM dossiers WHERE dossier_code = ?", {code});
    if (!rows) {
        return rows.error();
    }
    if (rows->empty()) {
        return std::optional<StoredDossier>();
    }
    return std::optional<StoredDossier>(readRow(rows->front()));
}

Result<std::vector<StoredDossier>> GatewayStore::list() {
    std::lock_guard lock(mutex_);
    auto rows = db_->query(std::string("SELECT ") + kColumns +
                           " FROM dossiers ORDER BY received_at, dossier_code");
    if (!rows) {
        return rows.error();
    }
    std::vector<StoredDossier> out;
    out.reserve(rows->size());
    for (const SqlRow& row : *rows) {
        out.push_back(readRow(row));
    }
    return out;
}

Status GatewayStore::setStatus(const std::string& code, const std::string& status) {
    std::lock_guard lock(mutex_);
    auto changed = db_->query("UPDATE dossiers SET status = ? WHERE dossier_code = ? "
                              "RETURNING dossier_code",
                              {status, code});
    if (!changed || changed->size() != 1) {
        return makeError("gateway_storage", "no such dossier");
    }
    return ok();
}

} // namespace kiosk
