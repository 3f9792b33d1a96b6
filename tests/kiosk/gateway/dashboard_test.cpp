// The dashboard over real HTTP, on either engine: kiosks with problems first, usage by period
// with CSV, digital skills against populations, alerts as JSON, roles, and no resident data.
#include "kiosk/programs/gateway/dashboard_pages.hpp"
#include "tests/kiosk/gateway/gateway_rig.hpp"
#include "tests/kiosk/gateway/web_client.hpp"

#include <atomic>
#include <httplib.h>
#include <set>

using namespace kiosk;
using namespace kiosk::testing;

namespace {

constexpr const char* kResidentName = "Nguyễn Thị Thử Nghiệm";
constexpr const char* kViewerPass = "mat-khau-xem-0001";
constexpr const char* kAdminPass = "mat-khau-quan-tri-01";

std::int64_t vietnamAt(int day, int hour, int minute) {
    return unixFromVietnamTime(LocalDateTime{CivilDate{2026, 12, day}, hour, minute, 0});
}

// Three kiosks in three villages: Đông runs out of paper at 9:12, Tây goes silent after 8:30,
// and the rig's own kiosk in Bắc is fine. The gateway's clock stands at 9:20.
struct DashboardRig {
    std::atomic<std::int64_t> clock{vietnamAt(4, 9, 20)};
    GatewayRig rig{GatewayRig::Transport::Http, [this](GatewayServerOptions& options) {
                       options.kioskSecrets["vt-dong"] = "secret-dong-0123456789";
                       options.kioskSecrets["vt-tay"] = "secret-tay-01234567890";
                       options.clock = [this] { return clock.load(); };
                   }};

    DashboardRig() {
        InboxStore& inbox = rig.server->inbox();
        REQUIRE(inbox.placeKiosk({"vt-dong", "Thôn Đông", "Vĩnh Tường"}).ok());
        REQUIRE(inbox.placeKiosk({"vt-tay", "Thôn Tây", "Vĩnh Tường"}).ok());
        REQUIRE(inbox.placeKiosk({kKioskId, "Thôn Bắc", "Vĩnh Tường"}).ok());
        AccountStore& accounts = rig.server->accounts();
        REQUIRE(accounts
                    .addAccount({"doan-thanh-nien", Role::Viewer, "Tổ công nghệ số"}, kViewerPass,
                                false)
                    .ok());
        REQUIRE(accounts.addAccount({"quan-tri", Role::Admin, "UBND xã"}, kAdminPass, false).ok());
    }

    int send(const std::string& kiosk, const std::string& path, const std::string& body) {
        std::string secret = rig.serverOptions.kioskSecrets.at(kiosk);
        std::string timestamp = std::to_string(nowUnixSeconds()); // the signature's real time
        httplib::Client client("127.0.0.1", rig.port);
        httplib::Headers headers{
            {kHeaderKioskId, kiosk},
            {kHeaderTimestamp, timestamp},
            {kHeaderSignature, signRequest(secret, "POST", path, timestamp, body)}};
        auto result = client.Post(path.c_str(), headers, body, "application/json");
        return result ? result->status : 0;
    }

    void heartbeat(const std::string& kiosk, std::int64_t at, const std::string& printer) {
        clock = at;
        std::string body = R"({"kiosk_id":")" + kiosk +
                           R"(","app_version":"0.4.0","content_sequence":12,"printer":")" +
                           printer +
                           R"(","reader":"ready","outbox_pending":0,"outbox_attention":0,)"
                           R"("free_disk_mb":900,"uptime_s":3600,"since_session_s":60})";
        REQUIRE(send(kiosk, "/v1/heartbeats", body) == 200);
    }

    void aggregate(const std::string& kiosk, const std::string& day, const std::string& counts) {
        std::string body =
            R"({"kiosk_id":")" + kiosk + R"(","day":")" + day + R"(","counts":[)" + counts + "]}";
        REQUIRE(send(kiosk, "/v1/aggregates", body) == 200);
    }

    void fleetMorning() {
        heartbeat("vt-tay", vietnamAt(4, 8, 30), "ready");
        heartbeat("vt-dong", vietnamAt(4, 9, 0), "ready");
        heartbeat("vt-dong", vietnamAt(4, 9, 12), "paper_out");
        heartbeat(kKioskId, vietnamAt(4, 9, 18), "ready");
        heartbeat("vt-dong", vietnamAt(4, 9, 17), "paper_out");
        clock = vietnamAt(4, 9, 20);
    }

    void usageOfNovember() {
        aggregate("vt-dong", "2026-11-10",
                  R"({"metric":"sessions","item":"","count":12},)"
                  R"({"metric":"dossiers","item":"1.001193","count":5},)"
                  R"({"metric":"lessons_completed","item":"email-basics","count":40})");
        aggregate("vt-tay", "2026-11-20",
                  R"({"metric":"sessions","item":"","count":7},)"
                  R"({"metric":"dossiers","item":"1.001193","count":null})");
        aggregate("vt-dong", "2026-12-01", R"({"metric":"sessions","item":"","count":4})");
    }

    // A dossier from the scripted resident, so that the pages could leak it if they were wrong.
    std::string residentDossier() {
        auto entry = rig.commit();
        REQUIRE(rig.passNow().delivered == 1);
        return (*rig.outbox->find(entry.localReference))->dossierCode;
    }
};

std::size_t at(const std::string& page, const std::string& text) {
    return page.find(text);
}

} // namespace

TEST_CASE("the kiosks page lists problems first and in red, in Vietnamese and English",
          "[fleet][dashboard]") {
    DashboardRig d;
    d.fleetMorning();
    std::string code = d.residentDossier();
    WebClient viewer(d.rig.port);
    CHECK(viewer.get("/dashboard/kiosks")->status == 303); // to the sign-in page
    REQUIRE(viewer.signIn("doan-thanh-nien", kViewerPass) == 303);
    auto page = viewer.get("/dashboard/kiosks");
    REQUIRE(page->status == 200);
    const std::string& html = page->body;
    CHECK(at(html, "Nhà văn hóa thôn Đông: máy in hết giấy từ 9:12") != std::string::npos);
    CHECK(at(html, "Nhà văn hóa thôn Tây: mất liên lạc từ 8:30") != std::string::npos);
    CHECK(at(html, "class=\"alerts\"") < at(html, "id=\"kiosks\"")); // alerts at the top
    std::size_t dong = at(html, "<tr class=\"problem\" id=\"kiosk-vt-dong\">");
    std::size_t tay = at(html, "<tr class=\"problem\" id=\"kiosk-vt-tay\">");
    std::size_t bac = at(html, std::string("<tr class=\"fine\" id=\"kiosk-") + kKioskId + "\">");
    REQUIRE(dong != std::string::npos);
    REQUIRE(tay != std::string::npos);
    REQUIRE(bac != std::string::npos);
    CHECK(dong < bac);
    CHECK(tay < bac);
    std::string bacRow = html.substr(bac, html.find("</tr>", bac) - bac);
    CHECK(bacRow.find("Trực tuyến") != std::string::npos);
    CHECK(bacRow.find("#12") != std::string::npos);                  // content pack
    CHECK(bacRow.find("<td>0</td><td>1</td>") != std::string::npos); // 1 new dossier
    CHECK(html.find(code) == std::string::npos);                     // no dossier code
    CHECK(html.find(kResidentName) == std::string::npos);            // no resident
    CHECK(html.find("href=\"/inbox\"") == std::string::npos);        // a viewer has no inbox link

    viewer.cookies["kg_lang"] = "en";
    auto english = viewer.get("/dashboard/kiosks");
    CHECK(english->body.find("Thôn Đông cultural house: printer out of paper since 9:12") !=
          std::string::npos);
    CHECK(english->body.find("Offline") != std::string::npos);

    d.clock = vietnamAt(4, 9, 40); // nothing heard from anyone for 20 minutes
    auto later = viewer.get("/dashboard/kiosks");
    CHECK(later->body.find("Thôn Bắc cultural house: silent since 9:18") != std::string::npos);
}

TEST_CASE("the alerts feed is JSON for signed-in volunteers and 401 for anyone else",
          "[fleet][dashboard]") {
    DashboardRig d;
    d.fleetMorning();
    WebClient tool(d.rig.port);
    CHECK(tool.get("/dashboard/alerts.json")->status == 401);
    REQUIRE(tool.signIn("doan-thanh-nien", kViewerPass) == 303);
    auto feed = tool.get("/dashboard/alerts.json");
    REQUIRE(feed->status == 200);
    auto json = nlohmann::json::parse(feed->body);
    std::set<std::string> kinds;
    for (const auto& alert : json["alerts"]) {
        kinds.insert(alert["kind"].get<std::string>());
        if (alert["kind"] == "paper_out") {
            CHECK(alert["kiosk_id"] == "vt-dong");
            CHECK(alert["since"] == vietnamAt(4, 9, 12));
            CHECK(alert["text_vi"] == "Nhà văn hóa thôn Đông: máy in hết giấy từ 9:12");
        }
    }
    CHECK(kinds == std::set<std::string>{"paper_out", "silent"});
    CHECK(json["silent_after_s"] == 900);
}

TEST_CASE("usage by week, month and quarter, with charts and a CSV download",
          "[fleet][dashboard]") {
    DashboardRig d;
    d.usageOfNovember();
    std::string code = d.residentDossier();
    WebClient viewer(d.rig.port);
    REQUIRE(viewer.signIn("doan-thanh-nien", kViewerPass) == 303);

    auto month = viewer.get("/dashboard/usage?period=month&at=2026-11-15");
    REQUIRE(month->status == 200);
    const std::string& html = month->body;
    CHECK(html.find("Tháng 11/2026") != std::string::npos);
    CHECK(html.find("<tr><td>Thôn Đông</td><td class=\"num\">12</td><td class=\"num\">5</td>") !=
          std::string::npos);
    CHECK(html.find("<tr><td>Thôn Tây</td><td class=\"num\">7</td><td class=\"num\">≥ 0</td>") !=
          std::string::npos);
    CHECK(html.find("id=\"chart-sessions\"") != std::string::npos);
    CHECK(html.find("id=\"chart-procedures\"") != std::string::npos);
    CHECK(html.find("≥ 5") != std::string::npos); // the procedure's total has a suppressed day
    CHECK(html.find("href=\"/dashboard/usage.csv?period=month&amp;at=2026-11-01\"") !=
          std::string::npos);
    CHECK(html.find(code) == std::string::npos);
    CHECK(html.find(kResidentName) == std::string::npos);

    auto week = viewer.get("/dashboard/usage?period=week&at=2026-11-10");
    CHECK(week->body.find("Tuần 46/2026") != std::string::npos);
    CHECK(week->body.find("Thôn Đông</td><td class=\"num\">12<") != std::string::npos);
    CHECK(week->body.find("Thôn Tây") == std::string::npos); // its day is in another week

    auto quarter = viewer.get("/dashboard/usage?period=quarter&at=2026-11-15");
    CHECK(quarter->body.find("Quý 4/2026") != std::string::npos);
    CHECK(quarter->body.find("Thôn Đông</td><td class=\"num\">16<") != std::string::npos);

    auto csv = viewer.get("/dashboard/usage.csv?period=month&at=2026-11-15");
    REQUIRE(csv->status == 200);
    CHECK(csv->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(csv->get_header_value("Content-Disposition") ==
          "attachment; filename=\"usage-2026-11.csv\"");
    CHECK(csv->body.rfind("\xEF\xBB\xBF"
                          "from,to,village,metric,item,item_name,count,suppressed_days\r\n",
                          0) == 0);
    CHECK(csv->body.find("2026-11-01,2026-11-30,Thôn Đông,sessions,,,12,0\r\n") !=
          std::string::npos);
    CHECK(csv->body.find("2026-11-01,2026-11-30,Thôn Tây,dossiers,1.001193,1.001193,0,1\r\n") !=
          std::string::npos);
    CHECK(csv->body.find(",4,") == std::string::npos); // December is not in November
    CHECK(csv->body.find(kResidentName) == std::string::npos);

    WebClient stranger(d.rig.port);
    CHECK(stranger.get("/dashboard/usage.csv?period=month&at=2026-11-15")->status == 303);
}

TEST_CASE("digital skills: completions per 100 adults, populations entered by an admin only",
          "[fleet][dashboard]") {
    DashboardRig d;
    d.usageOfNovember();
    WebClient viewer(d.rig.port);
    REQUIRE(viewer.signIn("doan-thanh-nien", kViewerPass) == 303);
    auto viewerPage = viewer.get("/dashboard/skills");
    REQUIRE(viewerPage->status == 200);
    CHECK(viewerPage->body.find("/dashboard/skills/population") == std::string::npos);
    std::string viewerCsrf = WebClient::field(viewerPage->body, "csrf");
    CHECK(viewer
              .post("/dashboard/skills/population",
                    {{"csrf", viewerCsrf}, {"village", "Thôn Đông"}, {"adults", "1"}})
              ->status == 403);

    WebClient admin(d.rig.port);
    REQUIRE(admin.signIn("quan-tri", kAdminPass) == 303);
    auto page = admin.get("/dashboard/skills");
    std::string csrf = WebClient::field(page->body, "csrf");
    REQUIRE_FALSE(csrf.empty());
    CHECK(admin.post("/dashboard/skills/population", {{"village", "Thôn Đông"}, {"adults", "400"}})
              ->status == 403); // no CSRF token
    CHECK(admin
              .post("/dashboard/skills/population",
                    {{"csrf", "forged"}, {"village", "Thôn Đông"}, {"adults", "400"}})
              ->status == 403);
    CHECK(admin
              .post("/dashboard/skills/population",
                    {{"csrf", csrf}, {"village", "Thôn Đông"}, {"adults", "-3"}})
              ->status == 400);
    CHECK(admin
              .post("/dashboard/skills/population",
                    {{"csrf", csrf}, {"village", "Thôn Đông"}, {"adults", "400"}})
              ->status == 303);
    CHECK(admin
              .post("/dashboard/skills/population",
                    {{"csrf", csrf}, {"village", "Thôn Tây"}, {"adults", "300"}})
              ->status == 303);

    auto skills = viewer.get("/dashboard/skills");
    const std::string& html = skills->body;
    // Đông: 40 completions / 400 adults = 10 per 100; Tây: none yet, so it is behind (red).
    CHECK(html.find("<tr><td>Thôn Đông</td><td class=\"num\">400</td><td class=\"num\">40</td>"
                    "<td class=\"num\">10</td>") != std::string::npos);
    CHECK(html.find("<tr class=\"problem\"><td>Thôn Tây</td><td class=\"num\">300</td>") !=
          std::string::npos);
    CHECK(html.find("<tr><td>Thôn Bắc</td><td class=\"num\">—</td>") != std::string::npos);
    CHECK(html.find("id=\"chart-skills\"") != std::string::npos);
    auto populations = d.rig.server->fleet().populations().value();
    REQUIRE(populations.size() == 2);
    CHECK(populations[0].adults + populations[1].adults == 700);
}
