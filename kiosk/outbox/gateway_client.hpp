// Talking to the gateway: the interface the sender uses, and the HTTPS implementation's factory.
#pragma once

#include "kiosk/outbox/gateway_protocol.hpp"

#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>

namespace kiosk {

enum class FailureKind {
    Offline,   // no connection at all (refused, DNS, no route): the network is down
    Transient, // reached the gateway but no usable answer (timeout, 5xx, 429, garbled reply)
    Rejected,  // the gateway refused this request for good (4xx): retrying will not help
};

struct GatewayFailure {
    FailureKind kind = FailureKind::Transient;
    std::string code;   // stable, loggable: "offline", "timeout", "http_503", "malformed_reply"
    int httpStatus = 0; // 0 when no HTTP answer arrived
    std::optional<std::chrono::seconds> retryAfter;
};

template <typename T> struct GatewayOutcome {
    std::optional<T> value;
    GatewayFailure failure; // meaningful when !value
    bool ok() const { return value.has_value(); }
};

class GatewayClient {
public:
    virtual ~GatewayClient() = default;
    virtual GatewayOutcome<SubmitReceipt> submit(const SubmitRequest& request) = 0;
    virtual GatewayOutcome<StatusReply> status(const std::string& dossierCode) = 0;
    // A signed report (heartbeat or daily aggregate) POSTed to `path`; true once stored.
    virtual GatewayOutcome<bool> report(const std::string& path, const std::string& body) = 0;
};

struct GatewayEndpoint {
    std::string baseUrl;          // "https://gateway.example:8787", no trailing slash
    std::filesystem::path caFile; // empty = the system's CA store; verification is always on
    std::string kioskId;
    std::string secret; // per-kiosk HMAC key
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds totalTimeout{15000};
};

// libcurl-backed client; curl stays inside the .cpp. Call curl_global_init once per program
// before threads start (`initialiseHttp()`).
std::unique_ptr<GatewayClient> makeHttpGatewayClient(GatewayEndpoint endpoint);
void initialiseHttp();

// Reads the kiosk's secret from a credential file (one line, trailing whitespace ignored). The
// file must be mode 0600 or stricter, else credential_permissions names it and the chmod fix.
Result<std::string> readCredentialFile(const std::filesystem::path& path);

// Status look-up off the caller's thread: the UI polls the future each frame
// (wait_for(0s)) and never blocks. `client` must outlive the future.
std::future<GatewayOutcome<StatusReply>> lookUpStatusAsync(GatewayClient& client,
                                                           std::string dossierCode);

// How a failure is classified from an HTTP status (exposed for tests).
FailureKind classifyHttpStatus(int status);

} // namespace kiosk
