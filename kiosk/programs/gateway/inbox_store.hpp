// The officer's inbox over the dossier store: listing, status with reasons, access record, erasure.
#pragma once

#include "kiosk/programs/gateway/account_store.hpp"
#include "kiosk/programs/gateway/gateway_store.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// What an officer can set, each an OpenCPS state the kiosk already shows in plain words.
enum class OfficerStatus { Received, Processing, MorePapersNeeded, ResultReady, Returned };
std::string_view officerStatusCode(OfficerStatus status); // "receiving", "correcting"…
std::optional<OfficerStatus> officerStatusFromName(std::string_view name);

struct InboxFilter {
    std::string day;       // yyyyMMdd, empty = all
    std::string procedure; // procedure code, empty = all
    std::string village;   // empty = all
    std::string status;    // status code, empty = all
};

struct InboxRow {
    std::string dossierCode;
    std::string receivedAt;
    std::string procedureCode;
    std::string kioskId;
    std::string village;
    std::string status;
    std::string statusReason;
    std::int64_t openings = 0;
};

// The resident's view of who opened their dossier: office name -> number of openings.
struct AccessRecord {
    std::int64_t openings = 0;
    std::map<std::string, std::int64_t> byOffice;
};

struct KioskPlace {
    std::string kioskId;
    std::string village;
    std::string commune;
};

class InboxStore {
public:
    explicit InboxStore(GatewayStore& store);

    Result<std::vector<InboxRow>> list(const InboxFilter& filter);
    // Records the opening and returns the (still sealed) dossier; nothing when unknown.
    Result<std::optional<StoredDossier>> open(const std::string& code, const Account& officer,
                                              std::string_view how, std::int64_t now);
    // A reason is required for MorePapersNeeded (the resident must know what to bring).
    Status setStatus(const std::string& code, OfficerStatus status, const std::string& reason,
                     const Account& officer, std::int64_t now);
    Result<AccessRecord> accessRecord(const std::string& code);
    Result<std::string> statusReason(const std::string& code);

    // Erases dossiers received more than `retentionDays` ago (Vietnam dates), keeping a row that
    // says when and which code; returns how many.
    Result<int> eraseExpired(int retentionDays, std::int64_t now);
    Result<std::vector<std::string>> erasedCodes();

    Status placeKiosk(const KioskPlace& place);
    Result<std::vector<KioskPlace>> kiosks();
    Result<std::vector<std::string>> villages();

private:
    GatewayStore& store_;
};

} // namespace kiosk
