// What a resident asked for on a screen; the UI returns intents, the flow applies them.
#pragma once

#include "kiosk/audio/screen_speech.hpp"
#include "kiosk/flow/dossier_draft.hpp"
#include "kiosk/flow/screen.hpp"
#include "kiosk/flow/session_state.hpp"
#include "kiosk/i18n/language.hpp"
#include "kiosk/input/keyboard_layout.hpp"

#include <cstddef>
#include <string>
#include <variant>

namespace kiosk::intent {

struct Open {
    Screen screen;
};
struct Back {};
struct StartOver {}; // wipe the session and return home
struct SetLanguage {
    Language language;
};
struct SetTextSize {
    TextSize size;
};
struct SetContrast {
    Contrast contrast;
};
struct StillHere {}; // answer to the inactivity countdown

// Guided submission.
struct ChooseCategory {
    std::string id;
};
struct ChooseProcedure {
    std::string code;
};
struct ChooseChannel {
    SubmitChannel channel;
};
struct ChooseIdentity {
    IdentitySource source;
};
struct Next {}; // the screen's main "Continue"
struct EditField {
    std::string fieldId;
};
struct EditGroup { // from Review: change one screen's answers, then come back
    std::size_t group;
};
struct ToggleDocument {
    std::string id;
};
struct SetConsent {
    bool given;
};
struct Submit {};
struct Rate {
    int score;
};
struct Finish {}; // the resident is done: wipe and go home

// The field editor (keyboard, number pad, list, date).
struct PressKey { // a key of the on-screen keyboard, as the layout defines it
    input::KeyDef key;
};
struct MoveCursor {
    int codepoint;
};
struct EditDone {};
struct EditCancel {};
struct PickItem {
    std::string itemId;
};
struct PickDatePart { // a month (1-12) or a day (1-31), by the picker's stage
    int value;
};

// Lookup of a dossier by its code.
struct LookupSubmit {};

// Assisted mode and the maintainer screen (flow_assist.cpp).
struct OpenVolunteerSignIn {}; // the discreet entry on the help screen
struct ChooseVolunteer {
    std::string id;
};
struct PinKey { // a key of the PIN pad
    input::KeyDef key;
};
struct OpenVolunteerTools {}; // from the assisted-mode banner
struct ReprintLastReceipt {};
struct RetryOutbox {};
struct SignOutVolunteer {};
struct OpenMaintainer {}; // asks for the maintainer PIN first
struct CallVolunteer {};  // the Help screen's call button: a chime and a note on the tools
struct ChooseMaintainerTab {
    MaintainerTab tab;
};
struct ChooseReportRange {
    ReportRangeKind kind;
};
enum class RangeEnd { From, To };
struct ShiftCustomRange { // the date pads of a custom range: move one end by whole days
    RangeEnd end;
    int days;
};
struct ExportReport {};
struct PrintReportSummary {};
struct SetVolunteerEnabled {
    std::string id;
    bool enabled;
};
struct InstallFoundPack {};
struct RollbackContent {};
// Digital-skills lessons; Back steps back through the lesson, StartOver leaves it.
struct ChooseLesson {
    std::string id;
};
struct LessonNext {};
struct PhoneKey { // a key of the simulated phone's number pad: '0'..'9' or kPhoneDelete
    char key;
};
struct PhoneSubmit {};
struct QuizAnswer {
    std::size_t index;
};
struct PrintTakeHome {};
struct ListenAloud {}; // read the current step aloud
struct WatchVideo {};  // open the current step's video guide
struct ControlVideo {
    VideoCommand command;
};
struct CloseVideo {};
// The maintainer adds a volunteer: a label ("TNV 3"), then the volunteer's new PIN twice.
struct StartAddVolunteer {};
struct AddVolunteerKey { // a key of the new-PIN pad
    input::KeyDef key;
};
struct CancelAddVolunteer {};
// Procedure search (flow_search.cpp): typing goes through PressKey, a result is ChooseProcedure.
struct OpenProcedureSearch {};
struct ShowSearchKeyboard {};
// The keyboard steps aside for the whole list of results (as Done does).
struct ShowSearchResults {};
// "Nghe" on any screen: the UI hands over what the screen says (heading, instruction, choices);
// tapping it again while it speaks stops it.
struct ReadAloud {
    audio::ScreenSpeech speech;
};
struct ReadAloudFinished {}; // the speaker reached the end (from the media player, not a tap)
// Review: the resident asks to hear one screen's answers (the only way answers are spoken).
struct ReadBack {
    std::size_t group;
};
struct SetGuidanceVolume { // volunteer tools: how loud spoken guidance is, 0-100
    int percent;
};

} // namespace kiosk::intent

namespace kiosk {

using Intent = std::variant<
    intent::Open, intent::Back, intent::StartOver, intent::SetLanguage, intent::SetTextSize,
    intent::SetContrast, intent::StillHere, intent::ChooseCategory, intent::ChooseProcedure,
    intent::ChooseChannel, intent::ChooseIdentity, intent::Next, intent::EditField,
    intent::EditGroup, intent::ToggleDocument, intent::SetConsent, intent::Submit, intent::Rate,
    intent::Finish, intent::PressKey, intent::MoveCursor, intent::EditDone, intent::EditCancel,
    intent::PickItem, intent::PickDatePart, intent::LookupSubmit, intent::OpenVolunteerSignIn,
    intent::ChooseVolunteer, intent::PinKey, intent::OpenVolunteerTools, intent::ReprintLastReceipt,
    intent::RetryOutbox, intent::SignOutVolunteer, intent::OpenMaintainer,
    intent::ChooseMaintainerTab, intent::ChooseReportRange, intent::ShiftCustomRange,
    intent::ExportReport, intent::PrintReportSummary, intent::SetVolunteerEnabled,
    intent::InstallFoundPack, intent::RollbackContent, intent::ChooseLesson, intent::LessonNext,
    intent::PhoneKey, intent::PhoneSubmit, intent::QuizAnswer, intent::PrintTakeHome,
    intent::ListenAloud, intent::WatchVideo, intent::ControlVideo, intent::CloseVideo,
    intent::StartAddVolunteer, intent::AddVolunteerKey, intent::CancelAddVolunteer,
    intent::OpenProcedureSearch, intent::ShowSearchKeyboard, intent::ShowSearchResults,
    intent::CallVolunteer, intent::ReadAloud, intent::ReadAloudFinished, intent::SetGuidanceVolume,
    intent::ReadBack>;

} // namespace kiosk
