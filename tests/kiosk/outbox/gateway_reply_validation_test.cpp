// The kiosk checks every field of a gateway reply before storing any of it (issue 23, item 6).
#include "kiosk/outbox/gateway_protocol.hpp"
#include "kiosk/outbox/sender.hpp"
#include "tests/kiosk/gateway/gateway_rig.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <thread>

using namespace kiosk;

namespace {

std::string receiptWithCode(const nlohmann::json& code) {
    return nlohmann::json{{"dossier_code", code},
                          {"received_at", "20261125143006"},
                          {"appointment_at", "20261126160000"},
                          {"status", "new"},
                          {"replayed", false}}
        .dump();
}

} // namespace

TEST_CASE("a gateway receipt with a hostile dossier code is refused", "[outbox][trust]") {
    CHECK(parseSubmitReceipt(receiptWithCode("000.00.00.K01-261125-0007")).ok());
    for (const std::string& code :
         {std::string("\x1b[31m000.00.00.K01-261125-0007"),
          std::string("000.00.00.K01-261125-0007\r\nX-Injected: 1"),
          std::string("000.00.00.K01-261125-0007\n"), std::string(3000, '7'), std::string(""),
          std::string("../../etc/passwd")}) {
        auto parsed = parseSubmitReceipt(receiptWithCode(code));
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == "malformed_reply");
    }
    CHECK_FALSE(parseSubmitReceipt(receiptWithCode(7)).ok());
}

TEST_CASE("every field of a gateway reply is checked against the documented format",
          "[outbox][trust]") {
    auto with = [](const char* key, const nlohmann::json& value) {
        auto document = nlohmann::json::parse(receiptWithCode("000.00.00.K01-261125-0007"));
        document[key] = value;
        return document.dump();
    };
    CHECK_FALSE(parseSubmitReceipt(with("received_at", "2026-11-25")).ok());
    CHECK_FALSE(parseSubmitReceipt(with("appointment_at", "20261126160000\n")).ok());
    CHECK_FALSE(parseSubmitReceipt(with("status", "\x1b[0mnew")).ok());
    CHECK_FALSE(parseSubmitReceipt(with("status", 1)).ok());
    CHECK_FALSE(parseSubmitReceipt(with("replayed", "yes")).ok());

    std::string good = R"({"dossier_code":"000.00.00.K01-261125-0007","status":"processing",
                           "received_at":"20261125143006","appointment_at":"20261128160000"})";
    CHECK(parseStatusReply(good).ok());
    CHECK_FALSE(parseStatusReply(R"({"dossier_code":"x\r\ny","status":"processing"})").ok());
    CHECK_FALSE(
        parseStatusReply(R"({"dossier_code":"000.00.00.K01-261125-0007","status":"hacked"})").ok());
    CHECK_FALSE(parseStatusReply(R"({"dossier_code":"000.00.00.K01-261125-0007",)"
                                 R"("status":"new","received_at":"tomorrow"})")
                    .ok());
}

TEST_CASE("a hostile gateway's dossier code never reaches the outbox", "[outbox][trust]") {
    kiosk::testing::GatewayRig rig; // for its outbox and keys
    httplib::Server hostile;
    hostile.Post(kSubmitPath, [](const httplib::Request&, httplib::Response& response) {
        response.status = 201;
        response.set_content(receiptWithCode("\x1b]0;pwned\x07" + std::string(3000, 'A')),
                             "application/json");
    });
    int port = hostile.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    std::thread serving([&] { hostile.listen_after_bind(); });
    while (!hostile.is_running()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    GatewayEndpoint endpoint = rig.endpoint;
    endpoint.baseUrl = "http://127.0.0.1:" + std::to_string(port);
    rig.client = makeHttpGatewayClient(endpoint);
    auto entry = rig.commit();
    DeliveryPass pass = rig.passNow();
    hostile.stop();
    serving.join();
    CHECK(pass.delivered == 0);
    auto row = *rig.outbox->find(entry.localReference);
    CHECK(row->state == OutboxState::Pending);
    CHECK(row->dossierCode.empty());
    CHECK(row->lastError == "malformed_reply");
}
