// The volunteer's "Thử gửi lại" end to end: a dossier waits in the outbox for an hour's backoff,
// the volunteer taps retry, the sender delivers it to the gateway on loopback at once, and the
// tools screen shows the new counts. Before the runtime, the tap reached no handler at all.
#include "tests/kiosk/runtime/runtime_rig.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

TEST_CASE("a volunteer's retry delivers a queued dossier and the tools show the new counts",
          "[runtime][retry]") {
    testing::RuntimeRig rig;
    // Queued while the gateway was away, with its next attempt an hour off: only a retry can
    // send it within this test.
    rig.gateway.stopServer();
    {
        OutboxOptions options;
        options.gatewayPublicKey = rig.gateway.keys.publicKey;
        auto outbox = Outbox::open(rig.config.paths.dataDir / "outbox.db", options);
        REQUIRE(outbox.ok());
        CommitRequest request;
        request.procedureCode = "1.001193";
        request.now = nowUnixSeconds();
        request.appointmentAt = request.now;
        request.buildPayload = [](const std::string& reference) {
            return nlohmann::json{
                {"MaTTHC", "1.001193"}, {"SoThamChieu", reference}, {"SoNgayXuLy", 3}};
        };
        auto entry = (*outbox)->commit(request);
        REQUIRE(entry.ok());
        REQUIRE((*outbox)
                    ->markAttemptFailed(entry->localReference, "offline", request.now + 3600)
                    .ok());
    }
    rig.gateway.startServer(); // back on the same port
    std::string ha = rig.addVolunteer("Chị Hà", "2468");
    rig.start();

    rig.signInVolunteer(ha, "2468");
    rig.tap(intent::OpenVolunteerTools{});
    const VolunteerToolsState& tools = rig.state().assist.tools;
    REQUIRE(tools.loaded);
    CHECK(tools.outboxPending == 1);
    CHECK(tools.outboxDelivered == 0);

    rig.tap(intent::RetryOutbox{});
    CHECK(tools.retrying);
    bool delivered =
        rig.runUntil([&] { return tools.outboxDelivered == 1 && tools.outboxPending == 0; });
    INFO(rig.logs.str());
    REQUIRE(delivered);
    CHECK_FALSE(tools.retrying);
    CHECK(rig.state().screen == Screen::VolunteerTools);
    auto arrived = rig.gateway.received();
    REQUIRE(arrived.size() == 1);
    CHECK(arrived[0].stored.procedureCode == "1.001193");
    CHECK(rig.logs.str().find("outbox_retry_requested") != std::string::npos);
}
