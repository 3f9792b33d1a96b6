// The kiosk-gateway wire format, v1 (docs/gateway-api.md): bodies, replies and request signing.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/outbox/sealed_box.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiosk {

constexpr const char* kSubmitPath = "/v1/dossiers";
constexpr const char* kHeaderIdempotencyKey = "Idempotency-Key";
constexpr const char* kHeaderKioskId = "X-Kiosk-Id";
constexpr const char* kHeaderTimestamp = "X-Kiosk-Timestamp";
constexpr const char* kHeaderSignature = "X-Kiosk-Signature";
// Bodies above this are refused (413): a sealed dossier is a few kilobytes.
constexpr std::size_t kMaxBodyBytes = 256 * 1024;

struct SubmitRequest {
    std::string idempotencyKey;
    std::string kioskId;
    std::string localReference;
    std::string procedureCode;
    std::string submittedAt; // yyyyMMddHHmmss, Vietnam time
    Bytes sealedPayload;
};

struct SubmitReceipt {
    std::string dossierCode;
    std::string receivedAt;    // yyyyMMddHHmmss
    std::string appointmentAt; // yyyyMMddHHmmss
    std::string status;        // "new"
    bool replayed = false;     // the gateway had it already (an earlier attempt got through)
};

struct StatusReply {
    std::string dossierCode;
    std::string status; // OpenCPS state code, see kiosk/dossier/dossier_status.hpp
    std::string receivedAt;
    std::string appointmentAt;
    // Optional (added in v1 without breaking it): the officer's reason for "correcting", and
    // the data-access record: how many times the dossier was opened, by which office.
    std::string statusReason;
    std::int64_t openedCount = 0;
    std::vector<std::pair<std::string, std::int64_t>> openedBy; // office -> openings
};

std::string submitBody(const SubmitRequest& request);
Result<SubmitRequest> parseSubmitBody(const std::string& body);
std::string submitReceiptBody(const SubmitReceipt& receipt);
Result<SubmitReceipt> parseSubmitReceipt(const std::string& body);
std::string statusReplyBody(const StatusReply& reply);
Result<StatusReply> parseStatusReply(const std::string& body);
std::string errorBody(const std::string& code, const std::string& message);

// HMAC-SHA256 with the kiosk's secret over
//   METHOD "\n" PATH "\n" TIMESTAMP "\n" hex(SHA-256(body))
// in lowercase hex. The timestamp is Unix seconds as decimal text.
std::string signRequest(const std::string& secret, const std::string& method,
                        const std::string& path, const std::string& timestamp,
                        const std::string& body);

} // namespace kiosk
