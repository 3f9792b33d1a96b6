// Test helper: a reference gateway on loopback, a kiosk outbox and an HTTP client wired to it.
#pragma once

#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/gateway_client.hpp"
#include "kiosk/outbox/outbox.hpp"
#include "kiosk/outbox/sender.hpp"
#include "kiosk/programs/gateway/gateway_server.hpp"
#include "tests/kiosk/gateway/test_database.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

namespace kiosk::testing {

constexpr const char* kKioskId = "vinh-tuong-01";
constexpr const char* kKioskSecret = "test-secret-0123456789abcdef";

// Makes a throwaway CA and a server certificate for 127.0.0.1 with the openssl command line.
inline void makeTestCertificates(const std::filesystem::path& dir) {
    std::ofstream(dir / "ext.cnf") << "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n";
    std::string d = dir.string();
    std::string script =
        "cd '" + d +
        "' && "
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key "
        "-out ca.pem -days 2 -subj '/CN=Kiosk Test CA' && "
        "openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server.key "
        "-out server.csr -subj '/CN=127.0.0.1' && "
        "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial "
        "-out server.pem -days 2 -extfile ext.cnf";
    std::string quiet = "( " + script + " ) >/dev/null 2>&1";
    REQUIRE(std::system(quiet.c_str()) == 0);
}

struct GatewayRig {
    TempDir dir;
    TestDatabase database{dir / "gateway.db"};
    X25519KeyPair keys = generateX25519KeyPair().value();
    GatewayServerOptions serverOptions;
    std::unique_ptr<GatewayServer> server;
    int port = 0;
    std::unique_ptr<Outbox> outbox;
    GatewayEndpoint endpoint;
    std::unique_ptr<GatewayClient> client;
    SenderOptions senderOptions;

    enum class Transport { Http, Https };

    explicit GatewayRig(Transport transport = Transport::Http,
                        std::function<void(GatewayServerOptions&)> tweak = {}) {
        initialiseHttp();
        serverOptions.database = database.location();
        serverOptions.privateKey = keys.privateKey;
        serverOptions.kioskSecrets[kKioskId] = kKioskSecret;
        // Generous against a loaded test machine; `slow` must still outlast the client's patience.
        serverOptions.slowDelay = std::chrono::milliseconds(2500);
        if (transport == Transport::Https) {
            makeTestCertificates(dir.path());
            serverOptions.tlsCertificate = dir / "server.pem";
            serverOptions.tlsPrivateKey = dir / "server.key";
            endpoint.caFile = dir / "ca.pem";
        }
        if (tweak) {
            tweak(serverOptions);
        }
        startServer();
        OutboxOptions outboxOptions;
        outboxOptions.gatewayPublicKey = keys.publicKey;
        outbox = Outbox::open(dir / "outbox.db", outboxOptions).value();
        endpoint.baseUrl = std::string(transport == Transport::Https ? "https" : "http") +
                           "://127.0.0.1:" + std::to_string(port);
        endpoint.kioskId = kKioskId;
        endpoint.secret = kKioskSecret;
        endpoint.connectTimeout = std::chrono::milliseconds(1000);
        endpoint.totalTimeout = std::chrono::milliseconds(2000);
        client = makeHttpGatewayClient(endpoint);
        senderOptions.initialBackoff = std::chrono::milliseconds(100);
        senderOptions.maxBackoff = std::chrono::milliseconds(200);
    }

    void startServer() {
        auto created = GatewayServer::create(serverOptions, nullptr);
        REQUIRE(created.ok());
        server = std::move(created).value();
        auto bound = server->start("127.0.0.1", port);
        REQUIRE(bound.ok());
        port = *bound;
    }

    void stopServer() {
        server->stop();
        server.reset();
    }

    OutboxEntry commit(const std::string& procedureCode = "1.001193",
                       std::function<nlohmann::json(const std::string&)> build = {}) {
        CommitRequest request;
        request.procedureCode = procedureCode;
        request.now = nowUnixSeconds();
        request.appointmentAt = request.now;
        request.buildPayload = build ? build : [procedureCode](const std::string& reference) {
            return nlohmann::json{{"MaTTHC", procedureCode},
                                  {"SoThamChieu", reference},
                                  {"SoNgayXuLy", 3},
                                  {"ChuHoSo", "Nguyễn Thị Thử Nghiệm"}};
        };
        auto entry = outbox->commit(request);
        REQUIRE(entry.ok());
        return *entry;
    }

    // One delivery pass now; failed dossiers are made due again so the next pass retries.
    DeliveryPass passNow() {
        Sender sender(*outbox, *client, senderOptions, nullptr);
        DeliveryPass pass = sender.deliverDueNow();
        lastNetworkState = sender.networkState();
        return pass;
    }

    void makeAllDue() { REQUIRE(outbox->retryAll(nowUnixSeconds()).ok()); }

    std::vector<OpenedDossier> received() {
        return openStoredDossiers(server->store(), keys.privateKey).value();
    }

    NetworkState lastNetworkState = NetworkState::Unknown;
};

} // namespace kiosk::testing
