// Outbox figures: cost of sealing, of the durable commit, and delivery throughput over loopback.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/gateway_client.hpp"
#include "kiosk/outbox/outbox.hpp"
#include "kiosk/outbox/sender.hpp"
#include "kiosk/programs/gateway/gateway_server.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sqlite3.h>

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kDossiers = 300;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A payload the size of a real birth registration (about 2 KB of JSON).
nlohmann::json samplePayload(const std::string& reference) {
    nlohmann::json answers;
    for (int i = 0; i < 30; ++i) {
        answers["field_" + std::to_string(i)] = "Thôn Đông, Xã Vĩnh Tường, tỉnh Phú Thọ";
    }
    return nlohmann::json{{"MaTTHC", "1.001193"},
                          {"SoThamChieu", reference},
                          {"SoNgayXuLy", 0},
                          {"DuLieuBieuMau", answers}};
}

// The same row written without fsync, to show what synchronous=FULL costs.
double plainInsertMs(const std::filesystem::path& file, const char* synchronous) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL;", nullptr, nullptr, nullptr);
    sqlite3_exec(db, synchronous, nullptr, nullptr, nullptr);
    sqlite3_exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, payload BLOB);", nullptr, nullptr,
                 nullptr);
    Bytes blob = randomBytes(2200);
    auto start = Clock::now();
    for (int i = 0; i < kDossiers; ++i) {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO t(payload) VALUES(?);", -1, &statement, nullptr);
        sqlite3_bind_blob(statement, 1, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
        sqlite3_step(statement);
        sqlite3_finalize(statement);
    }
    double total = millisecondsSince(start);
    sqlite3_close(db);
    return total / kDossiers;
}

} // namespace

int main() {
    initialiseHttp();
    auto dir = std::filesystem::temp_directory_path() /
               ("bench-outbox-" + toHex(randomBytes(4), LetterCase::Lower));
    std::filesystem::create_directories(dir);
    X25519KeyPair keys = generateX25519KeyPair().value();

    std::string plain = samplePayload("VT-20261125-0001").dump();
    auto start = Clock::now();
    for (int i = 0; i < kDossiers; ++i) {
        (void)sealToPublicKey(keys.publicKey, asBytes(plain));
    }
    double sealMs = millisecondsSince(start) / kDossiers;

    OutboxOptions options;
    options.gatewayPublicKey = keys.publicKey;
    auto outbox = Outbox::open(dir / "outbox.db", options).value();
    start = Clock::now();
    for (int i = 0; i < kDossiers; ++i) {
        CommitRequest request;
        request.procedureCode = "1.001193";
        request.now = nowUnixSeconds();
        request.buildPayload = samplePayload;
        if (!outbox->commit(request)) {
            std::fprintf(stderr, "commit failed\n");
            return 1;
        }
    }
    double commitMs = millisecondsSince(start) / kDossiers;
    double fullMs = plainInsertMs(dir / "full.db", "PRAGMA synchronous=FULL;");
    double offMs = plainInsertMs(dir / "off.db", "PRAGMA synchronous=OFF;");

    GatewayServerOptions serverOptions;
    serverOptions.database = dir / "gateway.db";
    serverOptions.privateKey = keys.privateKey;
    serverOptions.kioskSecrets["bench"] = "bench-secret-0123456789";
    auto server = GatewayServer::create(serverOptions, nullptr).value();
    int port = server->start("127.0.0.1", 0).value();
    GatewayEndpoint endpoint;
    endpoint.baseUrl = "http://127.0.0.1:" + std::to_string(port);
    endpoint.kioskId = "bench";
    endpoint.secret = "bench-secret-0123456789";
    auto client = makeHttpGatewayClient(endpoint);
    Sender sender(*outbox, *client, SenderOptions{}, nullptr);
    start = Clock::now();
    DeliveryPass pass = sender.deliverDueNow();
    double deliverMs = millisecondsSince(start);
    server->stop();

    std::printf("outbox bench, %d dossiers of %zu bytes of JSON, in %s\n", kDossiers, plain.size(),
                dir.c_str());
    std::printf("  seal (X25519 + HKDF + ChaCha20-Poly1305):  %8.3f ms/dossier\n", sealMs);
    std::printf("  durable commit (seal + WAL, sync=FULL):    %8.3f ms/dossier\n", commitMs);
    std::printf("  plain insert, WAL, synchronous=FULL:       %8.3f ms/row\n", fullMs);
    std::printf("  plain insert, WAL, synchronous=OFF:        %8.3f ms/row\n", offMs);
    std::printf("  delivery over loopback HTTP (sign, POST, gateway decrypt + durable store, "
                "outbox update): %d delivered in %.1f ms = %.1f dossiers/s\n",
                pass.delivered, deliverMs, pass.delivered * 1000.0 / deliverMs);
    std::filesystem::remove_all(dir);
    return pass.delivered == kDossiers ? 0 : 1;
}
