// The assisted-mode effects performed with real stores: PIN checks off the UI thread, content
// packs found on a "stick" folder, installed with progress and rolled back.
#include "drivers/common/overloaded.hpp"
#include "kiosk/app/assist_services.hpp"
#include "kiosk/usage/usage_log.hpp"
#include "tests/kiosk/content/pack_test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>
#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

// 2026-11-25 10:00 in Vietnam.
constexpr std::int64_t kNowUnix = 1795575600;

struct Fixture {
    test::PackFixture packs;
    Config config;
    std::ostringstream logs;
    Logger logger{logs, LogLevel::Debug};
    std::unique_ptr<VolunteerStore> volunteers;
    std::filesystem::path stick = packs.temp.path() / "stick";
    SteadyTime t0 = SteadyTime{} + 1000s;

    Fixture() {
        VolunteerStoreOptions options;
        options.hashParams = PinHashParams{1 << 10, 8, 1};
        options.lockout.freeAttempts = 2;
        auto store = VolunteerStore::open(packs.temp.path() / "assist.db", options, nullptr,
                                          [] { return std::chrono::system_clock::now(); });
        REQUIRE(store.ok());
        volunteers = std::move(*store);
        std::filesystem::create_directories(stick);
    }

    std::filesystem::path spool = usbExportSpoolPath(packs.temp.path());

    // Exports wait without sleeping; `helper` (when set) plays kiosk-usb-export at the first look.
    AssistPaths paths(std::function<void()> helper = {}) const {
        UsbExportWait wait;
        wait.timeout = 1000ms;
        wait.pollEvery = 250ms;
        wait.sleep = [helper, ran = std::make_shared<bool>(false)](std::chrono::milliseconds) {
            if (helper && !*ran) {
                *ran = true;
                helper();
            }
        };
        return {packs.temp.path() / "usage.db", packs.trust, stick, spool, wait};
    }

    // The real helper script on plain folders: no root, no remount.
    void runHelper() const {
        std::string command = "KIOSK_EXPORT_SPOOL='" + spool.string() + "' KIOSK_USB_MOUNT='" +
                              stick.string() + "' KIOSK_EXPORT_USER= KIOSK_EXPORT_REMOUNT=no '" +
                              KIOSK_SOURCE_DIR "/systemd/kiosk-usb-export' 2>/dev/null";
        CHECK(std::system(command.c_str()) == 0);
    }

    void emptyUsageDatabase() const {
        // An empty usage database is enough: the report is all zeros.
        UsageLogOptions options;
        options.databasePath = packs.temp.path() / "usage.db";
        UsageLog log(options, nullptr, [] { return std::chrono::system_clock::now(); });
        log.flush();
    }
};

// The services with the queue their answers come through, as the runtime holds them.
struct AssistHarness {
    ServiceQueue events;
    VolunteerStoreSlot volunteerSlot;
    AssistServices services;
    AssistHarness(VolunteerStore* volunteers, ContentStore* content, AssistPaths paths)
        : volunteerSlot(volunteers)
        , services(&volunteerSlot, content, std::move(paths), {}, events) {}

    // Hands the queued answers to the flow, as KioskRuntime::update does.
    void deliver(Flow& flow) {
        for (ServiceEvent& event : events.take()) {
            if (auto* done = std::get_if<service::AssistDone>(&event)) {
                done->apply(flow);
            } else if (auto* progress = std::get_if<service::InstallProgress>(&event)) {
                flow.installProgress(progress->bytesDone, progress->bytesTotal);
            }
        }
    }
    bool busy() const { return services.busy(); }
    bool activatePendingContent(Flow& flow) { return services.activatePendingContent(flow); }
};

// Delivers background results until nothing is left in flight.
void settle(AssistHarness& services, Flow& flow) {
    for (int i = 0; i < 2000; ++i) {
        services.deliver(flow);
        if (!services.busy()) {
            services.deliver(flow);
            return;
        }
        std::this_thread::sleep_for(2ms);
    }
    FAIL("background work did not finish");
}

// Performs the flow's effects, and those their results ask for, until none are left.
void performAll(AssistHarness& services, Flow& flow) {
    for (int round = 0; round < 10; ++round) {
        auto effects = flow.takeEffects();
        if (effects.empty()) {
            return;
        }
        for (const Effect& effect : effects) {
            bool assistWork =
                std::visit(Overloaded{[&]<AlternativeOf<AssistEffect> T>(const T& work) {
                                          services.services.perform(work, flow);
                                          return true;
                                      },
                                      [](const auto&) { return false; }},
                           effect);
            CHECK(assistWork);
        }
        settle(services, flow);
    }
}

void pressPin(Flow& flow, std::string_view digits, SteadyTime now) {
    for (char c : digits) {
        input::KeyDef key;
        key.character = static_cast<char32_t>(c);
        flow.apply(intent::PinKey{key}, now);
    }
    input::KeyDef done;
    done.action = input::KeyAction::Done;
    flow.apply(intent::PinKey{done}, now);
}

} // namespace

TEST_CASE("a volunteer signs in through the real store, off the UI thread", "[assist_flow]") {
    Fixture f;
    auto ha = f.volunteers->addVolunteer("Chị Hà", "2468");
    REQUIRE(ha.ok());
    AssistHarness services(f.volunteers.get(), nullptr, f.paths());
    Flow flow(f.config, f.logger, [] { return kNowUnix; });

    flow.apply(intent::Open{Screen::Help}, f.t0);
    flow.apply(intent::OpenVolunteerSignIn{}, f.t0);
    performAll(services, flow);
    REQUIRE(flow.state().assist.volunteers.size() == 1);
    flow.apply(intent::ChooseVolunteer{ha->id}, f.t0);

    pressPin(flow, "1111", f.t0);
    performAll(services, flow);
    REQUIRE(flow.state().assist.pin.lastResult);
    // Two free attempts in this test's policy: the first wrong PIN is only "wrong"...
    CHECK(flow.state().assist.pin.lastResult->outcome == PinCheckOutcome::Wrong);
    pressPin(flow, "1111", f.t0);
    performAll(services, flow);
    // ...the second starts a lockout, and the pad says how long.
    REQUIRE(flow.state().assist.pin.lastResult);
    CHECK(flow.state().assist.pin.lastResult->outcome == PinCheckOutcome::Locked);
    CHECK(flow.state().assist.pin.lastResult->lockedSeconds > 0);
    CHECK_FALSE(flow.state().assist.signedIn);
}

TEST_CASE("the right volunteer PIN signs in and names the volunteer on the banner",
          "[assist_flow]") {
    Fixture f;
    auto ha = f.volunteers->addVolunteer("Chị Hà", "2468");
    REQUIRE(ha.ok());
    AssistHarness services(f.volunteers.get(), nullptr, f.paths());
    Flow flow(f.config, f.logger, [] { return kNowUnix; });
    flow.apply(intent::OpenVolunteerSignIn{}, f.t0);
    performAll(services, flow);
    flow.apply(intent::ChooseVolunteer{ha->id}, f.t0);
    pressPin(flow, "2468", f.t0);
    performAll(services, flow);
    CHECK(flow.state().assist.signedIn);
    CHECK(flow.state().assist.displayName == "Chị Hà");
}

TEST_CASE("pin check results map the store's errors", "[assist_flow]") {
    CHECK(pinCheckResult(ok(), 0s, "Hà").outcome == PinCheckOutcome::Ok);
    CHECK(pinCheckResult(makeError("assist.wrong_pin", ""), 0s, {}).outcome ==
          PinCheckOutcome::Wrong);
    auto locked = pinCheckResult(makeError("assist.locked", ""), 30s, {});
    CHECK(locked.outcome == PinCheckOutcome::Locked);
    CHECK(locked.lockedSeconds == 30);
    CHECK(pinCheckResult(makeError("assist.no_maintainer_pin", ""), 0s, {}).outcome ==
          PinCheckOutcome::Unavailable);
}

TEST_CASE("a pack on the stick is inspected, installed with progress and rolled back",
          "[maintainer]") {
    Fixture f;
    REQUIRE(f.volunteers->setMaintainerPin("135790").ok());
    auto opened = ContentStore::open(f.packs.store);
    REQUIRE(opened.ok());
    ContentStore content = std::move(*opened);
    REQUIRE(
        content.installPack(f.packs.build(test::sampleFiles("a"), 1, "one"), f.packs.trust).ok());
    REQUIRE(content.activate().ok());
    test::FileMap next = test::sampleFiles("b");
    next["procedures/marriage.json"] = R"({"title":{"vi":"Đăng ký kết hôn"}})";
    next.erase("procedures/residence.json");
    std::filesystem::copy_file(f.packs.build(next, 2, "two"), f.stick / "two.kpack");

    AssistHarness services(f.volunteers.get(), &content, f.paths());
    Flow flow(f.config, f.logger, [] { return kNowUnix; });
    flow.apply(intent::OpenMaintainer{}, f.t0);
    pressPin(flow, "135790", f.t0);
    performAll(services, flow);
    REQUIRE(flow.state().assist.maintainerUnlocked);
    flow.takeEffects();

    flow.apply(intent::ChooseMaintainerTab{MaintainerTab::Content}, f.t0);
    performAll(services, flow);
    const ContentView& view = flow.state().assist.content;
    REQUIRE(view.found);
    CHECK(view.found->sequence == 2);
    CHECK(view.found->newer);
    CHECK(view.found->diff.added == std::vector<std::string>{"procedures/marriage.json"});
    CHECK(view.found->diff.removed == std::vector<std::string>{"procedures/residence.json"});
    CHECK(view.found->diff.changed ==
          std::vector<std::string>{"procedures/birth-registration.json"});

    flow.apply(intent::InstallFoundPack{}, f.t0);
    performAll(services, flow); // the install, then the refreshed status
    CHECK(view.install == JobState::Done);
    CHECK(view.installedVersion == "v2");
    CHECK(view.bytesDone == view.bytesTotal);
    CHECK(view.bytesTotal > 0);
    REQUIRE(view.current);
    CHECK(view.current->sequence == 2);
    CHECK_FALSE(view.found->newer); // the same pack is not offered again
    // Residents keep the old content until the session (the maintainer's too) is over.
    CHECK_FALSE(services.activatePendingContent(flow));
    CHECK(content.sequence() == 1);
    flow.apply(intent::StartOver{}, f.t0);
    CHECK(services.activatePendingContent(flow));
    CHECK(content.sequence() == 2);
    CHECK_FALSE(view.switchPending);

    flow.apply(intent::OpenMaintainer{}, f.t0);
    pressPin(flow, "135790", f.t0);
    performAll(services, flow);
    REQUIRE(view.previous);
    flow.apply(intent::RollbackContent{}, f.t0);
    performAll(services, flow);
    CHECK(view.rollback == JobState::Done);
    CHECK(view.current->sequence == 1);
}

TEST_CASE("a resident session holds back the content switch", "[maintainer]") {
    Fixture f;
    auto opened = ContentStore::open(f.packs.store);
    REQUIRE(opened.ok());
    ContentStore content = std::move(*opened);
    REQUIRE(
        content.installPack(f.packs.build(test::sampleFiles("a"), 1, "one"), f.packs.trust).ok());
    AssistHarness services(nullptr, &content, f.paths());
    Flow flow(f.config, f.logger, [] { return kNowUnix; });
    flow.apply(intent::Open{Screen::Help}, f.t0);
    CHECK_FALSE(services.activatePendingContent(flow));
    CHECK_FALSE(content.hasContent());
    flow.apply(intent::StartOver{}, f.t0);
    CHECK(services.activatePendingContent(flow));
    CHECK(content.hasContent());
}

TEST_CASE("report export saves the CSV on the stick through the helper, under a dated name",
          "[maintainer][usb_export]") {
    Fixture f;
    REQUIRE(f.volunteers->setMaintainerPin("135790").ok());
    f.emptyUsageDatabase();
    AssistHarness services(f.volunteers.get(), nullptr, f.paths([&f] { f.runHelper(); }));
    Flow flow(f.config, f.logger, [] { return kNowUnix; });
    flow.apply(intent::OpenMaintainer{}, f.t0);
    pressPin(flow, "135790", f.t0);
    performAll(services, flow); // the PIN, then the report of today
    REQUIRE(flow.state().assist.reports.report);
    flow.apply(intent::ExportReport{}, f.t0);
    performAll(services, flow);
    const ReportView& reports = flow.state().assist.reports;
    CHECK(reports.exportState == JobState::Done);
    CHECK(reports.exportOutcome == UsbExportOutcome::Saved);
    CHECK(reports.exportDetail == "kiosk-reports/kiosk-report-2026-11-25_2026-11-25.csv");
    CHECK(std::filesystem::exists(f.stick / "kiosk-reports" /
                                  "kiosk-report-2026-11-25_2026-11-25.csv"));
    CHECK(reportFileName(flow.state().assist.reports.report->range) ==
          "kiosk-report-2026-11-25_2026-11-25.csv");
    CHECK(f.logs.str().find("usb_export_saved") != std::string::npos);
}

TEST_CASE("report export without the helper fails as no_helper instead of hanging",
          "[maintainer][usb_export]") {
    Fixture f;
    f.emptyUsageDatabase();
    Flow flow(f.config, f.logger, [] { return kNowUnix; });
    AssistHarness services(f.volunteers.get(), nullptr, f.paths());
    REQUIRE(f.volunteers->setMaintainerPin("135790").ok());
    flow.apply(intent::OpenMaintainer{}, f.t0);
    pressPin(flow, "135790", f.t0);
    performAll(services, flow);
    flow.apply(intent::ExportReport{}, f.t0);
    performAll(services, flow);
    const ReportView& reports = flow.state().assist.reports;
    CHECK(reports.exportState == JobState::Failed);
    CHECK(reports.exportOutcome == UsbExportOutcome::NoHelper);
    CHECK(std::filesystem::is_empty(f.stick));
    CHECK_FALSE(std::filesystem::exists(f.spool / "request"));
    CHECK(f.logs.str().find("no_helper") != std::string::npos);
}

TEST_CASE("report export with no stick in says so", "[maintainer][usb_export]") {
    Fixture f;
    f.emptyUsageDatabase();
    std::filesystem::remove(f.stick);
    Flow flow(f.config, f.logger, [] { return kNowUnix; });
    AssistHarness services(f.volunteers.get(), nullptr, f.paths([&f] { f.runHelper(); }));
    REQUIRE(f.volunteers->setMaintainerPin("135790").ok());
    flow.apply(intent::OpenMaintainer{}, f.t0);
    pressPin(flow, "135790", f.t0);
    performAll(services, flow);
    flow.apply(intent::ExportReport{}, f.t0);
    performAll(services, flow);
    CHECK(flow.state().assist.reports.exportState == JobState::Failed);
    CHECK(flow.state().assist.reports.exportOutcome == UsbExportOutcome::NoStick);
}
