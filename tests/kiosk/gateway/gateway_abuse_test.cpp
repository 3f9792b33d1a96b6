// The reference gateway under abuse, over real loopback connections: endless chunked bodies,
// slow clients, id enumeration, cross-kiosk reads and out-of-range fields (issue 23, 8-10).
#include "kiosk/programs/gateway/gateway_request_validation.hpp"
#include "tests/kiosk/gateway/gateway_rig.hpp"
#include "tests/kiosk/gateway/raw_http.hpp"

#include <atomic>
#include <httplib.h>
#include <thread>
#include <vector>

using namespace kiosk;
using testing::GatewayRig;
using testing::RawConnection;
using testing::RawReply;

namespace {

constexpr const char* kOtherKiosk = "vinh-tuong-02";
constexpr const char* kOtherSecret = "other-secret-0123456789abcdef";

void addOtherKiosk(GatewayServerOptions& options) {
    options.kioskSecrets[kOtherKiosk] = kOtherSecret;
}

std::string errorCode(const std::string& body) {
    auto document = nlohmann::json::parse(body, nullptr, false);
    if (document.is_discarded() || !document.contains("error") || !document["error"].is_object() ||
        !document["error"].contains("code") || !document["error"].contains("message")) {
        return "(not the documented error shape: " + body + ")";
    }
    return document["error"]["code"].get<std::string>();
}

// A valid submit of `payload` (sealed to the rig's key) with the given fields.
SubmitRequest submitOf(GatewayRig& rig, const nlohmann::json& payload,
                       const std::string& kioskId = testing::kKioskId) {
    SubmitRequest request;
    request.idempotencyKey = toHex(randomBytes(16), LetterCase::Lower);
    request.kioskId = kioskId;
    request.localReference = "VT-20261125-0001";
    request.procedureCode = "1.001193";
    request.submittedAt = "20261125100000";
    request.sealedPayload = sealToPublicKey(rig.keys.publicKey, asBytes(payload.dump())).value();
    return request;
}

nlohmann::json payloadWithDays(const nlohmann::json& days) {
    return nlohmann::json{{"MaTTHC", "1.001193"}, {"SoNgayXuLy", days}};
}

httplib::Headers signedHeaders(const std::string& kioskId, const std::string& secret,
                               const std::string& method, const std::string& path,
                               const std::string& body, const std::string& key = "",
                               std::string timestamp = "") {
    if (timestamp.empty()) {
        timestamp = std::to_string(nowUnixSeconds());
    }
    httplib::Headers headers{
        {kHeaderKioskId, kioskId},
        {kHeaderTimestamp, timestamp},
        {kHeaderSignature, signRequest(secret, method, path, timestamp, body)}};
    if (!key.empty()) {
        headers.emplace(kHeaderIdempotencyKey, key);
    }
    return headers;
}

httplib::Result post(httplib::Client& client, const SubmitRequest& request,
                     const std::string& kioskId = testing::kKioskId,
                     const std::string& secret = testing::kKioskSecret) {
    std::string body = submitBody(request);
    return client.Post(
        kSubmitPath,
        signedHeaders(kioskId, secret, "POST", kSubmitPath, body, request.idempotencyKey), body,
        "application/json");
}

// Sends a chunked POST's headers, then 64 KiB chunks until `limit` bytes are sent, the server
// stops reading, or a reply is waiting. Returns the reply and how many body bytes went out.
std::pair<std::optional<RawReply>, std::size_t>
sendEndlessChunkedBody(int port, const std::string& extraHeaders, std::size_t limit) {
    RawConnection connection(port, std::chrono::milliseconds(2000));
    REQUIRE(connection.connected());
    REQUIRE(connection.send("POST /v1/dossiers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n" +
                            extraHeaders + "\r\n"));
    const std::string chunk = "10000\r\n" + std::string(0x10000, '{') + "\r\n";
    std::size_t sent = 0;
    while (sent < limit && !connection.readable() && connection.send(chunk)) {
        sent += 0x10000;
    }
    return {connection.readReply(), sent};
}

} // namespace

TEST_CASE("a chunked body without credentials is never buffered and stops at the cap",
          "[gateway][abuse]") {
    GatewayRig rig;
    testing::resetPeakMemory();
    long before = testing::currentMemoryKib();
    auto [reply, sent] = sendEndlessChunkedBody(rig.port, "", 50u << 20);
    REQUIRE(reply);
    CHECK(reply->status == 413);
    CHECK(errorCode(reply->body) == "payload_too_large");
    // Before the fix the gateway buffered all 50 MB (its memory grew by about 65 MB) and only
    // then asked for credentials.
    INFO("body bytes sent before the reply: " << sent);
    CHECK(testing::peakMemoryKib() - before < 20 * 1024);
    CHECK(rig.received().empty());

    // A small one is read to its end, dropped, and refused for its missing credentials.
    RawConnection small(rig.port, std::chrono::milliseconds(2000));
    REQUIRE(small.send("POST /v1/dossiers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "2\r\n{}\r\n0\r\n\r\n"));
    auto refused = small.readReply();
    REQUIRE(refused);
    CHECK(refused->status == 401);
    CHECK(errorCode(refused->body) == "unauthenticated");
}

TEST_CASE("a chunked body with credentials is cut off at the 256 KiB cap with 413",
          "[gateway][abuse]") {
    GatewayRig rig;
    std::string timestamp = std::to_string(nowUnixSeconds());
    std::string credentials = std::string(kHeaderKioskId) + ": " + testing::kKioskId + "\r\n" +
                              kHeaderTimestamp + ": " + timestamp + "\r\n" + kHeaderSignature +
                              ": 00\r\n";
    testing::resetPeakMemory();
    long before = testing::currentMemoryKib();
    auto [reply, sent] = sendEndlessChunkedBody(rig.port, credentials, 50u << 20);
    REQUIRE(reply);
    CHECK(reply->status == 413);
    CHECK(errorCode(reply->body) == "payload_too_large");
    CHECK(reply->headers["content-type"].rfind("application/json", 0) == 0);
    CHECK(reply->headers["connection"] == "close");
    INFO("body bytes sent before the reply: " << sent);
    CHECK(testing::peakMemoryKib() - before < 20 * 1024);
    CHECK(rig.received().empty());
}

TEST_CASE("a chunked body on a route that takes none is refused unread", "[gateway][abuse]") {
    GatewayRig rig;
    RawConnection connection(rig.port, std::chrono::milliseconds(2000));
    REQUIRE(connection.send("GET /v1/dossiers/abc HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Transfer-Encoding: chunked\r\n\r\n10000\r\n" +
                            std::string(0x10000, 'x') + "\r\n"));
    auto reply = connection.readReply();
    REQUIRE(reply);
    CHECK(reply->status == 411);
    CHECK(errorCode(reply->body) == "length_required");

    // A POST elsewhere without a length would be read until the client hangs up.
    RawConnection unbounded(rig.port, std::chrono::milliseconds(2000));
    REQUIRE(unbounded.send("POST /v1/elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" +
                           std::string(0x10000, 'x')));
    auto refused = unbounded.readReply();
    REQUIRE(refused);
    CHECK(refused->status == 411);
}

TEST_CASE("every gateway error reply has the documented JSON shape, 404 and 413 included",
          "[gateway][abuse]") {
    GatewayRig rig;
    httplib::Client client("127.0.0.1", rig.port);
    auto noRoute = client.Get("/v2/anything");
    REQUIRE(noRoute);
    CHECK(noRoute->status == 404);
    CHECK(noRoute->get_header_value("Content-Type") == "application/json");
    CHECK(errorCode(noRoute->body) == "not_found");

    auto wrongMethod = client.Delete(kSubmitPath);
    REQUIRE(wrongMethod);
    CHECK(wrongMethod->status >= 400);
    CHECK(wrongMethod->get_header_value("Content-Type") == "application/json");
    CHECK(errorCode(wrongMethod->body) != "");

    // Over the cap with a Content-Length: refused by size, in the same shape.
    std::string huge(kMaxBodyBytes + 1, ' ');
    auto tooLarge = client.Post(
        kSubmitPath,
        signedHeaders(testing::kKioskId, testing::kKioskSecret, "POST", kSubmitPath, huge), huge,
        "application/json");
    REQUIRE(tooLarge);
    CHECK(tooLarge->status == 413);
    CHECK(tooLarge->get_header_value("Content-Type") == "application/json");
    CHECK(errorCode(tooLarge->body) == "payload_too_large");

    auto unknownCode = client.Get("/v1/dossiers/000.00.00.K01-261125-9999",
                                  signedHeaders(testing::kKioskId, testing::kKioskSecret, "GET",
                                                "/v1/dossiers/000.00.00.K01-261125-9999", ""));
    REQUIRE(unknownCode);
    CHECK(unknownCode->status == 404);
    CHECK(errorCode(unknownCode->body) == "not_found");
}

TEST_CASE("an unknown kiosk id is answered exactly like a wrong signature", "[gateway][abuse]") {
    GatewayRig rig;
    httplib::Client client("127.0.0.1", rig.port);
    SubmitRequest request = submitOf(rig, payloadWithDays(3));
    auto wrongSignature = post(client, request, testing::kKioskId, "a-wrong-secret-for-this-id");
    auto unknownKiosk = post(client, request, "no-such-kiosk-99", "a-wrong-secret-for-this-id");
    REQUIRE(wrongSignature);
    REQUIRE(unknownKiosk);
    CHECK(wrongSignature->status == 401);
    CHECK(unknownKiosk->status == wrongSignature->status);
    CHECK(unknownKiosk->body == wrongSignature->body);

    std::string path = "/v1/dossiers/000.00.00.K01-261125-0001";
    auto getWrong = client.Get(
        path, signedHeaders(testing::kKioskId, "wrong-secret-xxxxxxxx", "GET", path, ""));
    auto getUnknown = client.Get(
        path, signedHeaders("no-such-kiosk-99", "wrong-secret-xxxxxxxx", "GET", path, ""));
    REQUIRE(getWrong);
    REQUIRE(getUnknown);
    CHECK(getWrong->status == getUnknown->status);
    CHECK(getWrong->body == getUnknown->body);
}

TEST_CASE("a kiosk cannot read another kiosk's dossier or reuse its idempotency key",
          "[gateway][abuse]") {
    GatewayRig rig(GatewayRig::Transport::Http, addOtherKiosk);
    httplib::Client client("127.0.0.1", rig.port);
    SubmitRequest mine = submitOf(rig, payloadWithDays(3));
    auto stored = post(client, mine);
    REQUIRE(stored);
    REQUIRE(stored->status == 201);
    std::string code = parseSubmitReceipt(stored->body)->dossierCode;
    std::string path = "/v1/dossiers/" + code;

    auto own =
        client.Get(path, signedHeaders(testing::kKioskId, testing::kKioskSecret, "GET", path, ""));
    REQUIRE(own);
    CHECK(own->status == 200);
    auto other = client.Get(path, signedHeaders(kOtherKiosk, kOtherSecret, "GET", path, ""));
    REQUIRE(other);
    CHECK(other->status == 404);
    std::string nowhere = "/v1/dossiers/000.00.00.K01-000000-0000";
    auto missing =
        client.Get(nowhere, signedHeaders(kOtherKiosk, kOtherSecret, "GET", nowhere, ""));
    CHECK(other->body == missing->body);

    // The other kiosk sends the very same sealed dossier under the same key as its own.
    SubmitRequest theirs = mine;
    theirs.kioskId = kOtherKiosk;
    auto reused = post(client, theirs, kOtherKiosk, kOtherSecret);
    REQUIRE(reused);
    CHECK(reused->status == 409);
    CHECK(reused->body.find(code) == std::string::npos);
    CHECK(rig.received().size() == 1);
}

TEST_CASE("the timestamp header must be Unix seconds and nothing else", "[gateway][abuse]") {
    CHECK(parseKioskTimestamp("1764000000") == 1764000000);
    CHECK_FALSE(parseKioskTimestamp("1764000000junk"));
    CHECK_FALSE(parseKioskTimestamp(" 1764000000"));
    CHECK_FALSE(parseKioskTimestamp("+1764000000"));
    CHECK_FALSE(parseKioskTimestamp("-1"));
    CHECK_FALSE(parseKioskTimestamp("1.7e9"));
    CHECK_FALSE(parseKioskTimestamp(""));
    CHECK_FALSE(parseKioskTimestamp("9999999999999"));

    GatewayRig rig;
    httplib::Client client("127.0.0.1", rig.port);
    SubmitRequest request = submitOf(rig, payloadWithDays(3));
    std::string body = submitBody(request);
    std::string junk = std::to_string(nowUnixSeconds()) + "junk";
    auto reply = client.Post(kSubmitPath,
                             signedHeaders(testing::kKioskId, testing::kKioskSecret, "POST",
                                           kSubmitPath, body, request.idempotencyKey, junk),
                             body, "application/json");
    REQUIRE(reply);
    CHECK(reply->status == 401);
    CHECK(errorCode(reply->body) == "bad_timestamp");
    CHECK(rig.received().empty());
}

TEST_CASE("a local reference that is a path or 200 kB long is refused", "[gateway][abuse]") {
    CHECK(isValidLocalReference("VT-20261125-0007"));
    CHECK_FALSE(isValidLocalReference("../../etc/passwd"));
    CHECK_FALSE(isValidLocalReference("VT/20261125"));
    CHECK_FALSE(isValidLocalReference("VT-2026\r\n"));
    CHECK_FALSE(isValidLocalReference(""));
    CHECK_FALSE(isValidLocalReference(std::string(41, 'A')));

    GatewayRig rig;
    httplib::Client client("127.0.0.1", rig.port);
    for (const std::string& reference :
         {std::string("../../etc/passwd"), "VT-" + std::string(200 * 1000, '7')}) {
        SubmitRequest request = submitOf(rig, payloadWithDays(3));
        request.localReference = reference;
        auto reply = post(client, request);
        REQUIRE(reply);
        CHECK(reply->status == 400);
        CHECK(errorCode(reply->body) == "bad_local_reference");
    }
    CHECK(rig.received().empty());
}

TEST_CASE("SoNgayXuLy out of range or not a whole number is refused", "[gateway][abuse]") {
    GatewayRig rig;
    httplib::Client client("127.0.0.1", rig.port);
    for (const nlohmann::json& days :
         {nlohmann::json(1e15), nlohmann::json(-5), nlohmann::json(61), nlohmann::json(2.5),
          nlohmann::json("3"), nlohmann::json(1000000000000000LL)}) {
        DYNAMIC_SECTION(days.dump()) {
            auto reply = post(client, submitOf(rig, payloadWithDays(days)));
            REQUIRE(reply);
            CHECK(reply->status == 422);
            CHECK(errorCode(reply->body) == "invalid_payload");
        }
    }
    auto fine = post(client, submitOf(rig, payloadWithDays(60)));
    REQUIRE(fine);
    CHECK(fine->status == 201);
}

TEST_CASE("twelve clients sending headers a byte at a time do not hold up a kiosk",
          "[gateway][abuse]") {
    GatewayRig rig;
    constexpr int kSlowClients = 12;
    std::atomic<bool> stop{false};
    std::atomic<int> stillConnected{0};
    std::vector<std::thread> feeders;
    for (int i = 0; i < kSlowClients; ++i) {
        feeders.emplace_back([&, port = rig.port] {
            RawConnection slow(port, std::chrono::milliseconds(5000));
            const std::string header = "POST /v1/dossiers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                       "X-Padding: " +
                                       std::string(4000, 'a');
            bool open = slow.connected();
            if (open) {
                ++stillConnected;
            }
            // One byte each 100 ms, well inside the read timeout, for at most 20 s.
            for (std::size_t at = 0; open && !stop && at < header.size() && at < 200; ++at) {
                open = slow.send(header.substr(at, 1));
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            if (!open) {
                --stillConnected;
            }
            while (!stop && open) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
    }
    // Let every slow client connect and start dribbling before the kiosk arrives.
    for (int i = 0; i < 500 && stillConnected < kSlowClients; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    int connectedBefore = stillConnected;

    auto entry = rig.commit();
    DeliveryPass pass = rig.passNow(); // the client gives up after 2 s
    int connectedDuringDelivery = stillConnected;
    stop = true;
    for (std::thread& feeder : feeders) {
        feeder.join();
    }
    REQUIRE(connectedBefore == kSlowClients); // after join: no thread left running
    CHECK(pass.delivered == 1);
    INFO("last error: " << (*rig.outbox->find(entry.localReference))->lastError);
    // Every slow client was still being served while the kiosk's dossier went through.
    CHECK(connectedDuringDelivery == kSlowClients);
}

TEST_CASE("a silent client is dropped after the read timeout and the connection cap holds",
          "[gateway][abuse]") {
    GatewayRig rig(GatewayRig::Transport::Http, [](GatewayServerOptions& options) {
        options.limits.maxConnections = 2;
        options.limits.readTimeout = std::chrono::seconds(2);
        options.limits.keepAliveTimeout = std::chrono::seconds(2);
    });
    RawConnection first(rig.port, std::chrono::milliseconds(6000));
    RawConnection second(rig.port, std::chrono::milliseconds(6000));
    REQUIRE(first.send("GET /v1/dossiers/x HTTP/1.1\r\n")); // then nothing more
    REQUIRE(second.send("GET /v1/dossiers/x HTTP/1.1\r\n"));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));

    // Both workers are held: a third connection waits in the listen queue, unanswered...
    RawConnection third(rig.port, std::chrono::milliseconds(6000));
    REQUIRE(third.send("GET /v2/none HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    CHECK_FALSE(third.readable(std::chrono::milliseconds(300)));
    // ...until the read timeout drops the silent ones; then it is served.
    CHECK(first.closedByPeer());
    CHECK(second.closedByPeer());
    auto reply = third.readReply();
    REQUIRE(reply);
    CHECK(reply->status == 404);
}
