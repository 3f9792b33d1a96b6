// outbox_chaos_client: commits N synthetic dossiers and delivers them; the chaos test kills it.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/gateway_client.hpp"
#include "kiosk/outbox/outbox.hpp"
#include "kiosk/outbox/sender.hpp"

#include <iostream>
#include <map>
#include <string>
#include <thread>

namespace {

int fail(const std::string& message) {
    std::cerr << "outbox_chaos_client: " << message << '\n';
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> options;
    for (int i = 1; i + 1 < argc; i += 2) {
        options[std::string(argv[i]).substr(2)] = argv[i + 1];
    }
    for (const char* key : {"db", "url", "pub", "kiosk", "secret", "count"}) {
        if (!options.contains(key)) {
            return fail(std::string("missing --") + key);
        }
    }
    auto publicKey = kiosk::readKeyFile(options["pub"]);
    if (!publicKey) {
        return fail(publicKey.error().message);
    }
    kiosk::initialiseHttp();
    kiosk::OutboxOptions outboxOptions;
    outboxOptions.gatewayPublicKey = *publicKey;
    auto outbox = kiosk::Outbox::open(options["db"], outboxOptions);
    if (!outbox) {
        return fail(outbox.error().message);
    }
    int wanted = std::stoi(options["count"]);
    auto existing = (*outbox)->list();
    if (!existing) {
        return fail(existing.error().message);
    }
    // Each commit is atomic, so the number of rows is exactly the number of dossiers committed
    // by earlier (killed) runs; carry on from there.
    for (int index = static_cast<int>(existing->size()); index < wanted; ++index) {
        kiosk::CommitRequest request;
        request.procedureCode = "1.001193";
        request.now = kiosk::nowUnixSeconds();
        request.appointmentAt = request.now;
        request.buildPayload = [index](const std::string& reference) {
            return nlohmann::json{{"MaTTHC", "1.001193"},
                                  {"SoThamChieu", reference},
                                  {"SoNgayXuLy", 0},
                                  {"ChaosIndex", index},
                                  {"ChuHoSo", "Người Thử Nghiệm " + std::to_string(index)}};
        };
        auto committed = (*outbox)->commit(request);
        if (!committed) {
            return fail(committed.error().message);
        }
    }
    kiosk::GatewayEndpoint endpoint;
    endpoint.baseUrl = options["url"];
    endpoint.kioskId = options["kiosk"];
    endpoint.secret = options["secret"];
    endpoint.connectTimeout = std::chrono::milliseconds(500);
    endpoint.totalTimeout = std::chrono::milliseconds(1000);
    auto client = kiosk::makeHttpGatewayClient(endpoint);
    kiosk::SenderOptions senderOptions;
    senderOptions.initialBackoff = std::chrono::milliseconds(200);
    senderOptions.maxBackoff = std::chrono::milliseconds(1000);
    senderOptions.idlePoll = std::chrono::milliseconds(200);
    kiosk::Sender sender(**outbox, *client, senderOptions, nullptr);
    sender.start();
    for (;;) {
        auto pending = (*outbox)->count(kiosk::OutboxState::Pending);
        auto stuck = (*outbox)->count(kiosk::OutboxState::NeedsAttention);
        if (pending && stuck && *pending == 0) {
            sender.stop();
            std::cout << "delivered " << wanted - *stuck << " needs_attention " << *stuck << '\n';
            return *stuck == 0 ? 0 : 3;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}
