// Per-kiosk HMAC authentication of gateway requests, in two steps around reading the body.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace kiosk {

// An answer the gateway gives instead of serving the request.
struct Refusal {
    int status = 400;
    std::string code;
    std::string message;
};

struct SignedHeaders {
    std::string kioskId;
    std::string signature;
    std::string timestamp; // as sent: the signature covers the text
    std::int64_t sentAt = 0;
};

// Step 1, before any body byte is read: the three headers are present and the timestamp is
// strictly Unix seconds. A request that fails here costs the gateway no body at all.
std::variant<SignedHeaders, Refusal> readSignedHeaders(const std::string& kioskId,
                                                       const std::string& timestamp,
                                                       const std::string& signature);

// Step 2, over the (capped) body: the signature with the kiosk's secret, then the clock skew.
// An unknown kiosk id is refused exactly like a wrong signature (same status, code and
// message, and an HMAC is computed all the same), so kiosk ids cannot be enumerated.
std::optional<Refusal>
verifySignedRequest(const SignedHeaders& headers, const std::map<std::string, std::string>& secrets,
                    const std::string& method, const std::string& path, const std::string& body,
                    std::chrono::seconds maxClockSkew, std::int64_t nowUnixSeconds);

} // namespace kiosk
