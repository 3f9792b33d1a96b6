// The officer's inbox over real HTTP: sign-in, roles, CSRF, opening, status, access record,
// erasure.
#include "kiosk/programs/gateway/password_hash.hpp"
#include "tests/kiosk/gateway/gateway_rig.hpp"
#include "tests/kiosk/gateway/web_client.hpp"

using namespace kiosk;
using namespace kiosk::testing;

namespace {

constexpr const char* kOfficerPassword = "mat-khau-can-bo-01";
constexpr const char* kViewerPassword = "mat-khau-xem-0001";
constexpr const char* kOffice = "Bộ phận một cửa UBND xã Vĩnh Tường";

void addStaff(GatewayRig& rig) {
    REQUIRE(rig.server->accounts()
                .addAccount({"can-bo-lan", Role::Officer, kOffice}, kOfficerPassword, false)
                .ok());
    REQUIRE(rig.server->accounts()
                .addAccount({"doan-thanh-nien", Role::Viewer, "Tổ công nghệ số"}, kViewerPassword,
                            false)
                .ok());
}

std::string deliverOne(GatewayRig& rig) {
    auto entry = rig.commit("1.001193", [](const std::string& reference) {
        return nlohmann::json{{"MaTTHC", "1.001193"},
                              {"SoThamChieu", reference},
                              {"SoNgayXuLy", 3},
                              {"ChuHoSo", "Nguyễn Thị Thử Nghiệm"},
                              {"DuLieuBieuMau", {{"child_full_name", "Lê Văn Bé"}}}};
    });
    REQUIRE(rig.passNow().delivered == 1);
    return (*rig.outbox->find(entry.localReference))->dossierCode;
}

} // namespace

TEST_CASE("passwords are hashed with scrypt and only the right one verifies", "[inbox]") {
    std::string hash = hashPassword("mot-mat-khau-dai");
    CHECK(hash.rfind("scrypt$15$8$1$", 0) == 0);
    CHECK(hash.find("mot-mat-khau-dai") == std::string::npos);
    CHECK(verifyPassword("mot-mat-khau-dai", hash));
    CHECK_FALSE(verifyPassword("mot-mat-khau-dak", hash));
    CHECK_FALSE(verifyPassword("mot-mat-khau-dai", "scrypt$15$8$1$00$00"));
    CHECK(hashPassword("mot-mat-khau-dai") != hash); // a fresh salt every time
}

TEST_CASE("five wrong passwords lock the account, even against the right one", "[inbox]") {
    GatewayRig rig;
    addStaff(rig);
    AccountStore& accounts = rig.server->accounts();
    std::int64_t now = 1'800'000'000;
    for (int i = 0; i < 4; ++i) {
        CHECK(accounts.signIn("can-bo-lan", "sai", now)->outcome == SignIn::Refused);
    }
    CHECK(accounts.signIn("can-bo-lan", "sai", now)->outcome == SignIn::LockedOut);
    CHECK(accounts.signIn("can-bo-lan", kOfficerPassword, now + 60)->outcome == SignIn::LockedOut);
    auto later = accounts.signIn("can-bo-lan", kOfficerPassword, now + 901);
    CHECK(later->outcome == SignIn::Accepted);
    CHECK(accounts.session(later->token, now + 902)->has_value());
    CHECK_FALSE(accounts.session(later->token, now + 901 + 8 * 3600 + 1)->has_value());
    CHECK(accounts.signIn("nobody", kOfficerPassword, now)->outcome == SignIn::Refused);
}

TEST_CASE("an officer opens a dossier, asks for more papers, and the kiosk shows it with the "
          "access record",
          "[inbox]") {
    GatewayRig rig;
    addStaff(rig);
    std::string code = deliverOne(rig);

    WebClient officer(rig.port);
    CHECK(officer.get("/inbox")->status == 303); // not signed in: to the sign-in page
    CHECK(officer.signIn("can-bo-lan", "wrong-password") == 401);
    REQUIRE(officer.signIn("can-bo-lan", kOfficerPassword) == 303);
    CHECK(officer.cookies.contains("kg_session"));

    auto inbox = officer.get("/inbox");
    REQUIRE(inbox->status == 200);
    CHECK(inbox->body.find(code) != std::string::npos);
    CHECK(inbox->body.find("Lê Văn Bé") == std::string::npos); // the list shows no answers

    auto page = officer.get("/inbox/dossier/" + code);
    REQUIRE(page->status == 200);
    CHECK(page->body.find("Lê Văn Bé") != std::string::npos);
    CHECK(page->get_header_value("Cache-Control") == "no-store");
    std::string csrf = WebClient::field(page->body, "csrf");
    REQUIRE_FALSE(csrf.empty());

    auto print = officer.get("/inbox/dossier/" + code + "/print");
    CHECK(print->body.find("<svg") != std::string::npos);
    CHECK(print->body.find("PHIẾU HỒ SƠ") != std::string::npos);
    auto exported = officer.get("/inbox/dossier/" + code + "/export.json");
    auto json = nlohmann::json::parse(exported->body);
    CHECK(json["payload"]["DuLieuBieuMau"]["child_full_name"] == "Lê Văn Bé");

    std::string path = "/inbox/dossier/" + code + "/status";
    CHECK(officer.post(path, {{"status", "more_papers"}, {"reason", "x"}})->status == 403);
    CHECK(officer.post(path, {{"csrf", "forged"}, {"status", "more_papers"}})->status == 403);
    CHECK(
        officer.post(path, {{"csrf", csrf}, {"status", "more_papers"}, {"reason", " "}})->status ==
        400);
    auto set = officer.post(
        path,
        {{"csrf", csrf}, {"status", "more_papers"}, {"reason", "Thiếu bản sao giấy chứng sinh"}});
    CHECK(set->status == 303);

    auto status = rig.client->status(code);
    REQUIRE(status.ok());
    CHECK(status.value->status == "correcting");
    CHECK(status.value->statusReason == "Thiếu bản sao giấy chứng sinh");
    CHECK(status.value->openedCount == 3); // view, print, export
    REQUIRE(status.value->openedBy.size() == 1);
    CHECK(status.value->openedBy[0].first == kOffice);

    WebClient viewer(rig.port);
    REQUIRE(viewer.signIn("doan-thanh-nien", kViewerPassword) == 303);
    CHECK(viewer.get("/inbox")->status == 403);
    CHECK(viewer.get("/inbox/dossier/" + code)->status == 403);
    CHECK(rig.client->status(code).value->openedCount == 3); // refused openings are not openings
}

TEST_CASE("dossiers past the retention period are erased and the erasure is recorded", "[inbox]") {
    GatewayRig rig;
    std::string code = deliverOne(rig);
    InboxStore& inbox = rig.server->inbox();
    CHECK(inbox.eraseExpired(365, nowUnixSeconds()).value() == 0);
    CHECK(inbox.eraseExpired(365, nowUnixSeconds() + 366 * 86400).value() == 1);
    CHECK_FALSE(rig.server->store().findByCode(code)->has_value());
    CHECK(inbox.erasedCodes().value() == std::vector<std::string>{code});
}
