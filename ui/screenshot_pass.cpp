// The screenshot scenes: a scripted resident walks a fresh flow to each screen.
#include "ui/screenshot_pass.hpp"

#include "kiosk/dossier/working_calendar.hpp"
#include "ui/display_screenshots.hpp"
#include "ui/kiosk_app.hpp"
#include "ui/lesson_scenes.hpp"

#include <cstdio>
#include <ctime>
#include <tuple>

namespace kiosk::ui {
namespace {

// The birth registration walk-through is the busiest form; it shows every kind of field.
constexpr const char* kShowcase = "1.001193";

const Procedure& showcase(const Flow& flow) {
    return *flow.catalog()->findProcedure(kShowcase);
}

void toFirstGroup(Flow& flow, ScriptedResident& resident) {
    resident.startProcedure(showcase(flow));
}

const Field* firstField(const Procedure& procedure, FieldType type) {
    for (const FieldGroup& group : procedure.groups) {
        for (const Field& field : group.fields) {
            if (field.type == type) {
                return &field;
            }
        }
    }
    return nullptr;
}

// The first form screen of the showcase procedure, with the editor of its first `type` field open.
void openEditor(Flow& flow, ScriptedResident& resident, FieldType type) {
    toFirstGroup(flow, resident);
    resident.tap(intent::EditField{firstField(showcase(flow), type)->id});
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

// The moment every screenshot shows: Wednesday 25/11/2026, 14:05 at the commune.
constexpr LocalDateTime kScreenshotMoment{{2026, 11, 25}, 14, 5, 0};

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

namespace {

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
                   std::string failureReason = {}) {
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
        input::KeyDef key;
        key.label = std::string(1, c);
        key.character = static_cast<char32_t>(c);
        resident.tap(intent::PinKey{key});
    }
    if (done) {
        input::KeyDef key;
        key.action = input::KeyAction::Done;
        resident.tap(intent::PinKey{key});
    }
}

void typeNewPin(ScriptedResident& resident, std::string_view digits, bool done) {
    for (char c : digits) {
        input::KeyDef key;
        key.character = static_cast<char32_t>(c);
        resident.tap(intent::AddVolunteerKey{key});
    }
    if (done) {
        input::KeyDef key;
        key.action = input::KeyAction::Done;
        resident.tap(intent::AddVolunteerKey{key});
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

} // namespace

DeviceStatus healthyDevices() {
    DeviceStatus devices;
    devices.printer = PrinterState::Ready;
    devices.printerSimulated = true;
    devices.reader = ReaderState::NoCard;
    devices.readerSimulated = true;
    devices.network = NetworkState::Online;
    return devices;
}

std::vector<Resolution> screenshotResolutions() {
    // 10.1" 16:10 (217 mm wide) and 15.6" 16:9 (344 mm wide) are the common kiosk panels.
    // 800x1280 is the 10.1" panel mounted upright (136 mm across), for every resident screen.
    return {{1280, 800, 217.0}, {1920, 1080, 344.0}, {800, 1280, 136.0}};
}

std::vector<ScreenshotScene> screenshotScenes() {
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, std::function<void(Flow&, R&)> reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("home", [](Flow&, R&) {});
    add("help", [](Flow&, R& r) { r.tap(intent::Open{Screen::Help}); });
    add("still_there", [](Flow& flow, R& r) {
        r.tap(intent::Open{Screen::Help});
        flow.tick(r.now() + std::chrono::minutes(2) + std::chrono::seconds(3));
    });
    add("maintenance", [](Flow& flow, R&) {
        flow.enterMaintenance("/etc/kiosk/kiosk.ini:12: unknown key [session] inactivty_timeout_s");
    });
    add("procedure_categories",
        [](Flow&, R& r) { r.tap(intent::Open{Screen::ProcedureCategories}); });
    add("procedure_list", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::ChooseCategory{"civil_status"});
    });
    add("procedure_info", [](Flow& flow, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::ChooseCategory{"civil_status"});
        r.tap(intent::ChooseProcedure{showcase(flow).code});
    });
    add("submit_channel", [](Flow& flow, R& r) {
        r.tap(intent::ChooseProcedure{showcase(flow).code});
        r.tap(intent::Next{});
    });
    add("phone_handoff", [](Flow& flow, R& r) {
        r.tap(intent::ChooseProcedure{showcase(flow).code});
        r.tap(intent::Next{});
        r.tap(intent::ChooseChannel{SubmitChannel::Phone});
    });
    add("identity", [](Flow& flow, R& r) {
        r.tap(intent::ChooseProcedure{showcase(flow).code});
        r.tap(intent::Next{});
        r.tap(intent::ChooseChannel{SubmitChannel::Kiosk});
    });
    add("card_number", [](Flow& flow, R& r) {
        r.startProcedure(showcase(flow), IdentitySource::Card);
        r.type("02619000");
    });
    add("card_reading", toCardRead);
    add("card_read", [](Flow& flow, R& r) {
        toCardRead(flow, r);
        flow.cardRead(syntheticCard());
    });
    add("card_failed", [](Flow& flow, R& r) {
        toCardRead(flow, r);
        flow.cardReadFailed(CardReadFailure::WrongAccessKey);
    });
    // A cloned chip: the data is the issuer's, but the chip failed Active Authentication.
    add("card_read_clone", [](Flow& flow, R& r) {
        toCardRead(flow, r);
        auto card = syntheticCard();
        card.verification = CardVerification::ChipNotProven;
        flow.cardRead(card);
    });
    add("card_failed_data_altered", [](Flow& flow, R& r) {
        toCardRead(flow, r);
        flow.cardReadFailed(CardReadFailure::DataAltered);
    });
    add("card_dates", toCardDates);
    add("card_dates_day", [](Flow& flow, R& r) {
        toCardDates(flow, r);
        r.tap(intent::EditField{kCardBirthField});
        r.type("1958");
        r.tap(intent::EditDone{});
        r.tap(intent::PickDatePart{3});
    });
    add("card_dates_wrong", [](Flow& flow, R& r) {
        toCardDates(flow, r);
        enterCardDates(r);
        r.tap(intent::Next{});
        flow.takeEffects();
        flow.cardReadFailed(CardReadFailure::WrongAccessKey);
    });
    add("procedure_search", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::OpenProcedureSearch{});
    });
    add("procedure_search_typing", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::OpenProcedureSearch{});
        r.type("khai sinh");
    });
    add("procedure_search_results", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::OpenProcedureSearch{});
        r.type("dang ky");
        r.tap(intent::PressKey{doneKey()});
    });
    add("procedure_search_nothing", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::OpenProcedureSearch{});
        r.type("xe máy");
    });
    for (TextSize size : {TextSize::Largest}) {
        std::string suffix = "_text_size_" + std::to_string(static_cast<int>(size));
        scenes.push_back({"procedure_categories" + suffix,
                          [size](Flow&, R& r) {
                              r.tap(intent::SetTextSize{size});
                              r.tap(intent::Open{Screen::ProcedureCategories});
                          },
                          healthyDevices(), false});
        scenes.push_back({"procedure_search_typing" + suffix,
                          [size](Flow&, R& r) {
                              r.tap(intent::SetTextSize{size});
                              r.tap(intent::Open{Screen::ProcedureCategories});
                              r.tap(intent::OpenProcedureSearch{});
                              r.type("khai sinh");
                          },
                          healthyDevices(), false});
        scenes.push_back({"card_dates_wrong" + suffix,
                          [size](Flow& flow, R& r) {
                              r.tap(intent::SetTextSize{size});
                              toCardDates(flow, r);
                              enterCardDates(r);
                              r.tap(intent::Next{});
                              flow.takeEffects();
                              flow.cardReadFailed(CardReadFailure::WrongAccessKey);
                          },
                          healthyDevices(), false});
        scenes.push_back({"result_accepted" + suffix,
                          [size](Flow& flow, R& r) {
                              r.tap(intent::SetTextSize{size});
                              submitted(flow, r, SubmissionState::Accepted);
                              r.tap(intent::Rate{4});
                          },
                          healthyDevices(), false});
    }
    add("form_group", toFirstGroup);
    add("form_group_prefilled", [](Flow& flow, R& r) {
        toCardRead(flow, r);
        flow.cardRead(syntheticCard());
        r.tap(intent::Next{});
    });
    add("form_group_problems", [](Flow& flow, R& r) {
        toFirstGroup(flow, r);
        r.tap(intent::Next{});
    });
    add("editor_name", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Name);
        r.type("Nguyeenx Thij Asnh Tuyeets");
    });
    add("editor_id_number", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::IdNumber);
        r.type("0261");
    });
    add("editor_id_number_problem", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::IdNumber);
        r.type("999190001234");
        r.tap(intent::EditDone{});
    });
    add("editor_select", [](Flow& flow, R& r) { openEditor(flow, r, FieldType::Select); });
    add("editor_date_year", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Date);
        r.type("19");
    });
    add("editor_date_month", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Date);
        r.type("2026");
        r.tap(intent::EditDone{});
    });
    add("editor_date_day", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Date);
        r.type("2026");
        r.tap(intent::EditDone{});
        r.tap(intent::PickDatePart{11});
    });
    add("documents", fillEverything);
    add("review", [](Flow& flow, R& r) {
        fillEverything(flow, r);
        r.tap(intent::Next{});
    });
    add("consent", toConsent);
    add("submitting", [](Flow& flow, R& r) {
        toConsent(flow, r);
        r.tap(intent::SetConsent{true});
        r.tap(intent::Submit{});
    });
    add("result_accepted", [](Flow& flow, R& r) { submitted(flow, r, SubmissionState::Accepted); });
    add("result_queued", [](Flow& flow, R& r) { submitted(flow, r, SubmissionState::Queued); });
    add("lookup", [](Flow&, R& r) { r.tap(intent::Open{Screen::Lookup}); });
    add("lookup_result", [](Flow& flow, R& r) {
        r.tap(intent::Open{Screen::Lookup});
        r.tap(intent::EditField{kLookupCodeField});
        r.type("000.00.01.H22-261125-0007");
        r.tap(intent::EditDone{});
        r.tap(intent::LookupSubmit{});
        LookupState answer;
        answer.found = true;
        answer.statusCode = "correcting";
        answer.statusReason = "Mang bản sao giấy chứng sinh";
        answer.appointmentText = "16:00, 27/11/2026";
        answer.openedCount = 2;
        answer.openedBy = {{"Bộ phận một cửa UBND xã", 2}};
        flow.lookupFinished(answer);
    });

    add("volunteer_sign_in", toVolunteerPin);
    add("volunteer_pin", [](Flow& flow, R& r) {
        toVolunteerPin(flow, r);
        r.tap(intent::ChooseVolunteer{"vol-0a1b2c3d"});
        pressPin(r, "24", false);
    });
    add("volunteer_pin_wrong", [](Flow& flow, R& r) {
        toVolunteerPin(flow, r);
        r.tap(intent::ChooseVolunteer{"vol-0a1b2c3d"});
        pressPin(r, "1111", true);
        flow.takeEffects();
        flow.volunteerPinChecked({PinCheckOutcome::Wrong, 3, 0, {}});
    });
    add("volunteer_pin_locked", [](Flow& flow, R& r) {
        toVolunteerPin(flow, r);
        r.tap(intent::ChooseVolunteer{"vol-0a1b2c3d"});
        pressPin(r, "1111", true);
        flow.takeEffects();
        flow.volunteerPinChecked({PinCheckOutcome::Locked, 0, 60, {}});
    });
    add("assisted_home", [](Flow& flow, R& r) {
        volunteerSignedIn(flow, r);
        r.tap(intent::StartOver{});
    });
    ScreenshotScene toolsScene{"volunteer_tools", [](Flow& flow, R& r) {
                                   // Reprint offers only the receipt of the resident at the kiosk:
                                   // one has just submitted.
                                   submitted(flow, r, SubmissionState::Queued);
                                   volunteerSignedIn(flow, r);
                                   r.tap(intent::OpenVolunteerTools{});
                                   flow.takeEffects();
                                   VolunteerToolsState tools;
                                   tools.outboxPending = 2;
                                   tools.outboxDelivered = 37;
                                   tools.outboxNeedsAttention = 1;
                                   tools.devices = healthyDevices();
                                   tools.devices.network = NetworkState::Offline;
                                   flow.volunteerToolsLoaded(tools);
                                   r.tap(intent::ReprintLastReceipt{});
                                   flow.takeEffects();
                                   flow.reprintFinished(VolunteerToolsState::Reprint::Printed);
                               }};
    toolsScene.devices.network = NetworkState::Offline; // the status bar and the tools agree
    toolsScene.devices.queuedDossiers = 2;
    scenes.push_back(std::move(toolsScene));
    ScreenshotScene reprintFailed{"volunteer_tools_reprint_failed", [](Flow& flow, R& r) {
                                      submitted(flow, r, SubmissionState::Queued);
                                      volunteerSignedIn(flow, r);
                                      r.tap(intent::OpenVolunteerTools{});
                                      flow.takeEffects();
                                      VolunteerToolsState tools;
                                      tools.devices = healthyDevices();
                                      tools.devices.printer = PrinterState::NoPaper;
                                      flow.volunteerToolsLoaded(tools);
                                      r.tap(intent::ReprintLastReceipt{});
                                      flow.takeEffects();
                                      flow.reprintFinished(VolunteerToolsState::Reprint::Failed);
                                  }};
    reprintFailed.devices.printer = PrinterState::NoPaper;
    scenes.push_back(std::move(reprintFailed));
    add("maintainer_pin", [](Flow&, R& r) {
        r.tap(intent::OpenMaintainer{});
        pressPin(r, "135", false);
    });
    add("maintainer_reports", [](Flow& flow, R& r) {
        maintainerUnlocked(flow, r);
        r.tap(intent::ChooseReportRange{ReportRangeKind::Month});
        flow.takeEffects();
        flow.reportBuilt(syntheticReport());
    });
    add("maintainer_reports_custom", [](Flow& flow, R& r) {
        maintainerUnlocked(flow, r);
        r.tap(intent::ChooseReportRange{ReportRangeKind::Custom});
        flow.takeEffects();
        UsageReport report = syntheticReport();
        report.perDay.resize(7);
        flow.reportBuilt(report);
        r.tap(intent::ExportReport{});
        flow.takeEffects();
        flow.reportExported(UsbExportOutcome::Saved,
                            "kiosk-reports/kiosk-report-2026-11-19_2026-11-25.csv");
    });
    add("maintainer_report_export_failed", [](Flow& flow, R& r) {
        maintainerUnlocked(flow, r);
        r.tap(intent::ChooseReportRange{ReportRangeKind::Month});
        flow.takeEffects();
        flow.reportBuilt(syntheticReport());
        r.tap(intent::ExportReport{});
        flow.takeEffects();
        flow.reportExported(UsbExportOutcome::NoHelper, "");
    });
    add("maintainer_add_volunteer", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Volunteers);
        flow.volunteersLoaded({{"vol-0a1b2c3d", "TNV 1", true}, {"vol-5e6f7a8b", "TNV 2", true}});
        r.tap(intent::StartAddVolunteer{});
        typeNewPin(r, "2580", true);
        typeNewPin(r, "258", false);
    });
    add("maintainer_add_volunteer_too_easy", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Volunteers);
        flow.volunteersLoaded({{"vol-0a1b2c3d", "TNV 1", true}});
        r.tap(intent::StartAddVolunteer{});
        typeNewPin(r, "1234", true);
    });
    add("maintainer_volunteer_added", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Volunteers);
        flow.volunteersLoaded({{"vol-0a1b2c3d", "TNV 1", true}});
        r.tap(intent::StartAddVolunteer{});
        typeNewPin(r, "2580", true);
        typeNewPin(r, "2580", true);
        flow.takeEffects();
        flow.volunteerAdded(true, "");
        flow.volunteersLoaded({{"vol-0a1b2c3d", "TNV 1", true}, {"vol-1a2b3c4d", "TNV 2", true}});
    });
    add("maintainer_volunteers", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Volunteers);
        flow.volunteersLoaded({{"vol-0a1b2c3d", "Chị Nguyễn Thu Hà", true},
                               {"vol-5e6f7a8b", "Anh Lò Văn Dũng", true},
                               {"vol-00ff00ff", "Bác Phạm Thị Lụa", false}});
    });
    add("maintainer_content", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Content);
        flow.contentInspected(syntheticContent());
    });
    add("maintainer_content_installing", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Content);
        flow.contentInspected(syntheticContent());
        r.tap(intent::InstallFoundPack{});
        flow.takeEffects();
        flow.installProgress(31457280, 51380224);
    });
    add("maintainer_content_installed", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Content);
        flow.contentInspected(syntheticContent());
        r.tap(intent::InstallFoundPack{});
        flow.takeEffects();
        flow.installFinished(true, "2026.11");
    });

    add("maintainer_health", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Health);
        flow.healthChecked(syntheticHealth());
    });

    // Accessibility variants and device trouble, in Vietnamese only.
    for (TextSize size : {TextSize::Large, TextSize::Larger, TextSize::Largest}) {
        std::string suffix = "_text_size_" + std::to_string(static_cast<int>(size));
        scenes.push_back({"home" + suffix,
                          [size](Flow&, R& r) { r.tap(intent::SetTextSize{size}); },
                          healthyDevices(), true});
        scenes.push_back({"form_group" + suffix,
                          [size](Flow& flow, R& r) {
                              r.tap(intent::SetTextSize{size});
                              toFirstGroup(flow, r);
                          },
                          healthyDevices(), true});
        scenes.push_back({"editor_name" + suffix,
                          [size](Flow& flow, R& r) {
                              r.tap(intent::SetTextSize{size});
                              openEditor(flow, r, FieldType::Name);
                              r.type("Nguyeenx");
                          },
                          healthyDevices(), true});
    }
    for (Contrast contrast : {Contrast::HighLight, Contrast::HighDark}) {
        std::string suffix = "_contrast_" + std::to_string(static_cast<int>(contrast));
        scenes.push_back({"home" + suffix,
                          [contrast](Flow&, R& r) { r.tap(intent::SetContrast{contrast}); },
                          healthyDevices(), true});
        scenes.push_back({"editor_name" + suffix,
                          [contrast](Flow& flow, R& r) {
                              r.tap(intent::SetContrast{contrast});
                              openEditor(flow, r, FieldType::Name);
                              r.type("Nguyeenx");
                          },
                          healthyDevices(), true});
    }
    // The hand-off walkthrough of a procedure that also has VNeID steps, each with its picture.
    scenes.push_back({"phone_handoff_vneid", [](Flow&, R& r) {
                          r.tap(intent::ChooseProcedure{"2.000986"});
                          r.tap(intent::Next{});
                          r.tap(intent::ChooseChannel{SubmitChannel::Phone});
                      }});
    // Scenes nobody saw before (issue 21.16): failures, ticked boxes, countdowns mid-form, the
    // keyboard's other modes, and the largest text on the rest of the dossier walk.
    add("result_failed", [](Flow& flow, R& r) {
        submittedWith(flow, r, SubmissionState::Failed, false, "storage_full");
    });
    add("result_accepted_print_failed",
        [](Flow& flow, R& r) { submittedWith(flow, r, SubmissionState::Accepted, false); });
    add("result_queued_print_failed",
        [](Flow& flow, R& r) { submittedWith(flow, r, SubmissionState::Queued, false); });
    // printer = auto with nothing plugged in: the code stays on screen to be written down.
    add("result_accepted_no_printer", [](Flow& flow, R& r) {
        submittedWith(flow, r, SubmissionState::Accepted, false);
        flow.receiptPrinted(false, false);
    });
    add("result_queued_no_printer", [](Flow& flow, R& r) {
        submittedWith(flow, r, SubmissionState::Queued, false);
        flow.receiptPrinted(false, false);
    });
    add("result_rated", [](Flow& flow, R& r) {
        submitted(flow, r, SubmissionState::Accepted);
        r.tap(intent::Rate{5});
    });
    for (auto [name, why] : {std::pair{"card_failed_removed", CardReadFailure::CardRemoved},
                             {"card_failed_no_card", CardReadFailure::NoCard},
                             {"card_failed_reader_unplugged", CardReadFailure::ReaderMissing},
                             {"card_failed_unsupported", CardReadFailure::Unsupported}}) {
        add(name, [why = why](Flow& flow, R& r) {
            toCardRead(flow, r);
            flow.cardReadFailed(why);
        });
    }
    add("lookup_typing", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::Lookup});
        r.tap(intent::EditField{kLookupCodeField});
        r.type("000.00.01.H22-2611");
    });
    add("lookup_not_found", [](Flow& flow, R& r) {
        LookupState answer;
        answer.found = false;
        lookedUp(r, flow, "000.00.01.H22-261125-9999", answer);
    });
    add("lookup_offline", [](Flow& flow, R& r) {
        LookupState answer;
        answer.failureReason = "offline";
        lookedUp(r, flow, "000.00.01.H22-261125-0007", answer);
    });
    add("lookup_overdue", [](Flow& flow, R& r) {
        LookupState answer;
        answer.found = true;
        answer.statusCode = "processing";
        answer.appointmentText = "16:00, 20/11/2026";
        lookedUp(r, flow, "000.00.01.H22-181125-0003", answer);
    });
    add("lookup_reference_waiting", [](Flow& flow, R& r) {
        LookupState answer;
        answer.localReference = true;
        answer.stillWaiting = true;
        lookedUp(r, flow, "VT-20261125-0007", answer);
    });
    add("lookup_reference_sent", [](Flow& flow, R& r) {
        LookupState answer;
        answer.localReference = true;
        answer.dossierCode = "000.00.01.H22-261125-0007";
        answer.found = true;
        answer.statusCode = "processing";
        answer.appointmentText = screenshotAppointment(showcase(flow));
        lookedUp(r, flow, "VT-20261125-0007", answer);
    });
    add("documents_ticked", [](Flow& flow, R& r) {
        fillEverything(flow, r);
        for (const DocumentRequirement& document : showcase(flow).documents) {
            r.tap(intent::ToggleDocument{document.id});
        }
    });
    add("consent_ticked", [](Flow& flow, R& r) {
        toConsent(flow, r);
        r.tap(intent::SetConsent{true});
    });
    add("form_group_still_there", [](Flow& flow, R& r) {
        toFirstGroup(flow, r);
        flow.tick(r.now() + std::chrono::minutes(2) + std::chrono::seconds(3));
    });
    add("assisted_form_group", [](Flow& flow, R& r) {
        volunteerSignedIn(flow, r);
        r.tap(intent::StartOver{});
        toFirstGroup(flow, r);
    });
    add("help_volunteer_called", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::Help});
        r.tap(intent::CallVolunteer{});
    });
    add("volunteer_tools_called", [](Flow& flow, R& r) {
        r.tap(intent::Open{Screen::Help});
        r.tap(intent::CallVolunteer{});
        volunteerSignedIn(flow, r);
        r.tap(intent::OpenVolunteerTools{});
        flow.takeEffects();
        VolunteerToolsState tools;
        tools.outboxDelivered = 37;
        flow.volunteerToolsLoaded(tools);
    });
    add("procedure_categories_all", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::ChooseCategory{"civil_status"});
        r.tap(intent::Back{});
    });
    add("editor_name_numbers", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Name);
        r.type("Thoon 3");
        r.tap(intent::PressKey{layoutKey(input::LayoutKind::Numbers)});
    });
    add("editor_name_vni", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Name);
        r.tap(intent::PressKey{methodKey()});
        r.type("Nguye6n4");
    });
    add("editor_address_place_names", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Name);
        r.type("Ddawks Lawks Kroong Busk");
    });
    add("maintainer_content_removed", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Content);
        ContentView view = syntheticContent();
        view.found->diff.removed = {"procedures/1.000894.json", "procedures/1.004194.json",
                                    "procedures/2.000815.json"};
        flow.contentInspected(view);
    });
    add("maintainer_in_maintenance", [](Flow& flow, R& r) {
        flow.enterMaintenance("/etc/kiosk/kiosk.ini:12: unknown key [session] inactivty_timeout_s");
        maintainerTab(flow, r, MaintainerTab::Content);
        flow.contentInspected(syntheticContent());
    });
    // The rest of the dossier walk at the largest text and in both high-contrast themes, and
    // English at the larger sizes too.
    struct Look {
        std::string suffix;
        TextSize size;
        Contrast contrast;
    };
    const Look looks[] = {{"_text_size_3", TextSize::Largest, Contrast::Standard},
                          {"_text_size_2", TextSize::Larger, Contrast::Standard},
                          {"_contrast_1", TextSize::Normal, Contrast::HighLight},
                          {"_contrast_2", TextSize::Largest, Contrast::HighDark}};
    for (const Look& look : looks) {
        auto styled = [look](std::function<void(Flow&, R&)> reach) {
            return [look, reach](Flow& flow, R& r) {
                r.tap(intent::SetTextSize{look.size});
                r.tap(intent::SetContrast{look.contrast});
                reach(flow, r);
            };
        };
        scenes.push_back({"documents" + look.suffix, styled(fillEverything)});
        scenes.push_back({"review" + look.suffix, styled([](Flow& flow, R& r) {
                              fillEverything(flow, r);
                              r.tap(intent::Next{});
                          })});
        scenes.push_back({"consent" + look.suffix, styled(toConsent)});
        scenes.push_back({"submit_channel" + look.suffix, styled([](Flow& flow, R& r) {
                              r.tap(intent::ChooseProcedure{showcase(flow).code});
                              r.tap(intent::Next{});
                          })});
        scenes.push_back({"phone_handoff" + look.suffix, styled([](Flow& flow, R& r) {
                              r.tap(intent::ChooseProcedure{showcase(flow).code});
                              r.tap(intent::Next{});
                              r.tap(intent::ChooseChannel{SubmitChannel::Phone});
                          })});
        scenes.push_back({"result_queued" + look.suffix, styled([](Flow& flow, R& r) {
                              submitted(flow, r, SubmissionState::Queued);
                          })});
        scenes.push_back(
            {"help" + look.suffix, styled([](Flow&, R& r) { r.tap(intent::Open{Screen::Help}); })});
        scenes.push_back({"lookup_result" + look.suffix, styled([](Flow& flow, R& r) {
                              LookupState answer;
                              answer.found = true;
                              answer.statusCode = "processing";
                              answer.appointmentText = "16:00, 27/11/2026";
                              lookedUp(r, flow, "000.00.01.H22-261125-0007", answer);
                          })});
        scenes.push_back({"card_failed" + look.suffix, styled([](Flow& flow, R& r) {
                              toCardRead(flow, r);
                              flow.cardReadFailed(CardReadFailure::WrongAccessKey);
                          })});
        scenes.push_back({"lesson_list" + look.suffix,
                          styled([](Flow&, R& r) { r.tap(intent::Open{Screen::Lessons}); })});
    }
    ScreenshotScene trouble{"home_devices_trouble", [](Flow&, R&) {}, healthyDevices(), true};
    trouble.devices.printer = PrinterState::NoPaper;
    trouble.devices.reader = ReaderState::Disconnected;
    trouble.devices.readerSimulated = false;
    trouble.devices.network = NetworkState::Offline;
    trouble.devices.queuedDossiers = 3;
    ScreenshotScene troubleLargest = trouble;
    troubleLargest.name = "home_devices_trouble_text_size_3";
    troubleLargest.reach = [](Flow&, R& r) { r.tap(intent::SetTextSize{TextSize::Largest}); };
    ScreenshotScene noPaper{"home_printer_no_paper", [](Flow&, R&) {}, healthyDevices(), false};
    noPaper.devices.printer = PrinterState::NoPaper;
    scenes.push_back(std::move(trouble));
    scenes.push_back(std::move(troubleLargest));
    scenes.push_back(std::move(noPaper));
    ScreenshotScene storage{"home_storage_full", [](Flow&, R&) {}, healthyDevices(), false};
    storage.devices.dossierStorageReady = false;
    scenes.push_back(std::move(storage));
    // Storage faults (issue 19): the dossier channel without the kiosk, and what a volunteer
    // and the maintainer read on the tools screen.
    ScreenshotScene channelStorage{"submit_channel_storage_fault", [](Flow& flow, R& r) {
                                       r.tap(intent::ChooseProcedure{showcase(flow).code});
                                       r.tap(intent::Next{});
                                   }};
    channelStorage.devices.dossierStorageReady = false;
    scenes.push_back(std::move(channelStorage));
    scenes.push_back({"volunteer_tools_storage_fault", [](Flow& flow, R& r) {
                          volunteerSignedIn(flow, r);
                          r.tap(intent::OpenVolunteerTools{});
                          flow.takeEffects();
                          VolunteerToolsState tools;
                          tools.outboxPending = 2;
                          tools.devices = healthyDevices();
                          tools.devices.storage.partition = PartitionState::ReadOnly;
                          tools.devices.storage.freeMegabytes = 11873;
                          tools.devices.storage.outbox = StoreFault::IoError;
                          tools.devices.storage.acceptsDossiers = false;
                          tools.devices.storage.lostDossiers = 2;
                          flow.volunteerToolsLoaded(tools);
                      }});
    return scenes;
}

int runScreenshotPass(const KioskOptions& options, const Config& config, Logger& logger,
                      Uint32 terminateType, const std::filesystem::path& dir,
                      const std::vector<Resolution>& resolutions) {
    int written = 0;
    for (const Resolution& resolution : resolutions) {
        Config panel = config;
        panel.display.panelWidthMm = resolution.panelWidthMm;
        panel.display.panelHeightMm =
            resolution.panelWidthMm * resolution.height / resolution.width;
        KioskRuntime runtime(panel, logger, runtimeOptions(options));
        KioskApp app(runtime, options, terminateType);
        if (!app.start(WindowMode::Offscreen, resolution.width, resolution.height) ||
            runtime.catalog() == nullptr) {
            return 1;
        }
        app.fixWallClock(screenshotWallClock());
        std::string folder =
            std::to_string(resolution.width) + "x" + std::to_string(resolution.height);
        std::vector<ScreenshotScene> scenes = screenshotScenes();
        if (runtime.lessons() != nullptr) {
            auto lessonScenes = lessonScreenshotScenes(*runtime.lessons());
            scenes.insert(scenes.end(), lessonScenes.begin(), lessonScenes.end());
        }
        for (Language language : {Language::Vietnamese, Language::English}) {
            for (const ScreenshotScene& scene : scenes) {
                if (scene.vietnameseOnly && language != Language::Vietnamese) {
                    continue;
                }
                Flow& flow = app.resetFlow();
                ScriptedResident resident(flow, SteadyTime{} + std::chrono::hours(1));
                resident.tap(intent::SetLanguage{language});
                scene.reach(flow, resident);
                runtime.showDevices(scene.devices);
                app.renderLive(resident.now());
                auto file =
                    dir / folder / std::string(languageCode(language)) / (scene.name + ".png");
                if (auto status = app.writeScreenshot(file); !status) {
                    logger.log(LogEvent::DisplayFailed,
                               {{"reason", SystemText{status.error().message}}});
                    return 1;
                }
                ++written;
            }
        }
    }
    int display = writeDisplayScreenshots(options, config, logger, terminateType, dir);
    if (display < 0) {
        return 1;
    }
    written += display;
    return written > 0 ? 0 : 1;
}

} // namespace kiosk::ui
