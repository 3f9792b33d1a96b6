// The reference gateway's own SQLite store of received dossiers, kept sealed at rest.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/outbox/gateway_protocol.hpp"

#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

struct sqlite3;

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
    static Result<std::unique_ptr<GatewayStore>> open(const std::filesystem::path& file,
                                                      std::string unitCode);
    ~GatewayStore();
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

private:
    GatewayStore(sqlite3* db, std::string unitCode);
    sqlite3* db_;
    std::string unitCode_;
    std::mutex mutex_;
};

} // namespace kiosk
