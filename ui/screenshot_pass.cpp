// The screenshot scenes: a scripted resident walks a fresh flow to each screen.
#include "ui/screenshot_pass.hpp"

#include "ui/kiosk_app.hpp"
#include "ui/lesson_scenes.hpp"

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
    outcome.appointmentText = "16:00, 25/11/2026";
    flow.submissionFinished(outcome);
    flow.takeEffects();
    flow.receiptPrinted(true);
}

std::map<std::string, std::string> syntheticCard() {
    return {{"card.full_name", "Nguyễn Thị Ánh Tuyết"},
            {"card.id_number", "026190001234"},
            {"card.date_of_birth", "05/01/1990"},
            {"card.sex", "female"},
            {"card.ethnicity", "Kinh"},
            {"card.place_of_origin", "Vĩnh Tường, Vĩnh Phúc"},
            {"card.place_of_residence", "Thôn Đông, Xã Vĩnh Tường, Phú Thọ"},
            {"card.verification", "verified"}};
}

void toCardRead(Flow& flow, ScriptedResident& resident) {
    resident.startProcedure(showcase(flow), IdentitySource::Card);
    resident.type("026190001234");
    resident.tap(intent::EditDone{});
    flow.takeEffects();
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
    return {{1280, 800, 217.0}, {1920, 1080, 344.0}};
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
        flow.cardReadFailed("wrong_key");
    });
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
        toFirstGroup(flow, r);
        r.tap(intent::EditField{firstField(showcase(flow), FieldType::Name)->id});
        r.type("Nguyeenx Thij Asnh Tuyeets");
    });
    add("editor_id_number", [](Flow& flow, R& r) {
        toFirstGroup(flow, r);
        r.tap(intent::EditField{firstField(showcase(flow), FieldType::IdNumber)->id});
        r.type("0261");
    });
    add("editor_id_number_problem", [](Flow& flow, R& r) {
        toFirstGroup(flow, r);
        r.tap(intent::EditField{firstField(showcase(flow), FieldType::IdNumber)->id});
        r.type("999190001234");
        r.tap(intent::EditDone{});
    });
    add("editor_select", [](Flow& flow, R& r) {
        toFirstGroup(flow, r);
        r.tap(intent::EditField{firstField(showcase(flow), FieldType::Select)->id});
    });
    add("editor_date_year", [](Flow& flow, R& r) {
        toFirstGroup(flow, r);
        r.tap(intent::EditField{firstField(showcase(flow), FieldType::Date)->id});
        r.type("19");
    });
    add("editor_date_month", [](Flow& flow, R& r) {
        toFirstGroup(flow, r);
        r.tap(intent::EditField{firstField(showcase(flow), FieldType::Date)->id});
        r.type("2026");
        r.tap(intent::EditDone{});
    });
    add("editor_date_day", [](Flow& flow, R& r) {
        toFirstGroup(flow, r);
        r.tap(intent::EditField{firstField(showcase(flow), FieldType::Date)->id});
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
        answer.statusCode = "processing";
        answer.appointmentText = "16:00, 27/11/2026";
        flow.lookupFinished(answer);
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
        scenes.push_back(
            {"editor_name" + suffix,
             [size](Flow& flow, R& r) {
                 r.tap(intent::SetTextSize{size});
                 toFirstGroup(flow, r);
                 r.tap(intent::EditField{firstField(showcase(flow), FieldType::Name)->id});
                 r.type("Nguyeenx");
             },
             healthyDevices(), true});
    }
    for (Contrast contrast : {Contrast::HighLight, Contrast::HighDark}) {
        std::string suffix = "_contrast_" + std::to_string(static_cast<int>(contrast));
        scenes.push_back({"home" + suffix,
                          [contrast](Flow&, R& r) { r.tap(intent::SetContrast{contrast}); },
                          healthyDevices(), true});
        scenes.push_back(
            {"editor_name" + suffix,
             [contrast](Flow& flow, R& r) {
                 r.tap(intent::SetContrast{contrast});
                 toFirstGroup(flow, r);
                 r.tap(intent::EditField{firstField(showcase(flow), FieldType::Name)->id});
                 r.type("Nguyeenx");
             },
             healthyDevices(), true});
    }
    ScreenshotScene trouble{"home_devices_trouble", [](Flow&, R&) {}, healthyDevices(), true};
    trouble.devices.printer = PrinterState::NoPaper;
    trouble.devices.reader = ReaderState::Disconnected;
    trouble.devices.readerSimulated = false;
    trouble.devices.network = NetworkState::Offline;
    trouble.devices.queuedDossiers = 3;
    scenes.push_back(std::move(trouble));
    return scenes;
}

int runScreenshotPass(const KioskOptions& options, const Config& config, Logger& logger,
                      Uint32 terminateType, const std::filesystem::path& dir) {
    int written = 0;
    for (const Resolution& resolution : screenshotResolutions()) {
        Config panel = config;
        panel.display.panelWidthMm = resolution.panelWidthMm;
        panel.display.panelHeightMm =
            resolution.panelWidthMm * resolution.height / resolution.width;
        KioskApp app(options, panel, logger, terminateType);
        if (!app.start(WindowMode::Offscreen, resolution.width, resolution.height) ||
            app.catalog() == nullptr) {
            return 1;
        }
        std::string folder =
            std::to_string(resolution.width) + "x" + std::to_string(resolution.height);
        std::vector<ScreenshotScene> scenes = screenshotScenes();
        if (app.lessons() != nullptr) {
            auto lessonScenes = lessonScreenshotScenes(*app.lessons());
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
                app.devices() = scene.devices;
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
    return written > 0 ? 0 : 1;
}

} // namespace kiosk::ui
