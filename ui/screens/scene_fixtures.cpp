// The fixtures screenshot scenes share: the showcase procedure walked to each stage, a synthetic
// card, volunteers, report, pack and health results, and the fixed moment on screen.
#include "ui/screens/scene_fixtures.hpp"

#include <cstdio>
#include <tuple>

namespace kiosk::ui {
namespace {

// The showcase: the birth registration walk-through, the busiest form.
constexpr const char* kShowcaseProcedure = "1.001193";

// The moment every screenshot shows: Wednesday 25/11/2026, 14:05 at the commune.
constexpr LocalDateTime kScreenshotMoment{{2026, 11, 25}, 14, 5, 0};

const Field* firstFieldOfType(const Procedure& procedure, FieldType type) {
    for (const FieldGroup& group : procedure.groups) {
        for (const Field& field : group.fields) {
            if (field.type == type) {
                return &field;
            }
        }
    }
    return nullptr;
}

// The key a finger presses for a character of a scripted text: a space is the space bar.
input::KeyDef typedKey(char c) {
    input::KeyDef key;
    if (c == ' ') {
        key.action = input::KeyAction::Space;
    } else {
        key.label = std::string(1, c);
        key.character = static_cast<char32_t>(c);
    }
    return key;
}

} // namespace

std::time_t screenshotWallClock() {
    std::tm local{};
    local.tm_year = kScreenshotMoment.date.year - 1900;
    local.tm_mon = kScreenshotMoment.date.month - 1;
    local.tm_mday = kScreenshotMoment.date.day;
    local.tm_hour = kScreenshotMoment.hour;
    local.tm_min = kScreenshotMoment.minute;
    local.tm_isdst = -1;
    return std::mktime(&local);
}

DeviceStatus healthyDevices() {
    DeviceStatus devices;
    devices.printer = PrinterState::Ready;
    devices.printerSimulated = true;
    devices.reader = ReaderState::NoCard;
    devices.readerSimulated = true;
    devices.network = NetworkState::Online;
    return devices;
}

namespace scene {

const Procedure& showcase(const Flow& flow) {
    return *flow.catalog()->findProcedure(kShowcaseProcedure);
}

void toFirstGroup(Flow& flow, ScriptedResident& resident) {
    resident.startProcedure(showcase(flow));
}

// The first form screen of the showcase procedure, with the editor of its first `type` field open.
void openEditor(Flow& flow, ScriptedResident& resident, FieldType type) {
    toFirstGroup(flow, resident);
    resident.tap(intent::EditField{firstFieldOfType(showcase(flow), type)->id});
}

void fillEverything(Flow& flow, ScriptedResident& resident) {
    toFirstGroup(flow, resident);
    const Procedure& procedure = showcase(flow);
    FieldValues answers = syntheticAnswers(procedure, *flow.catalog(), CivilDate{2026, 11, 25});
    while (flow.state().screen == Screen::FormGroup) {
        resident.fillCurrentGroup(procedure, answers);
        resident.tap(intent::Next{});
    }
}

void toConsent(Flow& flow, ScriptedResident& resident) {
    fillEverything(flow, resident);
    resident.tap(intent::Next{}); // documents -> review
    resident.tap(intent::Next{}); // review -> consent
}

// The appointment text as KioskServices writes it, for a dossier received at the screenshot
// moment: the real calendar's answer, so it is a future working day.
std::string screenshotAppointment(const Procedure& procedure) {
    const LocalDateTime due = computeAppointment(kScreenshotMoment, procedure.processing);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d, %02d/%02d/%04d", due.hour, due.minute,
                  due.date.day, due.date.month, due.date.year);
    return buffer;
}

void submitted(Flow& flow, ScriptedResident& resident, SubmissionState state) {
    toConsent(flow, resident);
    resident.tap(intent::SetConsent{true});
    resident.tap(intent::Submit{});
    flow.takeEffects();
    SubmissionOutcome outcome;
    outcome.state = state;
    outcome.localReference = "VT-20261125-0007";
    if (state == SubmissionState::Accepted) {
        outcome.dossierCode = "000.00.01.H22-261125-0007";
    }
    outcome.appointmentText = screenshotAppointment(showcase(flow));
    flow.submissionFinished(outcome);
    flow.takeEffects();
    flow.receiptPrinted(true);
}

CardHolder syntheticCard() {
    CardHolder card;
    card.fullName = "Nguyễn Thị Ánh Tuyết";
    card.idNumber = "026190001234";
    card.dateOfBirth = CivilDate{1990, 1, 5};
    card.sex = Sex::Female;
    card.ethnicity = "Kinh";
    card.placeOfOrigin = "Vĩnh Tường, Vĩnh Phúc";
    card.placeOfResidence = "Thôn Đông, Xã Vĩnh Tường, Phú Thọ";
    card.verification = CardVerification::Genuine;
    return card;
}

void toCardRead(Flow& flow, ScriptedResident& resident) {
    resident.startProcedure(showcase(flow), IdentitySource::Card);
    resident.type("026190001234");
    resident.tap(intent::EditDone{});
    flow.takeEffects();
}

// A card that offers only BAC (like the simulator's tran-van-duc profile) asks for two dates.
void toCardDates(Flow& flow, ScriptedResident& resident) {
    toCardRead(flow, resident);
    flow.cardReadFailed(CardReadFailure::NeedsDates);
}

void enterCardDates(ScriptedResident& resident) {
    for (auto [field, year, month, day] :
         {std::tuple{kCardBirthField, 1958, 3, 14}, std::tuple{kCardExpiryField, 2033, 3, 14}}) {
        resident.tap(intent::EditField{field});
        resident.type(std::to_string(year));
        resident.tap(intent::EditDone{});
        resident.tap(intent::PickDatePart{month});
        resident.tap(intent::PickDatePart{day});
    }
}

input::KeyDef layoutKey(input::LayoutKind target) {
    input::KeyDef key;
    key.action = input::KeyAction::SwitchLayout;
    key.target = target;
    return key;
}

input::KeyDef methodKey() {
    input::KeyDef key;
    key.action = input::KeyAction::SwitchMethod;
    return key;
}

void submittedWith(Flow& flow, ScriptedResident& resident, SubmissionState state, bool printed,
                   std::string failureReason, bool refused) {
    toConsent(flow, resident);
    resident.tap(intent::SetConsent{true});
    resident.tap(intent::Submit{});
    flow.takeEffects();
    SubmissionOutcome outcome;
    outcome.state = state;
    if (state != SubmissionState::Failed) {
        outcome.localReference = "VT-20261125-0007";
        outcome.appointmentText = screenshotAppointment(showcase(flow));
    }
    if (state == SubmissionState::Accepted) {
        outcome.dossierCode = "000.00.01.H22-261125-0007";
    }
    outcome.failureReason = std::move(failureReason);
    outcome.refused = refused;
    flow.submissionFinished(outcome);
    flow.takeEffects();
    flow.receiptPrinted(printed);
}

void lookedUp(ScriptedResident& resident, Flow& flow, std::string_view code, LookupState answer) {
    resident.tap(intent::Open{Screen::Lookup});
    resident.tap(intent::EditField{kLookupCodeField});
    resident.type(code);
    resident.tap(intent::EditDone{});
    resident.tap(intent::LookupSubmit{});
    flow.lookupFinished(std::move(answer));
}

input::KeyDef doneKey() {
    input::KeyDef key;
    key.action = input::KeyAction::Done;
    return key;
}

// Assisted mode and the maintainer screen: synthetic volunteers, a report and a pack.
void pressPin(ScriptedResident& resident, std::string_view digits, bool done) {
    for (char c : digits) {
        resident.tap(intent::PinKey{typedKey(c)});
    }
    if (done) {
        resident.tap(intent::PinKey{doneKey()});
    }
}

// The new volunteer's name and PIN are typed on the same keys.
void typeNewPin(ScriptedResident& resident, std::string_view digits, bool done) {
    typeVolunteerName(resident, digits, done);
}

void typeVolunteerName(ScriptedResident& resident, std::string_view keys, bool done) {
    for (char c : keys) {
        resident.tap(intent::AddVolunteerKey{typedKey(c)});
    }
    if (done) {
        resident.tap(intent::AddVolunteerKey{doneKey()});
    }
}

void toVolunteerPin(Flow& flow, ScriptedResident& resident) {
    resident.tap(intent::Open{Screen::Help});
    resident.tap(intent::OpenVolunteerSignIn{});
    flow.takeEffects();
    flow.volunteersLoaded({{"vol-0a1b2c3d", "Chị Nguyễn Thu Hà", true},
                           {"vol-5e6f7a8b", "Anh Lò Văn Dũng", true},
                           {"vol-9c0d1e2f", "Em Hoàng Minh Đức (Đoàn thanh niên)", true},
                           {"vol-00ff00ff", "Bác Phạm Thị Lụa", false}});
}

void volunteerSignedIn(Flow& flow, ScriptedResident& resident) {
    toVolunteerPin(flow, resident);
    resident.tap(intent::ChooseVolunteer{"vol-0a1b2c3d"});
    pressPin(resident, "2468", true);
    flow.takeEffects();
    flow.volunteerPinChecked({PinCheckOutcome::Ok, 0, 0, "Chị Nguyễn Thu Hà"});
}

// What a kiosk with a stale pack, a skewed clock and no card reader reports.
std::vector<HealthResult> syntheticHealth() {
    return {
        {"config", "Configuration", HealthLevel::Ok, "/etc/kiosk/kiosk.ini is valid", ""},
        {"content", "Content pack", HealthLevel::Warn,
         "vn.phutho.vinhtuong sequence 12 (created 2026-03-02), signed by vinh-tuong.pub, 277 "
         "days old",
         "ask the district for the current pack: procedures and fees change"},
        {"printer", "Printer", HealthLevel::Ok,
         "USB printer 04b8:0e15 (Epson TM-T20) connected at bus 1 device 4", ""},
        {"card_reader", "Card reader", HealthLevel::Fail, "no USB smart-card reader found",
         "plug the reader in; lsusb should list it; pcscd must not be installed"},
        {"gateway", "Gateway", HealthLevel::Ok,
         "https://motcua.vinhtuong.gov.vn answers (HTTP 200)", ""},
        {"clock", "Clock", HealthLevel::Fail, "312 s behind the gateway",
         "turn on time sync: timedatectl set-ntp true"},
        {"disk", "Free disk", HealthLevel::Ok, "11873 MiB free for /var/lib/kiosk", ""},
    };
}

void maintainerUnlocked(Flow& flow, ScriptedResident& resident) {
    resident.tap(intent::OpenMaintainer{});
    pressPin(resident, "135790", true);
    flow.takeEffects();
    flow.maintainerPinChecked({PinCheckOutcome::Ok, 0, 0, {}});
    flow.takeEffects();
}

// The maintainer screen unlocked and on `tab`, its load request taken (the scene answers it).
void maintainerTab(Flow& flow, ScriptedResident& resident, MaintainerTab tab) {
    maintainerUnlocked(flow, resident);
    resident.tap(intent::ChooseMaintainerTab{tab});
    flow.takeEffects();
}

UsageReport syntheticReport() {
    using namespace std::chrono;
    UsageReport report;
    report.range = {sys_days{2026y / November / 1}, sys_days{2026y / November / 25}};
    for (auto day = report.range.from; day <= report.range.to; day += days{1}) {
        int n = static_cast<int>((day - report.range.from).count());
        bool weekend = std::chrono::weekday{day} == Saturday || std::chrono::weekday{day} == Sunday;
        DayFigures figures{day, weekend ? 3 + n % 3 : 12 + (n * 7) % 15, 0, 0, 0, 0};
        figures.assistedSessions = figures.sessions / 3;
        figures.dossiers = figures.sessions / 2 + n % 2;
        figures.lessons = n % 4;
        report.perDay.push_back(figures);
        report.sessions += figures.sessions;
        report.assistedSessions += figures.assistedSessions;
        report.dossiersSubmitted += figures.dossiers;
        report.lessonsCompleted += figures.lessons;
    }
    report.sessionsEnded = report.sessions;
    report.ratings = 118;
    report.ratingScale = 5;
    report.averageRating = 4.3;
    report.deviceFaultsTotal = 2;
    report.procedures = {
        {"1.001193", 61, 52, 4, 1}, {"1.004227", 34, 30, 2, 0}, {"1.000656", 22, 19, 1, 2}};
    return report;
}

ContentView syntheticContent() {
    ContentView view;
    view.current = VersionSummary{"7-3fa9", "vn.phutho.vinhtuong", 7, "2026.10", "", 184, 48234496};
    view.previous =
        VersionSummary{"6-91c2", "vn.phutho.vinhtuong", 6, "2026.09", "", 179, 47120384};
    FoundPackInfo found;
    found.path = "/media/kiosk-usb/vinhtuong-2026.11.kpack";
    found.packId = "vn.phutho.vinhtuong";
    found.sequence = 8;
    found.displayVersion = "2026.11";
    found.bytes = 51380224;
    found.diff.added = {"procedures/1.004873.json", "procedures/2.002189.json"};
    found.diff.changed = {"procedures/1.001193.json"};
    found.diff.removed = {"procedures/1.000894.json"};
    view.found = found;
    return view;
}

void addTextSizes(std::vector<ScreenshotScene>& scenes, const std::string& name,
                  const SceneReach& reach) {
    for (TextSize size : {TextSize::Large, TextSize::Larger, TextSize::Largest}) {
        std::string suffix = "_text_size_" + std::to_string(static_cast<int>(size));
        scenes.push_back({name + suffix,
                          [size, reach](Flow& flow, ScriptedResident& r) {
                              r.tap(intent::SetTextSize{size});
                              reach(flow, r);
                          },
                          healthyDevices(), false});
    }
}

void addLooks(std::vector<ScreenshotScene>& scenes, const std::string& name,
              const SceneReach& reach) {
    struct Look {
        const char* suffix;
        TextSize size;
        Contrast contrast;
    };
    static constexpr Look kLooks[] = {{"_text_size_3", TextSize::Largest, Contrast::Standard},
                                      {"_text_size_2", TextSize::Larger, Contrast::Standard},
                                      {"_contrast_1", TextSize::Normal, Contrast::HighLight},
                                      {"_contrast_2", TextSize::Largest, Contrast::HighDark}};
    for (const Look& look : kLooks) {
        scenes.push_back({name + look.suffix, [look, reach](Flow& flow, ScriptedResident& r) {
                              r.tap(intent::SetTextSize{look.size});
                              r.tap(intent::SetContrast{look.contrast});
                              reach(flow, r);
                          }});
    }
}

} // namespace scene
} // namespace kiosk::ui
