// The whole state of one resident's session, as plain data the UI draws.
#pragma once

#include "kiosk/flow/assist_state.hpp"
#include "kiosk/flow/dossier_draft.hpp"
#include "kiosk/flow/screen.hpp"
#include "kiosk/i18n/language.hpp"
#include "kiosk/lesson/lesson_session.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiosk {

using SteadyTime = std::chrono::steady_clock::time_point;

// Four text sizes, defined by the cap height of body text in millimetres on the panel.
enum class TextSize { Normal, Large, Larger, Largest };
enum class Contrast { Standard, HighLight, HighDark };

struct Accessibility {
    TextSize textSize = TextSize::Normal;
    Contrast contrast = Contrast::Standard;
    bool operator==(const Accessibility&) const = default;
};

// The lookup of a dossier's status by its code.
struct LookupState {
    std::string code;
    bool searching = false;
    bool found = false;
    std::string statusCode; // the gateway's status, mapped to words by the screen
    std::string appointmentText;
    std::string failureReason; // network or gateway problem, in words for the resident
    // Set when `code` is this kiosk's own reference (from a "Phiếu chờ gửi"), not a dossier code.
    bool localReference = false;
    bool stillWaiting = false; // that dossier is still in the outbox, not yet delivered
    std::string dossierCode;   // the code the commune gave it, once delivered
    std::string statusReason;  // the officer's words, e.g. which papers to bring
    // The data-access record: how many times officers opened the dossier, and which office.
    std::int64_t openedCount = 0;
    std::vector<std::pair<std::string, std::int64_t>> openedBy;
};

// Finding a procedure by typing part of its name. The typed words could say something about the
// resident, so they live only in the composer (wiped with the session) and are never logged.
enum class SearchKeyboard { Shown, Hidden };
struct ProcedureSearchState {
    std::unique_ptr<input::VietnameseComposer> composer;
    input::KeyboardState keyboard;
    SearchKeyboard shown = SearchKeyboard::Shown; // Done hides it so more results fit
    std::vector<std::string> results;             // procedure codes, best first
};

// The field id used by the editor when the lookup code is being typed.
inline constexpr const char* kLookupCodeField = "lookup.code";

// Whether the screen is being read aloud ("Nghe" pressed); any navigation makes it Silent.
enum class ReadAloudState { Silent, Speaking };

struct SessionState {
    // A session starts at the first touch after home and ends with a wipe.
    bool active = false;
    Screen screen = Screen::Home;
    std::vector<Screen> history; // for Back
    Language language = Language::Vietnamese;
    Accessibility accessibility;
    SteadyTime lastInput{};
    SteadyTime startedAt{};
    // Set while the "Are you still there?" countdown runs: when it will wipe the session.
    std::optional<SteadyTime> wipeAt;
    // Shown on the maintenance screen: what is wrong, for the maintainer (never personal data).
    std::string maintenanceReason;
    // The resident pressed "Gọi tình nguyện viên": the volunteer tools show it until the
    // session ends.
    bool volunteerCalled = false;
    ReadAloudState readAloud = ReadAloudState::Silent;
    // The last session ended because nobody touched the screen: home says that what was typed
    // is erased (the resident who stepped away, or the next one, sees it) until the next touch.
    bool erasedAfterTimeout = false;

    DossierDraft dossier;
    LookupState lookup;
    ProcedureSearchState search;

    // This resident session had a volunteer's help (counted in the usage log by the app).
    bool assisted = false;
    std::string assistedBy; // the volunteer's pseudonymous id
    // Kept across the resident's wipe: the volunteer's shift (flow_assist.cpp).
    AssistState assist;
    LessonSession lesson;
};

} // namespace kiosk
