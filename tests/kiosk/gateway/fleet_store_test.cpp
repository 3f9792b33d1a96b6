// Heartbeats and daily aggregates in the gateway store: strict parsing, state changes, alerts.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/programs/gateway/fleet_store.hpp"
#include "tests/kiosk/gateway/gateway_rig.hpp"
#include "tests/kiosk/gateway/test_database.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>

using namespace kiosk;
using namespace kiosk::testing;

namespace {

std::string beat(const std::string& printer, const std::string& extra = "") {
    return R"({"kiosk_id":"vt-01","app_version":"0.1.0","content_sequence":7,"printer":")" +
           printer +
           R"(","reader":"ready","outbox_pending":1,"outbox_attention":0,"free_disk_mb":900,)"
           R"("uptime_s":3600,"since_session_s":120,"error_codes":["KIOSK-4003"])" +
           extra + "}";
}

} // namespace

TEST_CASE("heartbeats carry typed fields only: free text and other kiosks are refused", "[fleet]") {
    auto good = parseHeartbeat(beat("paper_out"), "vt-01");
    REQUIRE(good.ok());
    CHECK(good->printer == "paper_out");
    CHECK(good->errorCodes == std::vector<std::string>{"KIOSK-4003"});
    CHECK_FALSE(parseHeartbeat(beat("ready"), "vt-02").ok());
    CHECK_FALSE(parseHeartbeat(beat("on fire"), "vt-01").ok());
    CHECK_FALSE(parseHeartbeat(beat("ready", R"(,"note":"Nguyễn Văn A")"), "vt-01").ok());
    std::string freeText = beat("ready");
    freeText.replace(freeText.find("KIOSK-4003"), 10, "0912345678");
    CHECK_FALSE(parseHeartbeat(freeText, "vt-01").ok());
    CHECK_FALSE(parseDailyAggregate(R"({"kiosk_id":"vt-01","day":"2026-11-25","counts":[)"
                                    R"({"metric":"dossiers","item":"Nguyễn Văn A","count":1}]})",
                                    "vt-01")
                    .ok());
}

TEST_CASE("the fleet store keeps the latest state, its start time, alerts and idempotent days",
          "[fleet]") {
    TempDir dir;
    TestDatabase database(dir / "gateway.db");
    auto store = GatewayStore::open(database.location(), "U").value();
    FleetStore fleet(*store);
    std::int64_t t = 1'800'000'000;
    REQUIRE(fleet.recordHeartbeat(*parseHeartbeat(beat("ready"), "vt-01"), t).ok());
    REQUIRE(fleet.recordHeartbeat(*parseHeartbeat(beat("paper_out"), "vt-01"), t + 300).ok());
    REQUIRE(fleet.recordHeartbeat(*parseHeartbeat(beat("paper_out"), "vt-01"), t + 600).ok());
    auto rows = fleet.kiosks("").value();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].printer == "paper_out");
    CHECK(rows[0].printerSince == t + 300); // since it ran out, not since the last beat
    CHECK(rows[0].lastSeen == t + 600);

    auto alerts = fleet.alerts(t + 700, 900, "").value();
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].kind == "paper_out");
    alerts = fleet.alerts(t + 600 + 901, 900, "").value();
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].kind == "silent");

    std::string day = R"({"kiosk_id":"vt-01","day":"2026-11-25","counts":[)"
                      R"({"metric":"sessions","item":"","count":12},)"
                      R"({"metric":"dossiers","item":"1.001193","count":null}]})";
    auto aggregate = parseDailyAggregate(day, "vt-01");
    REQUIRE(aggregate.ok());
    REQUIRE(fleet.storeAggregate(*aggregate).ok());
    REQUIRE(fleet.storeAggregate(*aggregate).ok()); // a resend changes nothing
    auto usage = fleet.usage("2026-11-01", "2026-11-30", "").value();
    REQUIRE(usage.size() == 2);
    CHECK(usage[0].metric == "dossiers");
    CHECK(usage[0].count == 0);
    CHECK(usage[0].suppressed == 1);
    CHECK(usage[1].metric == "sessions");
    CHECK(usage[1].count == 12);
}

TEST_CASE("kiosks send heartbeats and aggregates over the signed API: strangers are refused",
          "[fleet]") {
    GatewayRig rig;
    httplib::Client client("127.0.0.1", rig.port);
    auto send = [&](const std::string& path, const std::string& body, const std::string& secret) {
        std::string timestamp = std::to_string(nowUnixSeconds());
        httplib::Headers headers{
            {kHeaderKioskId, kKioskId},
            {kHeaderTimestamp, timestamp},
            {kHeaderSignature, signRequest(secret, "POST", path, timestamp, body)}};
        auto result = client.Post(path.c_str(), headers, body, "application/json");
        return result ? result->status : 0;
    };
    std::string heartbeat = beat("paper_out");
    heartbeat.replace(heartbeat.find("vt-01"), 5, kKioskId);
    CHECK(send("/v1/heartbeats", heartbeat, kKioskSecret) == 200);
    CHECK(send("/v1/heartbeats", heartbeat, "not-the-secret-0000") == 401);
    std::string day =
        std::string(R"({"kiosk_id":")") + kKioskId +
        R"(","day":"2026-11-25","counts":[{"metric":"sessions","item":"","count":3}]})";
    CHECK(send("/v1/aggregates", day, kKioskSecret) == 200);
    CHECK(send("/v1/aggregates", day, kKioskSecret) == 200);
    CHECK(send("/v1/aggregates", "{\"kiosk_id\":\"x\"}", kKioskSecret) == 422);
    auto rows = rig.server->fleet().kiosks("").value();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].printer == "paper_out");
    CHECK(rig.server->fleet().usage("2026-11-25", "2026-11-25", "").value().at(0).count == 3);
}

TEST_CASE("old heartbeat rows are pruned: the kiosk's latest state stays", "[fleet]") {
    TempDir dir;
    TestDatabase database(dir / "gateway.db");
    auto store = GatewayStore::open(database.location(), "U").value();
    FleetStore fleet(*store);
    std::int64_t t = 1'800'000'000;
    for (int i = 0; i < 4; ++i) {
        REQUIRE(fleet.recordHeartbeat(*parseHeartbeat(beat("ready"), "vt-01"), t + i * 300).ok());
    }
    CHECK(fleet.pruneHeartbeats(t + 600).value() == 2);
    CHECK(fleet.pruneHeartbeats(t + 600).value() == 0);
    auto left = store->database().query("SELECT count(*) FROM heartbeats");
    CHECK(left->front().integer(0) == 2);
    CHECK(fleet.kiosks("").value().at(0).lastSeen == t + 900);
}
