// Every intent a screen can emit reaches a handler that does something: it changes what the
// screen shows or asks the runtime for work. The case table must name every alternative of
// Intent, so a new intent without a case fails here; a new one without a handler does not
// compile (Flow::apply has no catch-all).
#include "kiosk/app/scripted_resident.hpp"
#include "kiosk/runtime/kiosk_runtime.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <set>
#include <sstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

constexpr const char* kShowcase = "1.001193"; // birth registration: every kind of field

// What the screen shows, as one comparable string (the parts an intent can change).
std::string fingerprint(const SessionState& s) {
    std::ostringstream out;
    const DossierDraft& d = s.dossier;
    out << s.active << int(s.screen) << s.history.size() << int(s.language)
        << int(s.accessibility.textSize) << int(s.accessibility.contrast) << s.wipeAt.has_value()
        << '|' << d.categoryId << d.procedureCode << int(d.channel) << int(d.identity)
        << d.values.size() << int(d.cardStep) << d.groupIndex << d.problems.size()
        << d.documentsReady.size() << d.consent << d.reviewing << int(d.outcome.state)
        << d.rating.value_or(0) << d.edit.has_value();
    for (const auto& [field, value] : d.values) {
        out << field << '=' << value << ';';
    }
    if (d.edit) {
        out << d.edit->fieldId << int(d.edit->keyboard.layout) << int(d.edit->keyboard.shift)
            << int(d.edit->date.stage) << d.edit->date.year << d.edit->date.month;
        if (d.edit->composer) {
            out << d.edit->composer->text() << d.edit->composer->cursorByteOffset();
        }
    }
    out << '|' << s.lookup.code << s.lookup.searching << int(s.search.shown)
        << s.search.results.size();
    if (s.search.composer) {
        out << s.search.composer->text();
    }
    const AssistState& a = s.assist;
    out << '|' << a.signedIn << a.maintainerUnlocked << int(a.tab) << a.pin.digits.size()
        << a.pin.volunteerId << a.pin.checking << a.tools.retrying << int(a.tools.reprint)
        << int(a.reports.kind) << a.reports.loading << int(a.reports.exportState)
        << int(a.reports.printState) << int(a.admin.enrol.step) << a.admin.enrol.digits.size()
        << int(a.content.install) << int(a.content.rollback) << a.guidanceVolumePercent
        << int(s.readAloud);
    if (a.reports.custom) {
        out << a.reports.custom->from.time_since_epoch().count()
            << a.reports.custom->to.time_since_epoch().count();
    }
    const LessonSession& l = s.lesson;
    out << '|' << l.lessonId << l.step << l.phone.typed << int(l.phone.screen)
        << l.quizChoice.value_or(99) << l.watchingVideo;
    return out.str();
}

struct Harness {
    Config config;
    std::ostringstream logs;
    Logger logger{logs, LogLevel::Debug};
    KioskRuntime runtime{config, logger, simulatedRuntimeOptions()};
    ScriptedResident resident{runtime.flow(), SteadyTime{} + 1h};

    Flow& flow() { return runtime.flow(); }
    const SessionState& state() { return runtime.state(); }
    const Procedure& showcase() { return *runtime.catalog()->findProcedure(kShowcase); }

    void toFirstGroup() { resident.startProcedure(showcase()); }
    const Field& firstField(FieldType type) {
        for (const FieldGroup& group : showcase().groups) {
            for (const Field& field : group.fields) {
                if (field.type == type) {
                    return field;
                }
            }
        }
        FAIL("the showcase procedure has no such field");
        throw;
    }
    void openEditor(FieldType type) {
        toFirstGroup();
        resident.tap(intent::EditField{firstField(type).id});
    }
    void toConsent() {
        toFirstGroup();
        FieldValues answers = syntheticAnswers(showcase(), *runtime.catalog(), {2026, 11, 25});
        while (state().screen == Screen::FormGroup) {
            resident.fillCurrentGroup(showcase(), answers);
            resident.tap(intent::Next{});
        }
        resident.tap(intent::Next{}); // documents -> review
        resident.tap(intent::Next{}); // review -> consent
    }
    void toResult() {
        toConsent();
        resident.tap(intent::SetConsent{true});
        resident.tap(intent::Submit{});
        SubmissionOutcome outcome;
        outcome.state = SubmissionState::Queued;
        outcome.localReference = "VT-20261125-0001";
        flow().submissionFinished(outcome);
    }
    void pin(const std::string& digits) {
        for (char c : digits) {
            input::KeyDef key;
            key.character = static_cast<char32_t>(c);
            resident.tap(intent::PinKey{key});
        }
        input::KeyDef done;
        done.action = input::KeyAction::Done;
        resident.tap(intent::PinKey{done});
    }
    void toVolunteerList() {
        resident.tap(intent::Open{Screen::Help});
        resident.tap(intent::OpenVolunteerSignIn{});
        flow().volunteersLoaded({{"vol-0a1b2c3d", "Chị Hà", true}});
    }
    void toVolunteerPin() {
        toVolunteerList();
        resident.tap(intent::ChooseVolunteer{"vol-0a1b2c3d"});
    }
    void volunteerSignedIn() {
        toVolunteerPin();
        pin("2468");
        flow().volunteerPinChecked({PinCheckOutcome::Ok, 0, 0, "Chị Hà"});
    }
    void maintainer() {
        resident.tap(intent::OpenMaintainer{});
        pin("135790");
        flow().maintainerPinChecked({PinCheckOutcome::Ok, 0, 0, {}});
    }
    void maintainerContent(bool withPack, bool withPrevious) {
        maintainer();
        resident.tap(intent::ChooseMaintainerTab{MaintainerTab::Content});
        ContentView view;
        view.loaded = true;
        view.current = VersionSummary{};
        if (withPrevious) {
            view.previous = VersionSummary{};
        }
        if (withPack) {
            view.found =
                FoundPackInfo{"/media/usb/pack.kpack", "vinh-tuong", 2, "v2", 100, {}, true};
        }
        flow().contentInspected(view);
    }
    // A lesson step of `kind` (or with a video when `video`), opened from the lesson list.
    void toLessonStep(const std::function<bool(const LessonStep&)>& wanted) {
        for (const Lesson& lesson : runtime.lessons()->lessons) {
            for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
                if (wanted(lesson.steps[i])) {
                    resident.tap(intent::Open{Screen::Lessons});
                    resident.tap(intent::ChooseLesson{lesson.id});
                    // Earlier steps: answer quizzes right, practise the phone, then Next.
                    while (state().lesson.step < i) {
                        const LessonStep& step = lesson.steps[state().lesson.step];
                        if (step.kind == StepKind::Quiz) {
                            resident.tap(intent::QuizAnswer{step.quiz->correct});
                        }
                        REQUIRE(step.kind != StepKind::PracticePhone);
                        resident.tap(intent::LessonNext{});
                    }
                    return;
                }
            }
        }
        FAIL("no shipped lesson has such a step");
    }
    void toLessonDone() {
        const Lesson& lesson = runtime.lessons()->lessons.front();
        resident.tap(intent::Open{Screen::Lessons});
        resident.tap(intent::ChooseLesson{lesson.id});
        for (int guard = 0; state().screen == Screen::LessonStep && guard < 40; ++guard) {
            const LessonStep& step = lesson.steps[state().lesson.step];
            if (step.kind == StepKind::Quiz) {
                resident.tap(intent::QuizAnswer{step.quiz->correct});
            }
            resident.tap(intent::LessonNext{});
        }
        REQUIRE(state().screen == Screen::LessonDone);
    }
};

input::KeyDef charKey(char32_t c) {
    input::KeyDef key;
    key.character = c;
    return key;
}

struct IntentCase {
    std::string name;
    std::function<void(Harness&)> reach; // where a screen offers the intent
    Intent intent;
    // For intents that name something only known once there (a field of the content).
    std::function<Intent(Harness&)> makeIntent = {};
};

std::vector<IntentCase> intentCases() {
    using H = Harness;
    auto nothing = [](H&) {};
    auto atHelp = [](H& h) { h.resident.tap(intent::Open{Screen::Help}); };
    return {
        {"Open", nothing, intent::Open{Screen::Help}},
        {"Back", atHelp, intent::Back{}},
        {"StartOver", atHelp, intent::StartOver{}},
        {"SetLanguage", nothing, intent::SetLanguage{Language::English}},
        {"SetTextSize", nothing, intent::SetTextSize{TextSize::Large}},
        {"SetContrast", nothing, intent::SetContrast{Contrast::HighDark}},
        {"StillHere",
         [](H& h) {
             h.resident.tap(intent::Open{Screen::Help});
             h.flow().tick(h.resident.now() + 3min);
         },
         intent::StillHere{}},
        {"ChooseCategory", [](H& h) { h.resident.tap(intent::Open{Screen::ProcedureCategories}); },
         intent::ChooseCategory{"civil_status"}},
        {"ChooseProcedure", nothing, intent::ChooseProcedure{kShowcase}},
        {"ChooseChannel",
         [](H& h) {
             h.resident.tap(intent::ChooseProcedure{kShowcase});
             h.resident.tap(intent::Next{});
         },
         intent::ChooseChannel{SubmitChannel::Kiosk}},
        {"ChooseIdentity",
         [](H& h) {
             h.resident.tap(intent::ChooseProcedure{kShowcase});
             h.resident.tap(intent::Next{});
             h.resident.tap(intent::ChooseChannel{SubmitChannel::Kiosk});
         },
         intent::ChooseIdentity{IdentitySource::Typed}},
        {"Next", [](H& h) { h.resident.tap(intent::ChooseProcedure{kShowcase}); }, intent::Next{}},
        {"EditField", [](H& h) { h.toFirstGroup(); }, intent::EditField{},
         [](H& h) -> Intent {
             return intent::EditField{h.showcase().groups.front().fields.front().id};
         }},
        {"EditGroup", [](H& h) { h.toConsent(); }, intent::EditGroup{0}},
        {"ToggleDocument",
         [](H& h) {
             h.toConsent();
             h.resident.tap(intent::Back{});
             h.resident.tap(intent::Back{});
         },
         intent::ToggleDocument{"birth-certificate-paper"}},
        {"SetConsent", [](H& h) { h.toConsent(); }, intent::SetConsent{true}},
        {"Submit",
         [](H& h) {
             h.toConsent();
             h.resident.tap(intent::SetConsent{true});
         },
         intent::Submit{}},
        {"Rate", [](H& h) { h.toResult(); }, intent::Rate{3}},
        {"Finish", [](H& h) { h.toResult(); }, intent::Finish{}},
        {"PressKey", [](H& h) { h.openEditor(FieldType::Name); }, intent::PressKey{charKey(U'a')}},
        {"MoveCursor",
         [](H& h) {
             h.openEditor(FieldType::Name);
             h.resident.type("Lan");
         },
         intent::MoveCursor{0}},
        {"EditDone",
         [](H& h) {
             h.openEditor(FieldType::Name);
             h.resident.type("Lan");
         },
         intent::EditDone{}},
        {"EditCancel", [](H& h) { h.openEditor(FieldType::Name); }, intent::EditCancel{}},
        {"PickItem", [](H& h) { h.openEditor(FieldType::Select); }, intent::PickItem{"first-item"}},
        {"PickDatePart",
         [](H& h) {
             h.openEditor(FieldType::Date);
             h.resident.type("1990");
             h.resident.tap(intent::EditDone{});
         },
         intent::PickDatePart{3}},
        {"LookupSubmit",
         [](H& h) {
             h.resident.tap(intent::Open{Screen::Lookup});
             h.resident.tap(intent::EditField{kLookupCodeField});
             h.resident.type("000.00.00.H01-261125-0001");
             h.resident.tap(intent::EditDone{});
         },
         intent::LookupSubmit{}},
        {"OpenVolunteerSignIn", atHelp, intent::OpenVolunteerSignIn{}},
        {"CallVolunteer", atHelp, intent::CallVolunteer{}},
        {"ChooseVolunteer", [](H& h) { h.toVolunteerList(); },
         intent::ChooseVolunteer{"vol-0a1b2c3d"}},
        {"PinKey", [](H& h) { h.toVolunteerPin(); }, intent::PinKey{charKey(U'2')}},
        {"OpenVolunteerTools", [](H& h) { h.volunteerSignedIn(); }, intent::OpenVolunteerTools{}},
        {"ReprintLastReceipt",
         [](H& h) {
             h.volunteerSignedIn();
             h.resident.tap(intent::OpenVolunteerTools{});
         },
         intent::ReprintLastReceipt{}},
        {"RetryOutbox",
         [](H& h) {
             h.volunteerSignedIn();
             h.resident.tap(intent::OpenVolunteerTools{});
         },
         intent::RetryOutbox{}},
        {"SignOutVolunteer", [](H& h) { h.volunteerSignedIn(); }, intent::SignOutVolunteer{}},
        {"OpenMaintainer", nothing, intent::OpenMaintainer{}},
        {"ChooseMaintainerTab", [](H& h) { h.maintainer(); },
         intent::ChooseMaintainerTab{MaintainerTab::Volunteers}},
        {"ChooseReportRange", [](H& h) { h.maintainer(); },
         intent::ChooseReportRange{ReportRangeKind::Week}},
        {"ShiftCustomRange",
         [](H& h) {
             h.maintainer();
             h.resident.tap(intent::ChooseReportRange{ReportRangeKind::Custom});
         },
         intent::ShiftCustomRange{intent::RangeEnd::From, -1}},
        {"ExportReport", [](H& h) { h.maintainer(); }, intent::ExportReport{}},
        {"PrintReportSummary", [](H& h) { h.maintainer(); }, intent::PrintReportSummary{}},
        {"SetVolunteerEnabled", [](H& h) { h.maintainer(); },
         intent::SetVolunteerEnabled{"vol-0a1b2c3d", false}},
        {"InstallFoundPack", [](H& h) { h.maintainerContent(true, false); },
         intent::InstallFoundPack{}},
        {"RollbackContent", [](H& h) { h.maintainerContent(false, true); },
         intent::RollbackContent{}},
        {"ChooseLesson", [](H& h) { h.resident.tap(intent::Open{Screen::Lessons}); },
         intent::ChooseLesson{"vneid-activation-01"}},
        {"LessonNext",
         [](H& h) { h.toLessonStep([](const LessonStep& s) { return s.kind == StepKind::Read; }); },
         intent::LessonNext{}},
        {"PhoneKey",
         [](H& h) {
             h.toLessonStep([](const LessonStep& s) { return s.kind == StepKind::PracticePhone; });
         },
         intent::PhoneKey{'0'}},
        {"PhoneSubmit",
         [](H& h) {
             h.toLessonStep([](const LessonStep& s) { return s.kind == StepKind::PracticePhone; });
             for (const char* c = kPracticeIdNumber; *c != 0; ++c) {
                 h.resident.tap(intent::PhoneKey{*c});
             }
         },
         intent::PhoneSubmit{}},
        {"QuizAnswer",
         [](H& h) { h.toLessonStep([](const LessonStep& s) { return s.kind == StepKind::Quiz; }); },
         intent::QuizAnswer{0}},
        {"PrintTakeHome", [](H& h) { h.toLessonDone(); }, intent::PrintTakeHome{}},
        {"ListenAloud",
         [](H& h) { h.toLessonStep([](const LessonStep& s) { return s.kind == StepKind::Read; }); },
         intent::ListenAloud{}},
        {"WatchVideo",
         [](H& h) { h.toLessonStep([](const LessonStep& s) { return s.video.has_value(); }); },
         intent::WatchVideo{}},
        {"ControlVideo",
         [](H& h) {
             h.toLessonStep([](const LessonStep& s) { return s.video.has_value(); });
             h.resident.tap(intent::WatchVideo{});
         },
         intent::ControlVideo{VideoCommand::Pause}},
        {"CloseVideo",
         [](H& h) {
             h.toLessonStep([](const LessonStep& s) { return s.video.has_value(); });
             h.resident.tap(intent::WatchVideo{});
         },
         intent::CloseVideo{}},
        {"StartAddVolunteer",
         [](H& h) {
             h.maintainer();
             h.resident.tap(intent::ChooseMaintainerTab{MaintainerTab::Volunteers});
         },
         intent::StartAddVolunteer{}},
        {"AddVolunteerKey",
         [](H& h) {
             h.maintainer();
             h.resident.tap(intent::ChooseMaintainerTab{MaintainerTab::Volunteers});
             h.resident.tap(intent::StartAddVolunteer{});
             input::KeyDef done; // the name step: nothing typed keeps "TNV n"; on to the PIN
             done.action = input::KeyAction::Done;
             h.resident.tap(intent::AddVolunteerKey{done});
         },
         intent::AddVolunteerKey{charKey(U'7')}},
        {"CancelAddVolunteer",
         [](H& h) {
             h.maintainer();
             h.resident.tap(intent::ChooseMaintainerTab{MaintainerTab::Volunteers});
             h.resident.tap(intent::StartAddVolunteer{});
         },
         intent::CancelAddVolunteer{}},
        {"OpenProcedureSearch",
         [](H& h) { h.resident.tap(intent::Open{Screen::ProcedureCategories}); },
         intent::OpenProcedureSearch{}},
        {"ShowSearchKeyboard",
         [](H& h) {
             h.resident.tap(intent::OpenProcedureSearch{});
             input::KeyDef done;
             done.action = input::KeyAction::Done;
             h.resident.tap(intent::PressKey{done});
         },
         intent::ShowSearchKeyboard{}},
        {"ShowSearchResults",
         [](H& h) {
             h.resident.tap(intent::OpenProcedureSearch{});
             for (char32_t c : std::u32string(U"dang ky")) {
                 h.resident.tap(intent::PressKey{charKey(c)});
             }
         },
         intent::ShowSearchResults{}},
        {"ReadAloud", [](H&) {}, intent::ReadAloud{}},
        {"ReadAloudFinished",
         [](H& h) {
             audio::ScreenSpeech speech;
             speech.add(audio::SpeechRole::Heading, "Xin chào");
             h.resident.tap(intent::ReadAloud{speech});
         },
         intent::ReadAloudFinished{}},
        {"SetGuidanceVolume", [](H& h) { h.volunteerSignedIn(); }, intent::SetGuidanceVolume{50}},
        {"ReadBack",
         [](H& h) {
             h.toConsent();
             h.resident.tap(intent::Back{});
         },
         intent::ReadBack{0}},
    };
}

} // namespace

TEST_CASE("every intent reaches a handler that changes the screen's state or asks for work",
          "[runtime][intents]") {
    std::set<std::size_t> covered;
    for (IntentCase& c : intentCases()) {
        INFO(c.name);
        covered.insert(c.intent.index());
        Harness h;
        c.reach(h);
        h.flow().takeEffects(); // only the effects of the intent under test count
        std::string before = fingerprint(h.state());
        h.flow().apply(c.makeIntent ? c.makeIntent(h) : c.intent, h.resident.now() + 1s);
        bool asked = !h.flow().takeEffects().empty();
        bool changed = fingerprint(h.state()) != before;
        CHECK((asked || changed));
    }
    // One case per alternative: a new intent needs a case here.
    CHECK(covered.size() == std::variant_size_v<Intent>);
}
