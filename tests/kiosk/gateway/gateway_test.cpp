// Tests of delivery through a real reference gateway on loopback, including every injected fault.
#include "kiosk/dossier/dossier.hpp"
#include "kiosk/dossier/dossier_status.hpp"
#include "tests/kiosk/gateway/gateway_rig.hpp"

#include <httplib.h>

using namespace kiosk;
using testing::GatewayRig;

TEST_CASE("a committed dossier arrives at the gateway, decrypts and gets a dossier code",
          "[gateway]") {
    GatewayRig rig;
    auto entry = rig.commit();
    CHECK(rig.passNow().delivered == 1);
    INFO("last error: " << (*rig.outbox->find(entry.localReference))->lastError);
    CHECK(rig.lastNetworkState == NetworkState::Online);
    auto received = rig.received();
    REQUIRE(received.size() == 1);
    REQUIRE(received[0].payload.has_value());
    CHECK((*received[0].payload)["ChuHoSo"] == "Nguyễn Thị Thử Nghiệm");
    CHECK(received[0].stored.localReference == entry.localReference);
    CHECK(received[0].stored.kioskId == "vinh-tuong-01");
    auto row = *rig.outbox->find(entry.localReference);
    CHECK(row->state == OutboxState::Delivered);
    CHECK(isDossierCode(row->dossierCode));
    CHECK(row->dossierCode == received[0].stored.dossierCode);
    CHECK(row->appointmentAt ==
          unixFromVietnamTime(*parseCompact(received[0].stored.appointmentAt)));
}

TEST_CASE("status look-up by dossier code returns the plain status", "[gateway]") {
    GatewayRig rig;
    auto entry = rig.commit();
    rig.passNow();
    std::string code = (*rig.outbox->find(entry.localReference))->dossierCode;
    auto status = rig.client->status(code);
    REQUIRE(status.ok());
    CHECK(status.value->status == "new");
    REQUIRE(rig.server->store().setStatus(code, "releasing").ok());
    status = rig.client->status(code);
    CHECK(dossierStatusFromCode(status.value->status) == DossierStatus::Releasing);
    auto later = lookUpStatusAsync(*rig.client, code);
    CHECK(later.get().value->status == "releasing");
    auto missing = rig.client->status("000.00.00.K01-261125-9999");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.failure.httpStatus == 404);
    CHECK(missing.failure.kind == FailureKind::Rejected);
}

TEST_CASE("a gateway that is not listening means offline: the dossier waits", "[gateway]") {
    GatewayRig rig;
    rig.stopServer();
    auto entry = rig.commit();
    CHECK(rig.passNow().failed == 1);
    CHECK(rig.lastNetworkState == NetworkState::Offline);
    auto row = *rig.outbox->find(entry.localReference);
    CHECK(row->state == OutboxState::Pending);
    CHECK(row->lastError == "offline");
    rig.startServer(); // same port
    rig.makeAllDue();
    CHECK(rig.passNow().delivered == 1);
    CHECK(rig.received().size() == 1);
}

TEST_CASE("every injected fault ends with the dossier stored exactly once", "[gateway]") {
    const GatewayFault faults[] = {GatewayFault::DropBeforeCommit, GatewayFault::DropAfterCommit,
                                   GatewayFault::ServerError,      GatewayFault::RateLimited,
                                   GatewayFault::Unavailable,      GatewayFault::Slow,
                                   GatewayFault::MalformedJson,    GatewayFault::WrongContentType};
    for (GatewayFault fault : faults) {
        DYNAMIC_SECTION(gatewayFaultName(fault)) {
            GatewayRig rig;
            auto entry = rig.commit();
            rig.server->injectFault(fault);
            auto first = rig.passNow();
            CHECK(first.failed == 1);
            CHECK(first.delivered == 0);
            auto row = *rig.outbox->find(entry.localReference);
            CHECK(row->state == OutboxState::Pending);
            CHECK_FALSE(row->lastError.empty());
            rig.makeAllDue();
            CHECK(rig.passNow().delivered == 1);
            auto received = rig.received();
            REQUIRE(received.size() == 1);
            auto stats = rig.server->stats();
            CHECK(stats.stored == 1);
            bool storedBeforeFailing =
                fault == GatewayFault::DropAfterCommit || fault == GatewayFault::Slow ||
                fault == GatewayFault::MalformedJson || fault == GatewayFault::WrongContentType;
            CHECK(stats.replayed == (storedBeforeFailing ? 1 : 0));
            CHECK((*rig.outbox->find(entry.localReference))->dossierCode ==
                  received[0].stored.dossierCode);
        }
    }
}

TEST_CASE("the failure codes name what went wrong", "[gateway]") {
    const std::pair<GatewayFault, const char*> rows[] = {
        {GatewayFault::DropBeforeCommit, "connection_dropped"},
        {GatewayFault::ServerError, "http_500"},
        {GatewayFault::RateLimited, "http_429"},
        {GatewayFault::Unavailable, "http_503"},
        {GatewayFault::Slow, "timeout"},
        {GatewayFault::MalformedJson, "malformed_reply"},
        {GatewayFault::WrongContentType, "wrong_content_type"},
    };
    for (const auto& [fault, code] : rows) {
        DYNAMIC_SECTION(code) {
            GatewayRig rig;
            auto entry = rig.commit();
            rig.server->injectFault(fault);
            rig.passNow();
            CHECK((*rig.outbox->find(entry.localReference))->lastError == code);
        }
    }
}

TEST_CASE("429 and 503 carry Retry-After and the sender waits at least that long", "[gateway]") {
    GatewayRig rig(GatewayRig::Transport::Http,
                   [](GatewayServerOptions& options) { options.retryAfterSeconds = 45; });
    auto entry = rig.commit();
    rig.server->injectFault(GatewayFault::RateLimited);
    std::int64_t before = nowUnixSeconds();
    rig.passNow();
    CHECK((*rig.outbox->find(entry.localReference))->nextAttemptAt >= before + 45);
    auto direct = rig.client->submit(SubmitRequest{}); // invalid body: 400, not retried
    CHECK(direct.failure.kind == FailureKind::Rejected);
}

TEST_CASE("a wrong kiosk secret is refused and set aside for a volunteer", "[gateway]") {
    GatewayRig rig;
    rig.endpoint.secret = "not-the-right-secret-at-all";
    rig.client = makeHttpGatewayClient(rig.endpoint);
    auto entry = rig.commit();
    CHECK(rig.passNow().needAttention == 1);
    auto row = *rig.outbox->find(entry.localReference);
    CHECK(row->state == OutboxState::NeedsAttention);
    CHECK(row->lastError == "http_401");
    CHECK(rig.received().empty());
}

TEST_CASE("the gateway refuses malformed, unsigned and conflicting requests", "[gateway]") {
    GatewayRig rig;
    httplib::Client raw("127.0.0.1", rig.port);
    auto signedHeaders = [](const std::string& body, const std::string& key) {
        std::string timestamp = std::to_string(nowUnixSeconds());
        return httplib::Headers{{kHeaderKioskId, testing::kKioskId},
                                {kHeaderTimestamp, timestamp},
                                {kHeaderSignature, signRequest(testing::kKioskSecret, "POST",
                                                               kSubmitPath, timestamp, body)},
                                {kHeaderIdempotencyKey, key}};
    };
    SubmitRequest request;
    request.idempotencyKey = toHex(randomBytes(16), LetterCase::Lower);
    request.kioskId = testing::kKioskId;
    request.localReference = "VT-20261125-0001";
    request.procedureCode = "1.001193";
    request.submittedAt = "20261125100000";
    request.sealedPayload =
        sealToPublicKey(rig.keys.publicKey,
                        asBytes(std::string(R"({"MaTTHC":"1.001193","SoNgayXuLy":3})")))
            .value();
    std::string body = submitBody(request);

    auto unsignedReply = raw.Post(kSubmitPath, body, "application/json");
    REQUIRE(unsignedReply);
    CHECK(unsignedReply->status == 401);

    auto wrongType =
        raw.Post(kSubmitPath, signedHeaders(body, request.idempotencyKey), body, "text/plain");
    CHECK(wrongType->status == 415);

    auto mismatch =
        raw.Post(kSubmitPath, signedHeaders(body, toHex(randomBytes(16), LetterCase::Lower)), body,
                 "application/json");
    CHECK(mismatch->status == 400);
    CHECK(mismatch->body.find("idempotency_key_mismatch") != std::string::npos);

    SubmitRequest garbage = request;
    garbage.sealedPayload = randomBytes(80);
    std::string garbageBody = submitBody(garbage);
    auto undecryptable = raw.Post(kSubmitPath, signedHeaders(garbageBody, garbage.idempotencyKey),
                                  garbageBody, "application/json");
    CHECK(undecryptable->status == 422);

    auto stored = raw.Post(kSubmitPath, signedHeaders(body, request.idempotencyKey), body,
                           "application/json");
    CHECK(stored->status == 201);
    auto replay = raw.Post(kSubmitPath, signedHeaders(body, request.idempotencyKey), body,
                           "application/json");
    CHECK(replay->status == 200);
    CHECK(parseSubmitReceipt(replay->body)->replayed);
    CHECK(parseSubmitReceipt(replay->body)->dossierCode ==
          parseSubmitReceipt(stored->body)->dossierCode);

    SubmitRequest other = request;
    other.sealedPayload =
        sealToPublicKey(rig.keys.publicKey,
                        asBytes(std::string(R"({"MaTTHC":"1.001193","SoNgayXuLy":3})")))
            .value();
    std::string otherBody = submitBody(other);
    auto conflict = raw.Post(kSubmitPath, signedHeaders(otherBody, other.idempotencyKey), otherBody,
                             "application/json");
    CHECK(conflict->status == 409);
    CHECK(rig.received().size() == 1);
}

TEST_CASE("over TLS the dossier arrives when the CA is configured and not otherwise", "[gateway]") {
    GatewayRig rig(GatewayRig::Transport::Https);
    auto entry = rig.commit();
    CHECK(rig.passNow().delivered == 1);
    CHECK(rig.received().size() == 1);

    GatewayEndpoint untrusting = rig.endpoint;
    untrusting.caFile.clear(); // the system store does not know the test CA
    rig.client = makeHttpGatewayClient(untrusting);
    auto second = rig.commit();
    CHECK(rig.passNow().needAttention == 1);
    auto row = *rig.outbox->find(second.localReference);
    CHECK(row->lastError == "tls_verification_failed");
    CHECK(rig.received().size() == 1);
}

TEST_CASE("a kiosk clock far off is retried rather than set aside", "[gateway]") {
    GatewayRig rig(GatewayRig::Transport::Http, [](GatewayServerOptions& options) {
        options.maxClockSkew = std::chrono::seconds(-1); // every timestamp is "too far off"
    });
    auto entry = rig.commit();
    CHECK(rig.passNow().failed == 1);
    auto row = *rig.outbox->find(entry.localReference);
    CHECK(row->state == OutboxState::Pending);
    CHECK(row->lastError == "clock_skew");
}
