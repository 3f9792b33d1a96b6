// The gateway's store of received dossiers (kept sealed at rest) over either SQL engine.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/outbox/gateway_protocol.hpp"
#include "kiosk/programs/gateway/sql_database.hpp"

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct StoredDossier {
    std::string dossierCode;
    std::string idempotencyKey;
    std::string kioskId;
    std::string localReference;
    std::string procedureCode;
    std::string receivedAt;
    std::string appointmentAt;
    std::string status;
    Bytes sealedPayload;
};

enum class StoreOutcome { Stored, Replayed, Conflict };

class GatewayStore {
public:
    // `location`: an SQLite file name, or a postgresql:// URL. The schema is migrated to the
    // newest version on open.
    static Result<std::unique_ptr<GatewayStore>> open(const std::string& location,
                                                      std::string unitCode);
    static std::unique_ptr<GatewayStore> adopt(std::unique_ptr<SqlDatabase> db,
                                               std::string unitCode);
    GatewayStore(const GatewayStore&) = delete;
    GatewayStore& operator=(const GatewayStore&) = delete;

    // Stores a new dossier, assigning "<unit>-YYMMDD-NNNN" in the same transaction, or finds the
    // one stored under the same idempotency key. A different payload under a known key is a
    // Conflict. `receivedAt` and `appointmentAt` are yyyyMMddHHmmss.
    Result<std::pair<StoreOutcome, StoredDossier>> storeOrReplay(const SubmitRequest& request,
                                                                 const std::string& receivedAt,
                                                                 const std::string& appointmentAt);
    Result<std::optional<StoredDossier>> findByCode(const std::string& code);
    Result<std::vector<StoredDossier>> list();
    Status setStatus(const std::string& code, const std::string& status);

    // The engine underneath, for the other stores that share the database (accounts, fleet).
    // Every use must hold `lock()`: one connection serves one statement at a time.
    SqlDatabase& database() { return *db_; }
    std::unique_lock<std::mutex> lock() { return std::unique_lock(mutex_); }

private:
    GatewayStore(std::unique_ptr<SqlDatabase> db, std::string unitCode);
    std::unique_ptr<SqlDatabase> db_;
    std::string unitCode_;
    std::mutex mutex_;
};

} // namespace kiosk
