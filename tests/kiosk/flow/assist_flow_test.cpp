// Assisted mode and the maintainer screen in the flow: PIN pad, sign-in, banner flag, automatic
// sign-out, volunteer tools, and the maintainer's reports and content effects.
#include "kiosk/app/scripted_resident.hpp"
#include "kiosk/flow/flow.hpp"
#include "kiosk/procedure/procedure_loader.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

constexpr const char* kAnh = "vol-0a1b2c3d";
constexpr const char* kBinh = "vol-00ff00ff";

// 2026-11-25 10:00 in Vietnam (03:00 UTC), a Wednesday.
constexpr std::int64_t kAssistFlowNowUnix = 1795575600;

struct AssistFlowFixture {
    Config config;
    std::ostringstream logs;
    Logger logger{logs, LogLevel::Debug};
    SteadyTime t0 = SteadyTime{} + 1000s;
    AssistFlowFixture() {
        config.assisted.inactivitySignout = 900s;
        config.assisted.sessionLimit = 4h;
    }
};

Flow makeFlow(AssistFlowFixture& f) {
    return Flow(f.config, f.logger, [] { return kAssistFlowNowUnix; });
}

input::KeyDef digit(char c) {
    input::KeyDef key;
    key.label = std::string(1, c);
    key.action = input::KeyAction::Char;
    key.character = static_cast<char32_t>(c);
    return key;
}

input::KeyDef actionKey(input::KeyAction action) {
    input::KeyDef key;
    key.action = action;
    return key;
}

void typePin(Flow& flow, std::string_view pin, SteadyTime now) {
    for (char c : pin) {
        flow.apply(intent::PinKey{digit(c)}, now);
    }
    flow.apply(intent::PinKey{actionKey(input::KeyAction::Done)}, now);
}

std::vector<VolunteerEntry> volunteers() {
    return {{kAnh, "Chị Ánh", true}, {kBinh, "Anh Bình", false}};
}

// From the help screen to the PIN pad of Chị Ánh.
void toVolunteerPin(Flow& flow, SteadyTime now) {
    flow.apply(intent::Open{Screen::Help}, now);
    flow.apply(intent::OpenVolunteerSignIn{}, now);
    auto effects = flow.takeEffects();
    REQUIRE(effects.size() == 1);
    CHECK(std::holds_alternative<effect::LoadVolunteers>(effects[0]));
    flow.volunteersLoaded(volunteers());
    flow.apply(intent::ChooseVolunteer{kAnh}, now);
}

void signIn(Flow& flow, SteadyTime now) {
    toVolunteerPin(flow, now);
    typePin(flow, "2468", now);
    flow.takeEffects();
    flow.volunteerPinChecked({PinCheckOutcome::Ok, 0, 0, "Chị Ánh"});
}

void unlockMaintainer(Flow& flow, SteadyTime now) {
    flow.apply(intent::OpenMaintainer{}, now);
    typePin(flow, "135790", now);
    flow.takeEffects();
    flow.maintainerPinChecked({PinCheckOutcome::Ok, 0, 0, {}});
}

template <class T> const T* findEffect(const std::vector<Effect>& effects) {
    for (const Effect& e : effects) {
        if (auto* found = std::get_if<T>(&e)) {
            return found;
        }
    }
    return nullptr;
}

} // namespace

namespace {

// A resident's dossier (typed, not from the card) committed and queued: a receipt exists.
void residentSubmitted(Flow& flow, const ProcedureCatalog& catalog, SteadyTime now) {
    flow.setCatalog(&catalog);
    const Procedure& birth = *catalog.findProcedure("1.001193");
    FieldValues answers = syntheticAnswers(birth, catalog, CivilDate{2026, 11, 25});
    ScriptedResident resident(flow, now);
    resident.startProcedure(birth);
    for (std::size_t group = 0; group < birth.groups.size(); ++group) {
        resident.fillCurrentGroup(birth, answers);
        resident.tap(intent::Next{});
    }
    resident.tap(intent::Next{}); // documents
    resident.tap(intent::Next{}); // review
    resident.tap(intent::SetConsent{true});
    resident.tap(intent::Submit{});
    REQUIRE(flow.state().screen == Screen::Submitting);
    flow.takeEffects();
    SubmissionOutcome outcome;
    outcome.state = SubmissionState::Queued;
    outcome.localReference = "VT-20261125-0007";
    flow.submissionFinished(outcome);
    flow.takeEffects();
}

ProcedureCatalog assistFlowShippedCatalog() {
    auto loaded = loadProcedureCatalog(std::string(KIOSK_SOURCE_DIR) + "/content");
    REQUIRE(loaded.ok());
    return std::move(*loaded);
}

} // namespace

TEST_CASE("the sign-in list shows only enabled volunteers", "[assist_flow]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    flow.apply(intent::Open{Screen::Help}, f.t0);
    flow.apply(intent::OpenVolunteerSignIn{}, f.t0);
    flow.volunteersLoaded(volunteers());
    CHECK(flow.state().screen == Screen::VolunteerSignIn);
    REQUIRE(flow.state().assist.volunteers.size() == 1);
    CHECK(flow.state().assist.volunteers[0].id == kAnh);
    flow.apply(intent::ChooseVolunteer{kBinh}, f.t0); // disabled: not offered
    CHECK(flow.state().screen == Screen::VolunteerSignIn);
}

TEST_CASE("a volunteer PIN goes to the app as an effect and the pad keeps no copy",
          "[assist_flow]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    toVolunteerPin(flow, f.t0);
    CHECK(flow.state().screen == Screen::PinEntry);
    flow.apply(intent::PinKey{digit('1')}, f.t0);
    flow.apply(intent::PinKey{digit('2')}, f.t0);
    flow.apply(intent::PinKey{actionKey(input::KeyAction::Backspace)}, f.t0);
    CHECK(flow.state().assist.pin.digits == "1");
    flow.apply(intent::PinKey{actionKey(input::KeyAction::Done)}, f.t0);
    CHECK(flow.takeEffects().empty()); // too short to check
    typePin(flow, "357", f.t0);
    auto effects = flow.takeEffects();
    const auto* check = findEffect<effect::CheckVolunteerPin>(effects);
    REQUIRE(check != nullptr);
    CHECK(check->id == kAnh);
    CHECK(check->pin == "1357");
    CHECK(flow.state().assist.pin.digits.empty());
    CHECK(flow.state().assist.pin.checking);
    flow.apply(intent::PinKey{digit('9')}, f.t0); // ignored while checking
    CHECK(flow.state().assist.pin.digits.empty());
}

TEST_CASE("a right PIN signs the volunteer in and flags the session assisted", "[assist_flow]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    signIn(flow, f.t0);
    const SessionState& s = flow.state();
    CHECK(s.assist.signedIn);
    CHECK(s.assist.displayName == "Chị Ánh");
    CHECK(s.assist.volunteerId == kAnh);
    CHECK(s.screen == Screen::Help); // back where the volunteer started
    CHECK(s.assisted);
    CHECK(s.assistedBy == kAnh);
    CHECK(flow.assistSession().volunteer().has_value());
    CHECK(f.logs.str().find("Chị Ánh") == std::string::npos); // the name is never logged
}

TEST_CASE("a wrong PIN shows the tries left and a lockout shows the wait", "[assist_flow]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    toVolunteerPin(flow, f.t0);
    typePin(flow, "1111", f.t0);
    flow.volunteerPinChecked({PinCheckOutcome::Wrong, 3, 0, {}});
    const SessionState& s = flow.state();
    CHECK_FALSE(s.assist.signedIn);
    CHECK(s.screen == Screen::PinEntry);
    REQUIRE(s.assist.pin.lastResult);
    CHECK(s.assist.pin.lastResult->triesLeft == 3);
    CHECK_FALSE(s.assist.pin.checking);

    typePin(flow, "2222", f.t0);
    flow.volunteerPinChecked({PinCheckOutcome::Locked, 0, 30, {}});
    REQUIRE(s.assist.pin.lastResult);
    CHECK(s.assist.pin.lastResult->outcome == PinCheckOutcome::Locked);
    CHECK(s.assist.pin.lastResult->lockedSeconds == 30);
    CHECK_FALSE(s.assist.signedIn);
}

TEST_CASE("a PIN answer after the pad was left is ignored", "[assist_flow]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    toVolunteerPin(flow, f.t0);
    flow.volunteerPinChecked({PinCheckOutcome::Ok, 0, 0, "Chị Ánh"}); // nothing was asked
    CHECK_FALSE(flow.state().assist.signedIn);
}

TEST_CASE("assisted mode survives the resident's wipe and flags the next session",
          "[assist_flow]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    signIn(flow, f.t0);
    flow.apply(intent::StartOver{}, f.t0 + 1s);
    CHECK_FALSE(flow.state().active);
    CHECK(flow.state().assist.signedIn);
    flow.apply(intent::Open{Screen::Lookup}, f.t0 + 2s);
    CHECK(flow.state().active);
    CHECK(flow.state().assisted);
    CHECK(flow.state().assistedBy == kAnh);
}

TEST_CASE("sessions without a volunteer are not flagged", "[assist_flow]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    flow.apply(intent::Open{Screen::Lookup}, f.t0);
    CHECK_FALSE(flow.state().assisted);
    CHECK(flow.state().assistedBy.empty());
}

TEST_CASE("the volunteer is signed out after inactivity", "[assist_flow]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    signIn(flow, f.t0);
    CHECK(flow.nextDeadline().has_value());
    flow.tick(f.t0 + 899s);
    CHECK(flow.state().assist.signedIn);
    CHECK(flow.tick(f.t0 + 901s));
    CHECK_FALSE(flow.state().assist.signedIn);
    CHECK(flow.state().assist.lastEnd == AssistEnd::Inactivity);
    CHECK(f.logs.str().find("inactivity") != std::string::npos);
}

TEST_CASE("the volunteer is signed out at the overall limit even while busy", "[assist_flow]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    signIn(flow, f.t0);
    for (auto t = f.t0; t < f.t0 + 4h; t += 10min) {
        flow.noteInput(t);
        flow.tick(t);
        REQUIRE(flow.state().assist.signedIn);
    }
    flow.tick(f.t0 + 4h + 1s);
    CHECK_FALSE(flow.state().assist.signedIn);
    CHECK(flow.state().assist.lastEnd == AssistEnd::SessionLimit);
}

TEST_CASE("the volunteer tools reprint, retry the outbox and sign out", "[assist_flow]") {
    AssistFlowFixture f;
    ProcedureCatalog catalog = assistFlowShippedCatalog();
    Flow flow = makeFlow(f);
    flow.apply(intent::OpenVolunteerTools{}, f.t0); // nobody signed in: no tools
    CHECK(flow.state().screen == Screen::Home);

    residentSubmitted(flow, catalog, f.t0);
    signIn(flow, f.t0);
    flow.apply(intent::OpenVolunteerTools{}, f.t0);
    CHECK(flow.state().screen == Screen::VolunteerTools);
    CHECK(findEffect<effect::LoadVolunteerTools>(flow.takeEffects()) != nullptr);
    VolunteerToolsState tools;
    tools.outboxPending = 2;
    tools.outboxDelivered = 14;
    tools.outboxNeedsAttention = 1;
    flow.volunteerToolsLoaded(tools);
    CHECK(flow.state().assist.tools.loaded);
    CHECK(flow.state().assist.tools.outboxPending == 2);

    flow.apply(intent::ReprintLastReceipt{}, f.t0);
    CHECK(findEffect<effect::ReprintLastReceipt>(flow.takeEffects()) != nullptr);
    CHECK(flow.state().assist.tools.reprint == VolunteerToolsState::Reprint::Printing);
    flow.reprintFinished(VolunteerToolsState::Reprint::Printed);
    CHECK(flow.state().assist.tools.reprint == VolunteerToolsState::Reprint::Printed);

    flow.apply(intent::RetryOutbox{}, f.t0);
    CHECK(findEffect<effect::RetryOutbox>(flow.takeEffects()) != nullptr);
    CHECK(flow.state().assist.tools.retrying);
    tools.outboxPending = 0;
    flow.volunteerToolsLoaded(tools);
    CHECK_FALSE(flow.state().assist.tools.retrying);
    CHECK(flow.state().assist.tools.reprint == VolunteerToolsState::Reprint::Printed);

    flow.apply(intent::SignOutVolunteer{}, f.t0);
    CHECK_FALSE(flow.state().assist.signedIn);
    CHECK(flow.state().assist.lastEnd == AssistEnd::ByHand);
    CHECK(flow.state().screen != Screen::VolunteerTools);
    CHECK_FALSE(flow.assistSession().volunteer().has_value());
}

TEST_CASE("the maintainer screen opens only after the maintainer PIN", "[maintainer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    flow.apply(intent::OpenMaintainer{}, f.t0);
    CHECK(flow.state().screen == Screen::PinEntry);
    CHECK(flow.state().assist.pin.purpose == PinPurpose::Maintainer);
    typePin(flow, "1234", f.t0); // a maintainer PIN has at least 6 digits
    CHECK(flow.takeEffects().empty());
    for (int i = 0; i < 4; ++i) {
        flow.apply(intent::PinKey{actionKey(input::KeyAction::Backspace)}, f.t0);
    }
    typePin(flow, "123456", f.t0);
    auto effects = flow.takeEffects();
    const auto* check = findEffect<effect::CheckMaintainerPin>(effects);
    REQUIRE(check != nullptr);
    CHECK(check->pin == "123456");
    flow.maintainerPinChecked({PinCheckOutcome::Wrong, 4, 0, {}});
    CHECK(flow.state().screen == Screen::PinEntry);
    CHECK_FALSE(flow.state().assist.maintainerUnlocked);

    // Maintainer intents do nothing while locked.
    flow.apply(intent::ExportReport{}, f.t0);
    flow.apply(intent::InstallFoundPack{}, f.t0);
    CHECK(flow.takeEffects().empty());

    typePin(flow, "135790", f.t0);
    flow.takeEffects();
    flow.maintainerPinChecked({PinCheckOutcome::Ok, 0, 0, {}});
    CHECK(flow.state().screen == Screen::Maintainer);
    CHECK(flow.state().assist.maintainerUnlocked);
    auto opened = flow.takeEffects();
    const auto* build = findEffect<effect::BuildReport>(opened);
    REQUIRE(build != nullptr);
    CHECK(formatIsoDate(build->range.from) == "2026-11-25");
    CHECK(formatIsoDate(build->range.to) == "2026-11-25");

    flow.apply(intent::Back{}, f.t0);
    CHECK(flow.state().screen == Screen::Home); // the pad is not on the way back
}

TEST_CASE("the maintainer unlock ends with the session", "[maintainer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    unlockMaintainer(flow, f.t0);
    flow.apply(intent::StartOver{}, f.t0);
    CHECK_FALSE(flow.state().assist.maintainerUnlocked);
    flow.apply(intent::OpenMaintainer{}, f.t0);
    CHECK(flow.state().screen == Screen::PinEntry);
}

TEST_CASE("the maintainer can be reached from the maintenance screen and returns to it",
          "[maintainer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    flow.enterMaintenance("no content installed");
    flow.apply(intent::Open{Screen::Help}, f.t0);
    CHECK(flow.state().screen == Screen::Maintenance);
    unlockMaintainer(flow, f.t0);
    CHECK(flow.state().screen == Screen::Maintainer);
    flow.apply(intent::StartOver{}, f.t0);
    CHECK(flow.state().screen == Screen::Maintenance);
    CHECK(flow.state().maintenanceReason == "no content installed");
}

TEST_CASE("report ranges ask the app for the right days and store its snapshot", "[maintainer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    unlockMaintainer(flow, f.t0);
    flow.takeEffects();

    flow.apply(intent::ChooseReportRange{ReportRangeKind::Week}, f.t0);
    auto effects = flow.takeEffects();
    const auto* build = findEffect<effect::BuildReport>(effects);
    REQUIRE(build != nullptr);
    CHECK(formatIsoDate(build->range.from) == "2026-11-23"); // Monday
    CHECK(flow.state().assist.reports.loading);

    UsageReport report;
    report.range = build->range;
    report.sessions = 42;
    report.perDay.push_back(DayFigures{build->range.from, 20, 5, 3, 1, 0});
    flow.reportBuilt(report);
    const ReportView& view = flow.state().assist.reports;
    CHECK_FALSE(view.loading);
    REQUIRE(view.report);
    CHECK(view.report->sessions == 42);
    CHECK(view.report->perDay.size() == 1);

    flow.apply(intent::ChooseReportRange{ReportRangeKind::Custom}, f.t0);
    effects = flow.takeEffects();
    build = findEffect<effect::BuildReport>(effects);
    REQUIRE(build != nullptr);
    CHECK(formatIsoDate(build->range.from) == "2026-11-19");
    flow.apply(intent::ShiftCustomRange{intent::RangeEnd::To, 5}, f.t0); // not past today
    flow.apply(intent::ShiftCustomRange{intent::RangeEnd::From, -30}, f.t0);
    effects = flow.takeEffects();
    REQUIRE(effects.size() == 2);
    build = std::get_if<effect::BuildReport>(&effects[1]);
    REQUIRE(build != nullptr);
    CHECK(formatIsoDate(build->range.from) == "2026-10-20");
    CHECK(formatIsoDate(build->range.to) == "2026-11-25");

    flow.reportFailed("usage.db unreadable");
    CHECK(flow.state().assist.reports.failure == "usage.db unreadable");
}

TEST_CASE("export and printed summary round trip with the report's range", "[maintainer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    unlockMaintainer(flow, f.t0);
    flow.apply(intent::ChooseReportRange{ReportRangeKind::Month}, f.t0);
    flow.takeEffects();
    flow.apply(intent::ExportReport{}, f.t0);
    flow.apply(intent::ExportReport{}, f.t0); // once at a time
    flow.apply(intent::PrintReportSummary{}, f.t0);
    auto effects = flow.takeEffects();
    REQUIRE(effects.size() == 2);
    const auto* exported = std::get_if<effect::ExportReport>(&effects[0]);
    REQUIRE(exported != nullptr);
    CHECK(formatIsoDate(exported->range.from) == "2026-11-01");
    CHECK(std::holds_alternative<effect::PrintReportSummary>(effects[1]));
    CHECK(flow.state().assist.reports.exportState == JobState::Running);
    flow.reportExported(UsbExportOutcome::Saved, "kiosk-reports/kiosk-report-2026-11.csv");
    flow.reportPrinted(false);
    CHECK(flow.state().assist.reports.exportState == JobState::Done);
    CHECK(flow.state().assist.reports.exportOutcome == UsbExportOutcome::Saved);
    CHECK(flow.state().assist.reports.exportDetail == "kiosk-reports/kiosk-report-2026-11.csv");
    CHECK(flow.state().assist.reports.printState == JobState::Failed);
}

TEST_CASE("a failed export keeps why, for the message on the screen", "[maintainer][usb_export]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    unlockMaintainer(flow, f.t0);
    flow.takeEffects();
    flow.apply(intent::ExportReport{}, f.t0);
    flow.reportExported(UsbExportOutcome::StickFull, "");
    CHECK(flow.state().assist.reports.exportState == JobState::Failed);
    CHECK(flow.state().assist.reports.exportOutcome == UsbExportOutcome::StickFull);
    CHECK(f.logs.str().find("stick_full") != std::string::npos);
    // Export again once the stick has room.
    flow.apply(intent::ExportReport{}, f.t0);
    CHECK(flow.state().assist.reports.exportState == JobState::Running);
}

TEST_CASE("a report is not saved on the stick while a pack is read from it, nor the reverse",
          "[maintainer][usb_export]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    unlockMaintainer(flow, f.t0);
    flow.apply(intent::ChooseMaintainerTab{MaintainerTab::Content}, f.t0);
    ContentView found;
    found.found =
        FoundPackInfo{"/media/kiosk-usb/pack.kpack", "vinh-tuong", 7, "2026.11", 1000, {}, true};
    flow.contentInspected(found);
    flow.takeEffects();

    flow.apply(intent::InstallFoundPack{}, f.t0);
    REQUIRE(flow.state().assist.content.install == JobState::Running);
    flow.apply(intent::ExportReport{}, f.t0);
    CHECK(flow.state().assist.reports.exportState == JobState::Idle);
    flow.installFinished(false, "cancelled");
    flow.takeEffects();

    flow.apply(intent::ExportReport{}, f.t0);
    REQUIRE(flow.state().assist.reports.exportState == JobState::Running);
    flow.apply(intent::InstallFoundPack{}, f.t0);
    CHECK(flow.state().assist.content.install == JobState::Failed);
    auto effects = flow.takeEffects();
    CHECK(std::none_of(effects.begin(), effects.end(), [](const Effect& effect) {
        return std::holds_alternative<effect::InstallPack>(effect);
    }));
}

TEST_CASE("volunteers are enabled and disabled through effects", "[maintainer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    unlockMaintainer(flow, f.t0);
    flow.apply(intent::ChooseMaintainerTab{MaintainerTab::Volunteers}, f.t0);
    CHECK(findEffect<effect::LoadVolunteers>(flow.takeEffects()) != nullptr);
    flow.volunteersLoaded(volunteers());
    CHECK(flow.state().assist.admin.all.size() == 2);
    flow.apply(intent::SetVolunteerEnabled{kBinh, true}, f.t0);
    auto effects = flow.takeEffects();
    const auto* set = findEffect<effect::SetVolunteerEnabled>(effects);
    REQUIRE(set != nullptr);
    CHECK(set->id == kBinh);
    CHECK(set->enabled);
}

TEST_CASE("a pack found on the stick installs with progress and can be rolled back",
          "[maintainer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    unlockMaintainer(flow, f.t0);
    flow.apply(intent::ChooseMaintainerTab{MaintainerTab::Content}, f.t0);
    CHECK(findEffect<effect::InspectContent>(flow.takeEffects()) != nullptr);

    ContentView view;
    view.current = VersionSummary{"7-ab12", "vn.phutho.vinhtuong", 7, "2026.11", "", 120, 1000};
    FoundPackInfo found;
    found.path = "/media/kiosk-usb/content-8.kpack";
    found.sequence = 8;
    found.displayVersion = "2026.12";
    found.bytes = 5000;
    found.diff.added = {"procedures/1.000001.json"};
    view.found = found;
    flow.contentInspected(view);
    CHECK(flow.state().assist.content.found->sequence == 8);

    flow.apply(intent::RollbackContent{}, f.t0); // nothing to roll back to
    CHECK(flow.takeEffects().empty());

    flow.apply(intent::InstallFoundPack{}, f.t0);
    flow.apply(intent::InstallFoundPack{}, f.t0); // already running
    auto effects = flow.takeEffects();
    REQUIRE(effects.size() == 1);
    const auto* install = std::get_if<effect::InstallPack>(&effects[0]);
    REQUIRE(install != nullptr);
    CHECK(install->path == found.path);
    flow.installProgress(2500, 5000);
    CHECK(flow.state().assist.content.bytesDone == 2500);

    // Watching the progress bar is not inactivity.
    flow.tick(f.t0 + 10min);
    CHECK_FALSE(flow.state().wipeAt.has_value());

    flow.installFinished(true, "2026.12");
    const ContentView& content = flow.state().assist.content;
    CHECK(content.install == JobState::Done);
    CHECK(content.installedVersion == "2026.12");
    CHECK(content.switchPending);
    CHECK(findEffect<effect::InspectContent>(flow.takeEffects()) != nullptr);

    view.previous = view.current;
    flow.contentInspected(view);
    flow.apply(intent::RollbackContent{}, f.t0);
    CHECK(findEffect<effect::RollbackContent>(flow.takeEffects()) != nullptr);
    flow.rollbackFinished(false, "content.damaged");
    CHECK(content.rollback == JobState::Failed);
    CHECK(content.failure == "content.damaged");
    flow.contentActivated();
    CHECK_FALSE(content.switchPending);
}

TEST_CASE("an older pack on the stick is not offered for install", "[maintainer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    unlockMaintainer(flow, f.t0);
    ContentView view;
    FoundPackInfo found;
    found.path = "/media/kiosk-usb/old.kpack";
    found.newer = false;
    view.found = found;
    flow.contentInspected(view);
    flow.takeEffects();
    flow.apply(intent::InstallFoundPack{}, f.t0);
    CHECK(flow.takeEffects().empty());
}

namespace {

void typeNewPin(Flow& flow, std::string_view pin, SteadyTime now) {
    for (char c : pin) {
        flow.apply(intent::AddVolunteerKey{digit(c)}, now);
    }
    flow.apply(intent::AddVolunteerKey{actionKey(input::KeyAction::Done)}, now);
}

// The name step: `keys` typed as on the keyboard (Telex), then Done.
void typeVolunteerName(Flow& flow, std::string_view keys, SteadyTime now) {
    for (char c : keys) {
        flow.apply(
            intent::AddVolunteerKey{c == ' ' ? actionKey(input::KeyAction::Space) : digit(c)}, now);
    }
    flow.apply(intent::AddVolunteerKey{actionKey(input::KeyAction::Done)}, now);
}

// The maintainer on the Volunteers tab with two volunteers, one labelled "TNV 1".
void toVolunteersTab(Flow& flow, SteadyTime now) {
    unlockMaintainer(flow, now);
    flow.apply(intent::ChooseMaintainerTab{MaintainerTab::Volunteers}, now);
    flow.takeEffects();
    flow.volunteersLoaded({{kAnh, "TNV 1", true}, {kBinh, "TNV 3", false}});
}

} // namespace

TEST_CASE("adding a volunteer labels them with the first free number and asks the PIN twice",
          "[maintainer][add_volunteer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    toVolunteersTab(flow, f.t0);
    flow.apply(intent::StartAddVolunteer{}, f.t0);
    const VolunteerEnrolment& enrol = flow.state().assist.admin.enrol;
    CHECK(enrol.step == EnrolStep::Label);
    CHECK(enrol.autoLabel == "TNV 2");
    typeVolunteerName(flow, "", f.t0); // nothing typed: the automatic label
    CHECK(enrol.step == EnrolStep::FirstPin);
    CHECK(enrol.label == "TNV 2");

    typeNewPin(flow, "2580", f.t0);
    CHECK(enrol.step == EnrolStep::SecondPin);
    CHECK(enrol.digits.empty());
    CHECK(flow.takeEffects().empty());

    typeNewPin(flow, "2580", f.t0);
    CHECK(enrol.step == EnrolStep::Saving);
    CHECK(enrol.firstPin.empty()); // the flow keeps no copy while the app stores it
    auto effects = flow.takeEffects();
    const auto* add = findEffect<effect::AddVolunteer>(effects);
    REQUIRE(add != nullptr);
    CHECK(add->label == "TNV 2");
    CHECK(std::string(add->pin.begin(), add->pin.end()) == "2580");

    flow.volunteerAdded(true, "");
    CHECK(enrol.step == EnrolStep::Added);
    flow.apply(intent::CancelAddVolunteer{}, f.t0);
    CHECK(enrol.step == EnrolStep::Closed);
    CHECK(f.logs.str().find("2580") == std::string::npos);
}

TEST_CASE("the new volunteer's name is typed on the keyboard, in Telex, before the PIN",
          "[maintainer][add_volunteer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    toVolunteersTab(flow, f.t0);
    flow.apply(intent::StartAddVolunteer{}, f.t0);
    const VolunteerEnrolment& enrol = flow.state().assist.admin.enrol;
    // PIN digits are not taken before the name is done: they go into the name.
    typeVolunteerName(flow, "chij thu haf 2 ", f.t0);
    CHECK(enrol.step == EnrolStep::FirstPin);
    CHECK(enrol.label == "Chị thu hà 2"); // trimmed; sentence case, as the keyboard shifts
    CHECK(enrol.digits.empty());
    typeNewPin(flow, "2580", f.t0);
    typeNewPin(flow, "2580", f.t0);
    auto effects = flow.takeEffects();
    const auto* add = findEffect<effect::AddVolunteer>(effects);
    REQUIRE(add != nullptr);
    CHECK(add->label == "Chị thu hà 2");
    // Only spaces typed: the automatic label, never an empty name.
    flow.volunteerAdded(true, "");
    flow.apply(intent::CancelAddVolunteer{}, f.t0);
    flow.apply(intent::StartAddVolunteer{}, f.t0);
    typeVolunteerName(flow, "   ", f.t0);
    CHECK(enrol.label == "TNV 2");
    // Cancel at the name step closes it with nothing kept.
    flow.apply(intent::CancelAddVolunteer{}, f.t0);
    flow.apply(intent::StartAddVolunteer{}, f.t0);
    flow.apply(intent::AddVolunteerKey{digit('x')}, f.t0);
    flow.apply(intent::CancelAddVolunteer{}, f.t0);
    CHECK(enrol.step == EnrolStep::Closed);
    CHECK(enrol.name == nullptr);
}

TEST_CASE("a second PIN that differs sends the volunteer back to the first",
          "[maintainer][add_volunteer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    toVolunteersTab(flow, f.t0);
    flow.apply(intent::StartAddVolunteer{}, f.t0);
    typeVolunteerName(flow, "", f.t0);
    typeNewPin(flow, "2580", f.t0);
    typeNewPin(flow, "2581", f.t0);
    const VolunteerEnrolment& enrol = flow.state().assist.admin.enrol;
    CHECK(enrol.step == EnrolStep::FirstPin);
    CHECK(enrol.problem == EnrolProblem::Mismatch);
    CHECK(enrol.firstPin.empty());
    CHECK(flow.takeEffects().empty());
    // The message stays while the PIN is typed again, and goes once it is accepted.
    flow.apply(intent::AddVolunteerKey{digit('7')}, f.t0);
    CHECK(enrol.problem == EnrolProblem::Mismatch);
    typeNewPin(flow, "395", f.t0);
    CHECK(enrol.step == EnrolStep::SecondPin);
    CHECK(enrol.problem == EnrolProblem::None);
}

TEST_CASE("easy PINs are refused when a volunteer is added", "[maintainer][add_volunteer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    toVolunteersTab(flow, f.t0);
    flow.apply(intent::StartAddVolunteer{}, f.t0);
    typeVolunteerName(flow, "", f.t0);
    const VolunteerEnrolment& enrol = flow.state().assist.admin.enrol;
    for (std::string_view easy : {"0000", "1234", "98765", "1212", "5555555"}) {
        INFO(easy);
        typeNewPin(flow, easy, f.t0);
        CHECK(enrol.step == EnrolStep::FirstPin);
        CHECK(enrol.problem == EnrolProblem::TooEasy);
        CHECK(enrol.digits.empty());
    }
    // Too short: Done does nothing yet.
    typeNewPin(flow, "258", f.t0);
    CHECK(enrol.step == EnrolStep::FirstPin);
    CHECK(enrol.digits.size() == 3);
}

TEST_CASE("leaving the Volunteers tab drops a half-typed new PIN", "[maintainer][add_volunteer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    toVolunteersTab(flow, f.t0);
    flow.apply(intent::StartAddVolunteer{}, f.t0);
    typeVolunteerName(flow, "", f.t0);
    typeNewPin(flow, "2580", f.t0);
    flow.apply(intent::ChooseMaintainerTab{MaintainerTab::Reports}, f.t0);
    const VolunteerEnrolment& enrol = flow.state().assist.admin.enrol;
    CHECK(enrol.step == EnrolStep::Closed);
    CHECK(enrol.firstPin.empty());
    // Keys reach the pad only while it is open.
    flow.apply(intent::AddVolunteerKey{digit('1')}, f.t0);
    CHECK(enrol.digits.empty());
}

TEST_CASE("only the maintainer can add a volunteer", "[maintainer][add_volunteer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    signIn(flow, f.t0);
    flow.apply(intent::StartAddVolunteer{}, f.t0);
    CHECK(flow.state().assist.admin.enrol.step == EnrolStep::Closed);
}

TEST_CASE("a failed add says why and can be closed", "[maintainer][add_volunteer]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    toVolunteersTab(flow, f.t0);
    flow.apply(intent::StartAddVolunteer{}, f.t0);
    typeVolunteerName(flow, "", f.t0);
    typeNewPin(flow, "2580", f.t0);
    typeNewPin(flow, "2580", f.t0);
    flow.takeEffects();
    flow.volunteerAdded(false, "database is locked");
    const VolunteerEnrolment& enrol = flow.state().assist.admin.enrol;
    CHECK(enrol.step == EnrolStep::Failed);
    CHECK(enrol.failure == "database is locked");
    flow.apply(intent::CancelAddVolunteer{}, f.t0);
    CHECK(enrol.step == EnrolStep::Closed);
}

TEST_CASE("reprint asks the app once while the slip is printing", "[assist_flow][reprint]") {
    AssistFlowFixture f;
    ProcedureCatalog catalog = assistFlowShippedCatalog();
    Flow flow = makeFlow(f);
    residentSubmitted(flow, catalog, f.t0);
    signIn(flow, f.t0);
    flow.apply(intent::OpenVolunteerTools{}, f.t0);
    flow.takeEffects();
    flow.apply(intent::ReprintLastReceipt{}, f.t0);
    flow.apply(intent::ReprintLastReceipt{}, f.t0);
    auto effects = flow.takeEffects();
    CHECK(std::count_if(effects.begin(), effects.end(), [](const Effect& effect) {
              return std::holds_alternative<effect::ReprintLastReceipt>(effect);
          }) == 1);
    CHECK(flow.state().assist.tools.reprint == VolunteerToolsState::Reprint::Printing);
    flow.reprintFinished(VolunteerToolsState::Reprint::Failed);
    CHECK(flow.state().assist.tools.reprint == VolunteerToolsState::Reprint::Failed);
    // After a failure (paper out) the volunteer can try again.
    flow.apply(intent::ReprintLastReceipt{}, f.t0);
    CHECK(findEffect<effect::ReprintLastReceipt>(flow.takeEffects()) != nullptr);
}

TEST_CASE("reprint never prints the receipt of a resident who has left", "[assist_flow][reprint]") {
    AssistFlowFixture f;
    ProcedureCatalog catalog = assistFlowShippedCatalog();
    Flow flow = makeFlow(f);
    residentSubmitted(flow, catalog, f.t0);
    signIn(flow, f.t0);
    flow.apply(intent::StartOver{}, f.t0); // the resident is done; the volunteer stays
    REQUIRE(flow.state().assist.signedIn);
    flow.apply(intent::OpenVolunteerTools{}, f.t0);
    flow.takeEffects();
    flow.apply(intent::ReprintLastReceipt{}, f.t0);
    CHECK(findEffect<effect::ReprintLastReceipt>(flow.takeEffects()) == nullptr);
    CHECK(flow.state().assist.tools.reprint == VolunteerToolsState::Reprint::NothingToPrint);
}

TEST_CASE("a reprint result arriving while the tools reload is kept", "[assist_flow][reprint]") {
    AssistFlowFixture f;
    ProcedureCatalog catalog = assistFlowShippedCatalog();
    Flow flow = makeFlow(f);
    residentSubmitted(flow, catalog, f.t0);
    signIn(flow, f.t0);
    flow.apply(intent::OpenVolunteerTools{}, f.t0);
    flow.takeEffects();
    flow.apply(intent::ReprintLastReceipt{}, f.t0);
    flow.reprintFinished(VolunteerToolsState::Reprint::Printed);
    flow.volunteerToolsLoaded(VolunteerToolsState{});
    CHECK(flow.state().assist.tools.reprint == VolunteerToolsState::Reprint::Printed);
    CHECK(flow.state().assist.tools.loaded);
}

TEST_CASE("the maintainer's health tab runs the doctor's checks each time it opens",
          "[maintainer][health]") {
    AssistFlowFixture f;
    Flow flow = makeFlow(f);
    unlockMaintainer(flow, f.t0);
    flow.takeEffects();
    flow.apply(intent::ChooseMaintainerTab{MaintainerTab::Health}, f.t0);
    auto effects = flow.takeEffects();
    REQUIRE(effects.size() == 1);
    CHECK(std::holds_alternative<effect::CheckHealth>(effects.front()));
    CHECK_FALSE(flow.state().assist.health.loaded);
    flow.healthChecked({{"clock", "Clock", HealthLevel::Fail, "312 s behind", "timedatectl"}});
    CHECK(flow.state().assist.health.loaded);
    REQUIRE(flow.state().assist.health.results.size() == 1);
    // "Check again" forgets the old verdicts until the new ones arrive.
    flow.apply(intent::ChooseMaintainerTab{MaintainerTab::Health}, f.t0);
    CHECK_FALSE(flow.state().assist.health.loaded);
    CHECK(flow.state().assist.health.results.empty());
}
