// Header checks before the body, signature and clock checks after it.
#include "kiosk/programs/gateway/gateway_authentication.hpp"

#include "kiosk/outbox/gateway_protocol.hpp"
#include "kiosk/programs/gateway/gateway_request_validation.hpp"

#include <cstdlib>

namespace kiosk {
namespace {

Refusal notAccepted() {
    return Refusal{401, "unauthenticated", "the kiosk id or the signature is not accepted"};
}

} // namespace

std::variant<SignedHeaders, Refusal> readSignedHeaders(const std::string& kioskId,
                                                       const std::string& timestamp,
                                                       const std::string& signature) {
    if (kioskId.empty() || timestamp.empty() || signature.empty()) {
        return Refusal{401, "unauthenticated",
                       "the kiosk id, timestamp and signature are required"};
    }
    auto sentAt = parseKioskTimestamp(timestamp);
    if (!sentAt) {
        return Refusal{401, "bad_timestamp", "the timestamp must be Unix seconds, digits only"};
    }
    return SignedHeaders{kioskId, signature, timestamp, *sentAt};
}

std::optional<Refusal>
verifySignedRequest(const SignedHeaders& headers, const std::map<std::string, std::string>& secrets,
                    const std::string& method, const std::string& path, const std::string& body,
                    std::chrono::seconds maxClockSkew, std::int64_t nowUnixSeconds) {
    auto secret = secrets.find(headers.kioskId);
    bool known = secret != secrets.end();
    // The same work for a known and an unknown id; the unknown one is refused whatever it sent.
    static const std::string kNoSecret = "no kiosk has this secret; it only spends the same time";
    std::string expected =
        signRequest(known ? secret->second : kNoSecret, method, path, headers.timestamp, body);
    bool matches = equalSecrets(expected, headers.signature);
    if (!known || !matches) {
        return notAccepted();
    }
    if (std::llabs(headers.sentAt - nowUnixSeconds) > maxClockSkew.count()) {
        return Refusal{401, "clock_skew", "the kiosk clock is too far from the gateway's"};
    }
    return std::nullopt;
}

} // namespace kiosk
