// The kiosk's side of the commune dashboard: heartbeat and daily aggregates, from typed state to
// the reference gateway over loopback; offline days wait and go out oldest first; several kiosks
// (one out of paper, one that cannot reach the gateway) show up on the dashboard as they are.
#include "drivers/printer/simulated_printer.hpp"
#include "kiosk/app/scripted_resident.hpp"
#include "kiosk/fleet/fleet_reporter.hpp"
#include "kiosk/programs/gateway/fleet_store.hpp"
#include "kiosk/usage/usage_log.hpp"
#include "tests/kiosk/gateway/web_client.hpp"
#include "tests/kiosk/runtime/runtime_rig.hpp"
#include "tests/kiosk/usage/usage_test_support.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace kiosk;

namespace {

constexpr const char* kFleetDong = "vt-dong";
constexpr const char* kFleetDongSecret = "secret-dong-0123456789";
constexpr const char* kFleetTay = "vt-tay";
constexpr const char* kFleetTaySecret = "secret-tay-01234567890";
constexpr const char* kFleetViewerPass = "mat-khau-xem-2026";

std::chrono::sys_days fleetToday() {
    return kioskToday(std::chrono::system_clock::now(), std::chrono::minutes(7 * 60));
}

// Usage on a past day, written by the usage log itself with its clock set to that day.
void recordPastUsage(const std::filesystem::path& database, std::chrono::sys_days day, int sessions,
                     int dossiers) {
    testing::FakeWallClock clock(testing::localTime(day, 10));
    UsageLogOptions options;
    options.databasePath = database;
    UsageLog log(options, nullptr, clock.function());
    auto birth = ProcedureCode::parse("1.001193");
    REQUIRE(birth.ok());
    for (int i = 0; i < sessions; ++i) {
        UsageSession session{*newUsageSessionId(), Assisted::No, 0};
        REQUIRE(log.record(UsageEvent::sessionStarted(session, Language::Vietnamese)).ok());
        if (i < dossiers) {
            REQUIRE(
                log.record(UsageEvent::dossier(session, *birth, DossierOutcome::Submitted)).ok());
        }
    }
    log.flush();
}

// Passes every report to the real HTTP client and keeps what was asked, in order.
class RecordingClient final : public GatewayClient {
public:
    explicit RecordingClient(std::unique_ptr<GatewayClient> inner, std::vector<std::string>* days)
        : inner_(std::move(inner))
        , days_(days) {}
    GatewayOutcome<SubmitReceipt> submit(const SubmitRequest& request) override {
        return inner_->submit(request);
    }
    GatewayOutcome<StatusReply> status(const std::string& code) override {
        return inner_->status(code);
    }
    GatewayOutcome<bool> report(const std::string& path, const std::string& body) override {
        auto outcome = inner_->report(path, body);
        if (outcome.ok() && path == kAggregatePath) {
            days_->push_back(nlohmann::json::parse(body).at("day").get<std::string>());
        }
        return outcome;
    }

private:
    std::unique_ptr<GatewayClient> inner_;
    std::vector<std::string>* days_;
};

// A loopback port that refuses connections for as long as it is held: bound, never listening.
struct RefusingPort {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int port = 0;
    RefusingPort() {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        socklen_t length = sizeof address;
        REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        port = ntohs(address.sin_port);
    }
    ~RefusingPort() { ::close(fd); }
};

// One more kiosk on the rig's gateway: its own id, secret and data folder, simulated devices.
struct FleetKiosk {
    testing::TempDir dir;
    Config config;
    std::ostringstream logs;
    Logger logger{logs, LogLevel::Debug};
    std::unique_ptr<KioskRuntime> runtime;

    FleetKiosk(testing::GatewayRig& gateway, const std::string& id, const std::string& secret,
               const std::string& url)
        : config(testing::simulatedKioskConfig(gateway, dir.path(), id, secret, url)) {}
    void start() {
        runtime = std::make_unique<KioskRuntime>(config, logger, simulatedRuntimeOptions());
        runtime->startServices();
    }
    // One pass of the window's loop at `now`; then waits for the reporter to finish.
    void updateAndReport(SteadyTime now) {
        runtime->update(now);
        if (FleetReporter* reporter = runtime->fleetReporter()) {
            reporter->waitIdle();
        }
    }
};

} // namespace

TEST_CASE("heartbeat and aggregate bodies are what the gateway's own parser accepts, with "
          "small counts suppressed",
          "[fleet]") {
    HeartbeatReport beat;
    beat.appVersion = "0.1.0";
    beat.contentSequence = 12;
    beat.printer = PrinterState::NoPaper;
    beat.reader = ReaderState::Disconnected;
    beat.outboxPending = 3;
    beat.freeDiskMb = 812;
    beat.errorCodes = {4003, 8100};
    auto parsed = parseHeartbeat(heartbeatBody(beat, "vt-dong"), "vt-dong");
    REQUIRE(parsed.ok());
    CHECK(parsed->printer == "paper_out");
    CHECK(parsed->reader == "not_connected");
    CHECK(parsed->outboxPending == 3);
    CHECK(parsed->errorCodes == std::vector<std::string>{"KIOSK-4003", "KIOSK-8100"});
    // Every device state has a word the gateway takes.
    for (PrinterState state :
         {PrinterState::Unknown, PrinterState::Ready, PrinterState::PaperNearEnd,
          PrinterState::NoPaper, PrinterState::CoverOpen, PrinterState::Offline,
          PrinterState::Error, PrinterState::Disconnected}) {
        for (ReaderState reader :
             {ReaderState::Unknown, ReaderState::NoCard, ReaderState::CardPresent,
              ReaderState::Error, ReaderState::Disconnected}) {
            beat.printer = state;
            beat.reader = reader;
            CHECK(parseHeartbeat(heartbeatBody(beat, "k"), "k").ok());
        }
    }

    UsageReport report;
    report.sessions = 12;
    report.assistedSessions = 2;
    report.procedures = {{"1.001193", 6, 5, 1, 0}, {"2.000986", 1, 1, 0, 0}};
    report.lessons = {{"vneid-activation", 7}};
    report.screens = {{"lookup_result", 5}, {"lesson_step", 9}};
    auto day = std::chrono::sys_days(std::chrono::year(2026) / 12 / 3);
    DailyAggregateReport aggregate = dailyAggregateFrom(report, day);
    auto stored = parseDailyAggregate(aggregateBody(aggregate, "vt-dong"), "vt-dong");
    REQUIRE(stored.ok());
    CHECK(stored->day == "2026-12-03");
    std::map<std::string, std::int64_t> counts;
    for (const UsageCount& count : stored->counts) {
        counts[count.metric + "/" + count.item] = count.count;
    }
    CHECK(counts.at("sessions/") == 12);
    CHECK(counts.at("assisted/") == -1);        // 2: suppressed
    CHECK(counts.at("dossiers/1.001193") == 6); // submitted and queued
    CHECK(counts.at("dossiers/2.000986") == -1);
    CHECK(counts.at("lookups/") == 5);
    CHECK(counts.at("lessons_started/") == 9);
    CHECK(counts.at("lessons_completed/vneid-activation") == 7);
    CHECK_FALSE(counts.contains("ratings/")); // zero counts are left out
}

TEST_CASE("days of usage wait while the gateway is away and go out oldest first, once", "[fleet]") {
    testing::GatewayRig gateway;
    testing::TempDir dir;
    std::chrono::sys_days today = fleetToday();
    recordPastUsage(dir / "usage.db", today - std::chrono::days(3), 9, 6);
    recordPastUsage(dir / "usage.db", today - std::chrono::days(1), 7, 2);
    recordPastUsage(dir / "usage.db", today, 5, 5); // today is not over: not sent
    std::vector<std::string> days;
    FleetReporterOptions options;
    options.kioskId = testing::kKioskId;
    options.usageDatabase = dir / "usage.db";
    options.stateFile = dir / "fleet-reports.json";
    std::ostringstream logs;
    Logger logger(logs);
    FleetReporter reporter(
        std::make_unique<RecordingClient>(makeHttpGatewayClient(gateway.endpoint), &days), options,
        &logger);
    HeartbeatReport beat;
    beat.appVersion = "0.1.0";

    gateway.stopServer();
    FleetPass away = reporter.sendNow(beat);
    CHECK_FALSE(away.heartbeatSent);
    REQUIRE(away.failure);
    CHECK(away.failure->kind == FailureKind::Offline);
    CHECK_FALSE(reporter.sentThrough());
    CHECK(reporter.sendNow(beat).failure); // still away: logged once, not twice
    CHECK(logs.str().find("fleet_report_failed") == logs.str().rfind("fleet_report_failed"));

    gateway.startServer(); // back on the same port
    FleetPass back = reporter.sendNow(beat);
    CHECK(back.heartbeatSent);
    CHECK_FALSE(back.failure);
    CHECK(back.aggregatesSent == 2);
    CHECK(days == std::vector<std::string>{formatIsoDate(today - std::chrono::days(3)),
                                           formatIsoDate(today - std::chrono::days(1))});
    CHECK(reporter.sentThrough() == today - std::chrono::days(1));
    CHECK(logs.str().find("fleet_reports_resumed") != std::string::npos);
    auto usage = gateway.server->fleet().usage(formatIsoDate(today - std::chrono::days(7)),
                                               formatIsoDate(today), "");
    REQUIRE(usage.ok());
    std::int64_t sessions = 0;
    std::int64_t dossiers = 0;
    for (const auto& row : *usage) {
        sessions += row.metric == "sessions" ? row.count : 0;
        dossiers += row.metric == "dossiers" ? row.count : 0;
    }
    CHECK(sessions == 16);
    CHECK(dossiers == 6); // yesterday's 2 travelled as "fewer than 5"

    // The mark is on disk: a restarted kiosk does not send the same days again.
    days.clear();
    FleetReporter restarted(
        std::make_unique<RecordingClient>(makeHttpGatewayClient(gateway.endpoint), &days), options,
        nullptr);
    CHECK(restarted.sendNow(beat).aggregatesSent == 0);
    CHECK(days.empty());
}

TEST_CASE("three kiosks report to one gateway: the one out of paper and the one that cannot "
          "reach it show up on the dashboard",
          "[fleet][runtime]") {
    testing::RuntimeRig rig; // the Bắc kiosk, with the gateway
    rig.gateway.stopServer();
    rig.gateway.serverOptions.kioskSecrets[kFleetDong] = kFleetDongSecret;
    rig.gateway.serverOptions.kioskSecrets[kFleetTay] = kFleetTaySecret;
    rig.gateway.startServer();
    InboxStore& inbox = rig.gateway.server->inbox();
    REQUIRE(inbox.placeKiosk({testing::kKioskId, "Thôn Bắc", "Vĩnh Tường"}).ok());
    REQUIRE(inbox.placeKiosk({kFleetDong, "Thôn Đông", "Vĩnh Tường"}).ok());
    REQUIRE(inbox.placeKiosk({kFleetTay, "Thôn Tây", "Vĩnh Tường"}).ok());
    REQUIRE(rig.gateway.server->accounts()
                .addAccount({"doan-thanh-nien", Role::Viewer, "Tổ công nghệ số"}, kFleetViewerPass,
                            false)
                .ok());
    // Bắc helped residents yesterday; the log keeps it until the gateway has it.
    std::chrono::sys_days yesterday = fleetToday() - std::chrono::days(1);
    recordPastUsage(usageDatabasePath(rig.config.paths.dataDir), yesterday, 8, 6);

    FleetKiosk dong(rig.gateway, kFleetDong, kFleetDongSecret, rig.gateway.endpoint.baseUrl);
    RefusingPort nowhere;
    FleetKiosk tay(rig.gateway, kFleetTay, kFleetTaySecret,
                   "http://127.0.0.1:" + std::to_string(nowhere.port));
    rig.start();
    dong.start();
    tay.start();
    REQUIRE(rig.runtime->fleetReporter() != nullptr);

    // A resident submits a dossier at Bắc; the heartbeats at start have gone out meanwhile.
    const Procedure* birth = rig.runtime->catalog()->findProcedure("1.001193");
    REQUIRE(birth != nullptr);
    ScriptedResident resident(rig.flow(), std::chrono::steady_clock::now(),
                              [&rig] { rig.runtime->update(std::chrono::steady_clock::now()); });
    resident.startProcedure(*birth);
    FieldValues answers = syntheticAnswers(*birth, *rig.runtime->catalog(), {2026, 11, 25});
    for (int guard = 0; rig.state().screen == Screen::FormGroup && guard < 12; ++guard) {
        resident.fillCurrentGroup(*birth, answers);
        resident.tap(intent::Next{});
    }
    resident.tap(intent::Next{});
    resident.tap(intent::Next{});
    resident.tap(intent::SetConsent{true});
    resident.tap(intent::Submit{});
    REQUIRE(rig.runUntil([&] { return rig.state().screen == Screen::Result; }));
    REQUIRE(rig.state().dossier.outcome.state == SubmissionState::Accepted);

    // Đông runs out of paper; its next heartbeat (five minutes on) says so.
    auto printer = dong.runtime->services()->simulatedPrinter();
    REQUIRE(printer != nullptr);
    printer->setPaper(SimulatedPaper::Out);
    auto start = std::chrono::steady_clock::now();
    bool noticed = false;
    for (int i = 0; i < 400 && !noticed; ++i) {
        dong.runtime->update(std::chrono::steady_clock::now());
        noticed = dong.runtime->devices().printer == PrinterState::NoPaper;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE(noticed);
    auto later = start + rig.config.gateway.heartbeatInterval + std::chrono::seconds(1);
    dong.updateAndReport(later);
    rig.runtime->update(later);
    rig.runtime->fleetReporter()->waitIdle();
    tay.updateAndReport(later);

    auto kiosks = rig.gateway.server->fleet().kiosks("");
    REQUIRE(kiosks.ok());
    std::map<std::string, KioskStatusRow> byId;
    for (const KioskStatusRow& row : *kiosks) {
        byId[row.kioskId] = row;
    }
    CHECK(byId.at(testing::kKioskId).printer == "ready");
    CHECK(byId.at(testing::kKioskId).appVersion == KIOSK_VERSION);
    CHECK(byId.at(kFleetDong).printer == "paper_out");
    CHECK(byId.at(kFleetTay).lastSeen == 0); // it never got through
    auto usage =
        rig.gateway.server->fleet().usage(formatIsoDate(yesterday), formatIsoDate(yesterday), "");
    REQUIRE(usage.ok());
    bool bacSessions = false;
    for (const auto& row : *usage) {
        bacSessions = bacSessions ||
                      (row.village == "Thôn Bắc" && row.metric == "sessions" && row.count == 8);
    }
    CHECK(bacSessions);
    CHECK(tay.logs.str().find("fleet_report_failed") != std::string::npos);

    testing::WebClient viewer(rig.gateway.port);
    REQUIRE(viewer.signIn("doan-thanh-nien", kFleetViewerPass) == 303);
    auto page = viewer.get("/dashboard/kiosks");
    REQUIRE(page->status == 200);
    const std::string& html = page->body;
    INFO(html);
    CHECK(html.find("Nhà văn hóa thôn Đông: máy in hết giấy từ") != std::string::npos);
    CHECK(html.find("Nhà văn hóa thôn Tây: chưa từng gửi tín hiệu") != std::string::npos);
    CHECK(html.find(std::string("<tr class=\"fine\" id=\"kiosk-") + testing::kKioskId + "\">") !=
          std::string::npos);
    // The fleet pages never carry a resident: nothing the resident typed.
    for (const auto& [field, value] : answers) {
        if (value.size() >= 8) {
            CHECK(html.find(value) == std::string::npos);
        }
    }
}
