// Tests of the sender against a scripted gateway client: outcomes, backoff, network state.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/sender.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <deque>

using namespace kiosk;

namespace {

const std::int64_t kNow = unixFromVietnamTime({{2026, 11, 25}, 10, 0, 0});

// Answers each submit with the next scripted outcome; records what it was sent.
class ScriptedClient final : public GatewayClient {
public:
    std::deque<GatewayOutcome<SubmitReceipt>> script;
    std::vector<SubmitRequest> sent;

    GatewayOutcome<SubmitReceipt> submit(const SubmitRequest& request) override {
        sent.push_back(request);
        REQUIRE_FALSE(script.empty());
        auto next = script.front();
        script.pop_front();
        return next;
    }
    GatewayOutcome<StatusReply> status(const std::string&) override { return {}; }
    GatewayOutcome<bool> report(const std::string&, const std::string&) override { return {}; }
};

GatewayOutcome<SubmitReceipt> accepted(const std::string& code) {
    GatewayOutcome<SubmitReceipt> outcome;
    outcome.value = SubmitReceipt{code, "20261125100001", "20261125160000", "new", false};
    return outcome;
}

GatewayOutcome<SubmitReceipt> failed(FailureKind kind, const char* code, int status = 0,
                                     std::optional<std::chrono::seconds> retryAfter = {}) {
    GatewayOutcome<SubmitReceipt> outcome;
    outcome.failure = {kind, code, status, retryAfter};
    return outcome;
}

struct Rig {
    testing::TempDir dir;
    X25519KeyPair keys = *generateX25519KeyPair();
    std::unique_ptr<Outbox> outbox;
    ScriptedClient client;
    SenderOptions options;

    Rig() {
        OutboxOptions outboxOptions;
        outboxOptions.gatewayPublicKey = keys.publicKey;
        outbox = std::move(Outbox::open(dir / "outbox.db", outboxOptions).value());
        options.now = [] { return kNow; };
        options.jitterSeed = 7;
    }
    OutboxEntry commit() {
        CommitRequest request;
        request.procedureCode = "1.000656";
        request.now = kNow;
        request.buildPayload = [](const std::string&) {
            return nlohmann::json{{"MaTTHC", "1.000656"}};
        };
        return outbox->commit(request).value();
    }
};

} // namespace

TEST_CASE("the sender delivers a due dossier and reports online", "[outbox]") {
    Rig rig;
    auto entry = rig.commit();
    rig.client.script.push_back(accepted("000.00.00.K01-261125-0001"));
    Sender sender(*rig.outbox, rig.client, rig.options, nullptr);
    CHECK(sender.networkState() == NetworkState::Unknown);
    auto pass = sender.deliverDueNow();
    CHECK(pass.delivered == 1);
    CHECK(sender.networkState() == NetworkState::Online);
    REQUIRE(rig.client.sent.size() == 1);
    CHECK(rig.client.sent[0].idempotencyKey == entry.idempotencyKey);
    CHECK(rig.client.sent[0].submittedAt == "20261125100000");
    auto row = *rig.outbox->find(entry.localReference);
    CHECK(row->state == OutboxState::Delivered);
    CHECK(row->dossierCode == "000.00.00.K01-261125-0001");
    CHECK(row->appointmentAt == unixFromVietnamTime({{2026, 11, 25}, 16, 0, 0}));
}

TEST_CASE("an unreachable gateway means offline and a later retry with the same key", "[outbox]") {
    Rig rig;
    auto entry = rig.commit();
    rig.client.script.push_back(failed(FailureKind::Offline, "offline"));
    Sender sender(*rig.outbox, rig.client, rig.options, nullptr);
    auto pass = sender.deliverDueNow();
    CHECK(pass.failed == 1);
    CHECK(sender.networkState() == NetworkState::Offline);
    auto row = *rig.outbox->find(entry.localReference);
    CHECK(row->state == OutboxState::Pending);
    CHECK(row->attempts == 1);
    CHECK(row->nextAttemptAt > kNow);
    CHECK(row->lastError == "offline");

    rig.outbox->retryAll(kNow);
    rig.client.script.push_back(accepted("000.00.00.K01-261125-0001"));
    CHECK(sender.deliverDueNow().delivered == 1);
    CHECK(rig.client.sent[1].idempotencyKey == rig.client.sent[0].idempotencyKey);
    CHECK(rig.client.sent[1].sealedPayload == rig.client.sent[0].sealedPayload);
}

TEST_CASE("Retry-After from the gateway is honoured", "[outbox]") {
    Rig rig;
    auto entry = rig.commit();
    rig.client.script.push_back(
        failed(FailureKind::Transient, "http_429", 429, std::chrono::seconds(120)));
    Sender sender(*rig.outbox, rig.client, rig.options, nullptr);
    sender.deliverDueNow();
    CHECK(sender.networkState() == NetworkState::Online); // it answered, just not yet
    CHECK((*rig.outbox->find(entry.localReference))->nextAttemptAt >= kNow + 120);
}

TEST_CASE("a refusal for good sets the dossier aside for a volunteer", "[outbox]") {
    Rig rig;
    auto entry = rig.commit();
    rig.client.script.push_back(failed(FailureKind::Rejected, "http_401", 401));
    Sender sender(*rig.outbox, rig.client, rig.options, nullptr);
    CHECK(sender.deliverDueNow().needAttention == 1);
    CHECK((*rig.outbox->find(entry.localReference))->state == OutboxState::NeedsAttention);
    CHECK(sender.deliverDueNow().needAttention == 0); // not retried on its own
}

TEST_CASE("backoff doubles with equal jitter up to the cap", "[outbox]") {
    SenderOptions options;
    options.initialBackoff = std::chrono::milliseconds(1000);
    options.maxBackoff = std::chrono::milliseconds(60000);
    std::mt19937 random(3);
    for (int attempts = 1; attempts <= 12; ++attempts) {
        long long ceiling = std::min(60000LL, 1000LL << (attempts - 1));
        for (int sample = 0; sample < 50; ++sample) {
            auto delay = backoffDelay(attempts, options, std::nullopt, random).count();
            INFO("attempt " << attempts << " delay " << delay);
            CHECK(delay >= ceiling / 2);
            CHECK(delay <= ceiling);
        }
    }
    CHECK(backoffDelay(1, options, std::chrono::seconds(30), random) >= std::chrono::seconds(30));
    CHECK(backoffDelay(1, options, std::chrono::hours(100), random) == std::chrono::hours(24));
}

TEST_CASE("the background thread delivers after a wake-up and stops cleanly", "[outbox]") {
    Rig rig;
    rig.options.now = [] { return nowUnixSeconds(); };
    rig.options.idlePoll = std::chrono::milliseconds(50);
    rig.client.script.push_back(accepted("000.00.00.K01-261125-0001"));
    Sender sender(*rig.outbox, rig.client, rig.options, nullptr);
    sender.start();
    CommitRequest request;
    request.procedureCode = "1.000656";
    request.now = nowUnixSeconds();
    request.buildPayload = [](const std::string&) { return nlohmann::json::object(); };
    REQUIRE(rig.outbox->commit(request).ok());
    sender.wake();
    for (int i = 0; i < 200 && sender.deliveredCount() == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    sender.stop();
    CHECK(sender.deliveredCount() == 1);
    CHECK(*rig.outbox->count(OutboxState::Delivered) == 1);
}
