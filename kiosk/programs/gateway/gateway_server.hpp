// The reference gateway: the v1 API over cpp-httplib, with faults that can be injected on purpose.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/lesson/lesson_loader.hpp"
#include "kiosk/outbox/sealed_box.hpp"
#include "kiosk/procedure/procedure_loader.hpp"
#include "kiosk/programs/gateway/account_store.hpp"
#include "kiosk/programs/gateway/fleet_store.hpp"
#include "kiosk/programs/gateway/gateway_authentication.hpp"
#include "kiosk/programs/gateway/gateway_limits.hpp"
#include "kiosk/programs/gateway/gateway_store.hpp"
#include "kiosk/programs/gateway/inbox_store.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>

namespace httplib {
class Server;
struct Request;
struct Response;
class ContentReader;
} // namespace httplib

namespace kiosk {

class Logger;

// Ways the gateway misbehaves on purpose, each consumed by one POST /v1/dossiers.
enum class GatewayFault {
    None,
    DropBeforeCommit, // close the connection without storing
    DropAfterCommit,  // store, then close the connection before a complete response
    ServerError,      // 500 without storing
    RateLimited,      // 429 + Retry-After without storing
    Unavailable,      // 503 + Retry-After without storing
    Slow,             // store, then answer after `slowDelay` (longer than the client waits)
    MalformedJson,    // store, then answer 201 with a body that is not JSON
    WrongContentType, // store, then answer 201 as text/html
};
std::optional<GatewayFault> gatewayFaultFromName(std::string_view name);
std::string_view gatewayFaultName(GatewayFault fault);

struct GatewayServerOptions {
    std::string database; // SQLite file, or a postgresql:// URL
    X25519Key privateKey{};
    std::map<std::string, std::string> kioskSecrets; // kiosk id -> HMAC secret
    std::string unitCode = "000.00.00.K01";          // sample unit code (QCVN 102:2016 shape)
    std::filesystem::path tlsCertificate;            // both set = HTTPS
    std::filesystem::path tlsPrivateKey;
    std::chrono::seconds maxClockSkew{900};
    std::chrono::milliseconds slowDelay{3000};
    int retryAfterSeconds = 1;
    bool controlEndpoint = false; // POST /control/fault from 127.0.0.1 only
    double randomFaultRate = 0.0; // chaos: this share of POSTs gets a random fault
    std::uint32_t seed = 1;
    // The officer's inbox and the dashboard.
    std::filesystem::path contentDir;    // procedures/ and lists/: lays answers out like the form
    int retentionDays = 365;             // dossiers older than this are erased (0 = never)
    std::function<std::int64_t()> clock; // Unix seconds; the system clock when empty
    GatewayLimits limits;                // timeouts and connections served at once
    // Three missed heartbeats (every 5 minutes) before the dashboard calls a kiosk silent.
    std::chrono::seconds silentAfter{15 * 60};
    int heartbeatHistoryDays = 30; // older heartbeat rows are deleted hourly (0 = keep all)
};

struct GatewayStats {
    int stored = 0;
    int replayed = 0;
    int refused = 0;
    int faults = 0;
};

class GatewayServer {
public:
    static Result<std::unique_ptr<GatewayServer>> create(GatewayServerOptions options,
                                                         Logger* logger);
    ~GatewayServer();
    GatewayServer(const GatewayServer&) = delete;
    GatewayServer& operator=(const GatewayServer&) = delete;

    // Binds (port 0 = any free port) and serves on a background thread; returns the port.
    Result<int> start(const std::string& host, int port);
    void stop();

    void injectFault(GatewayFault fault, int times = 1);
    GatewayStats stats() const;
    GatewayStore& store() { return *store_; }
    AccountStore& accounts() { return *accounts_; }
    InboxStore& inbox() { return *inbox_; }
    FleetStore& fleet() { return *fleet_; }
    std::int64_t now() const;

private:
    GatewayServer(GatewayServerOptions options, std::unique_ptr<GatewayStore> store,
                  Logger* logger);
    void routes();
    void webRoutes();
    void fleetRoutes();
    void retentionLoop();
    GatewayFault takeFault();

    // Request handling, in the order a submit goes through it.
    enum class ConnectionAfter { KeepAlive, Close };
    void refuse(httplib::Response& response, const Refusal& refusal, ConnectionAfter after);
    std::optional<SignedHeaders> signedHeadersOrRefuse(const httplib::Request& request,
                                                       httplib::Response& response);
    bool authenticated(const SignedHeaders& headers, const httplib::Request& request,
                       const std::string& body, httplib::Response& response);
    std::optional<std::string> readSubmitBody(const httplib::Request& request,
                                              httplib::Response& response,
                                              const httplib::ContentReader& reader);
    void handleSubmit(const httplib::Request& request, const std::string& body,
                      httplib::Response& response);

    GatewayServerOptions options_;
    std::unique_ptr<GatewayStore> store_;
    std::unique_ptr<AccountStore> accounts_;
    std::unique_ptr<InboxStore> inbox_;
    std::unique_ptr<FleetStore> fleet_;
    std::optional<ProcedureCatalog> procedures_;
    std::optional<LessonCatalog> lessons_;
    std::unique_ptr<struct WebContext> web_;
    Logger* logger_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::deque<GatewayFault> faults_;
    std::mt19937 random_;
    GatewayStats stats_;
    std::thread retention_;
    std::condition_variable retentionWake_;
    bool retentionStopping_ = false;
};

// The decrypted view used by `kiosk-gateway list` and the tests.
struct OpenedDossier {
    StoredDossier stored;
    std::optional<nlohmann::json> payload; // nothing when it does not decrypt
};
Result<std::vector<OpenedDossier>> openStoredDossiers(GatewayStore& store,
                                                      const X25519Key& privateKey);

} // namespace kiosk
