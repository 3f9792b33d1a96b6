// Work the flow asks the app to do with devices and services; results come back as calls.
#pragma once

#include "kiosk/audio/screen_speech.hpp"
#include "kiosk/flow/dossier_draft.hpp"
#include "kiosk/flow/variant_group.hpp"
#include "kiosk/i18n/language.hpp"
#include "kiosk/input/secure_buffer.hpp"
#include "kiosk/lesson/lesson_session.hpp"
#include "kiosk/procedure/procedure.hpp"
#include "kiosk/usage/usage_report.hpp"

#include <optional>
#include <string>
#include <variant>

namespace kiosk::effect {

// Commit the dossier to the outbox, then send it; the answer is submissionFinished. It carries
// everything the worker needs, so nothing is read back from the flow, which may have moved on.
struct SubmitDossier {
    Procedure procedure;
    FieldValues answers; // personal data: the worker wipes its copy once committed
    Language language = Language::Vietnamese;
};
// Print the receipt of the dossier committed under this reference; answer: receiptPrinted.
struct PrintReceipt {
    std::string localReference;
};
struct ReadCard { // read the chip ID card; the number opens it (PACE CAN / BAC)
    std::string idNumber;
    // YYMMDD, both empty until the card asked for them (BAC-only cards, CardDates screen).
    std::string dateOfBirth;
    std::string dateOfExpiry;
};
struct LookupDossier { // ask the gateway for a dossier's status
    std::string code;
};

// Assisted mode and the maintainer screen (flow_assist.cpp). PIN checks are slow (scrypt):
// the app runs them off the UI thread and answers with volunteerPinChecked/maintainerPinChecked.
struct LoadVolunteers {}; // answer: volunteersLoaded (enabled and disabled)
struct CheckVolunteerPin {
    std::string id;
    input::SecureString pin;
};
struct CheckMaintainerPin {
    input::SecureString pin;
};
struct LoadVolunteerTools {}; // answer: volunteerToolsLoaded
struct ReprintLastReceipt {}; // answer: reprintFinished
struct RetryOutbox {};        // answer: volunteerToolsLoaded with the new counts
struct BuildReport {          // answer: reportBuilt / reportFailed
    DateRange range;
};
struct ExportReport { // CSV to the mounted stick; answer: reportExported
    DateRange range;
};
struct PrintReportSummary { // on the receipt printer; answer: reportPrinted
    DateRange range;
};
struct SetVolunteerEnabled { // answer: volunteersLoaded
    std::string id;
    bool enabled;
};
struct InspectContent {}; // status and the stick's pack; answer: contentInspected
struct InstallPack {      // answer: installProgress..., installFinished
    std::string path;
};
struct RollbackContent {}; // answer: rollbackFinished
struct CheckHealth {};     // run the health checks (kioskctl doctor's); answer: healthChecked
// Lessons.
struct PrintTakeHomeSheet { // print the lesson's reminders (buildTakeHomeSheet) in `language`
    std::string lessonId;
    Language language = Language::Vietnamese;
};
// Speak a text: the recorded clip for the key, else synthesised speech.
struct PlayAudio {
    std::string textKey; // "<lesson id>.step03"
    Language language = Language::Vietnamese;
    std::string text;                // what to synthesise when there is no clip
    std::optional<std::string> clip; // a clip the content names explicitly
    int volumePercent = 80;          // AssistState::guidanceVolumePercent when it was asked for
};
struct StopAudio {};
// Read the screen aloud: each line from the pack's clip for its text, else synthesised.
struct SpeakScreen {
    audio::ScreenSpeech speech;
    Language language = Language::Vietnamese;
    int volumePercent = 80;
};
// Keep the guidance volume a volunteer chose (VolunteerStore setting); no answer.
struct SaveGuidanceVolume {
    int percent;
};
// The video guide of a lesson step, full screen; the path is inside the content pack.
struct OpenVideo {
    std::string path;
};
struct ControlVideo {
    VideoCommand command;
};
struct CloseVideo {};
struct LessonCompleted { // record the anonymous usage event (UsageEvent::lessonCompleted)
    std::string lessonId;
};
struct AddVolunteer { // hash and store; answer: volunteerAdded, then volunteersLoaded
    std::string label;
    input::SecureString pin;
};

} // namespace kiosk::effect

namespace kiosk {

// Work on the volunteer store, the content store and the USB stick (AssistServices::perform).
using AssistEffect =
    std::variant<effect::LoadVolunteers, effect::CheckVolunteerPin, effect::CheckMaintainerPin,
                 effect::BuildReport, effect::ExportReport, effect::PrintReportSummary,
                 effect::SetVolunteerEnabled, effect::InspectContent, effect::InstallPack,
                 effect::RollbackContent, effect::AddVolunteer, effect::CheckHealth,
                 effect::SaveGuidanceVolume>;
// Sound and video of lessons: the screen's business (MediaPlayer).
using MediaEffect = std::variant<effect::PlayAudio, effect::StopAudio, effect::OpenVideo,
                                 effect::ControlVideo, effect::CloseVideo, effect::SpeakScreen>;

using Effect =
    std::variant<effect::SubmitDossier, effect::PrintReceipt, effect::ReadCard,
                 effect::LookupDossier, effect::LoadVolunteers, effect::CheckVolunteerPin,
                 effect::CheckMaintainerPin, effect::LoadVolunteerTools, effect::ReprintLastReceipt,
                 effect::RetryOutbox, effect::BuildReport, effect::ExportReport,
                 effect::PrintReportSummary, effect::SetVolunteerEnabled, effect::InspectContent,
                 effect::InstallPack, effect::RollbackContent, effect::PrintTakeHomeSheet,
                 effect::PlayAudio, effect::StopAudio, effect::LessonCompleted, effect::OpenVideo,
                 effect::ControlVideo, effect::CloseVideo, effect::AddVolunteer,
                 effect::CheckHealth, effect::SpeakScreen, effect::SaveGuidanceVolume>;

} // namespace kiosk
