// The session state machine: applies intents, runs the inactivity countdown, wipes sessions,
// and asks the app for device and network work through effects.
#pragma once

#include "kiosk/assist/assist_session.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/flow/effect.hpp"
#include "kiosk/flow/intent.hpp"
#include "kiosk/flow/intent_groups.hpp"
#include "kiosk/flow/session_state.hpp"
#include "kiosk/lesson/lesson_loader.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/procedure/procedure_loader.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace kiosk {

class Flow {
public:
    using UnixClock = std::function<std::int64_t()>;

    Flow(const Config& config, Logger& logger, UnixClock unixNow = nullptr);

    const SessionState& state() const { return state_; }
    // The procedures residents can choose from; null until content is loaded. Swapped only
    // between sessions by the app.
    void setCatalog(const ProcedureCatalog* catalog) { catalog_ = catalog; }
    const ProcedureCatalog* catalog() const { return catalog_; }
    const Procedure* currentProcedure() const;
    // The digital-skills lessons; null until content is loaded (flow_lesson.cpp).
    void setLessons(const LessonCatalog* lessons) { lessons_ = lessons; }
    const LessonCatalog* lessons() const { return lessons_; }
    const Lesson* currentLesson() const;

    // A touch anywhere: the resident is present.
    void noteInput(SteadyTime now);
    void apply(const Intent& intent, SteadyTime now);

    // Work requested by the last intents, oldest first; the app performs it and reports back.
    std::vector<Effect> takeEffects();
    // Results of effects.
    void cardRead(CardHolder holder);
    void cardReadFailed(CardReadFailure failure);
    void submissionFinished(SubmissionOutcome outcome);
    // `printerConnected` false: no printer to print on (the resident writes the code down).
    void receiptPrinted(bool printed, bool printerConnected = true);
    void lookupFinished(LookupState result);

    // Runs the timers; returns true when the state changed and the screen must be redrawn.
    bool tick(SteadyTime now);
    // When tick() next has something to do, so the UI can sleep until then.
    std::optional<SteadyTime> nextDeadline() const;
    // Whole seconds left on the "Are you still there?" countdown (0 when it is not shown).
    int secondsUntilWipe(SteadyTime now) const;

    // The kiosk cannot serve residents (bad config, no content): show the maintenance screen.
    void enterMaintenance(std::string reason);

    // Assisted mode and the maintainer screen (flow_assist.cpp): results of their effects.
    void volunteersLoaded(std::vector<VolunteerEntry> volunteers);
    // The guidance volume a volunteer saved earlier (read from the store at start-up).
    void guidanceVolumeLoaded(int percent);
    void guidanceVolumeSaved(int percent, bool saved);
    void volunteerPinChecked(const PinCheckResult& result);
    void maintainerPinChecked(const PinCheckResult& result);
    void volunteerToolsLoaded(const VolunteerToolsState& tools);
    void reprintFinished(VolunteerToolsState::Reprint result);
    void reportBuilt(UsageReport report);
    void reportFailed(std::string reason);
    // Saved: `detail` is where on the stick; otherwise a system reason (may be empty).
    void reportExported(UsbExportOutcome outcome, std::string detail);
    // The answer to effect::AddVolunteer: the label it was stored under, or why not.
    void volunteerAdded(bool added, std::string failure);
    void reportPrinted(bool printed);
    void contentInspected(ContentView view);
    void healthChecked(std::vector<HealthResult> results);
    void installProgress(std::uint64_t bytesDone, std::uint64_t bytesTotal);
    void installFinished(bool installed, std::string versionOrReason);
    void rollbackFinished(bool rolledBack, std::string versionOrReason);
    // The app switched residents to the newly installed (or rolled back) content.
    void contentActivated();
    // Who is signed in, for the usage log (volunteerToCount) and the app's own checks.
    const AssistSession& assistSession() const { return assist_; }

private:
    void open(Screen screen, SteadyTime now);
    void applyToSession(const Intent& intent, SteadyTime now);
    void readAloud(audio::ScreenSpeech speech);
    // One review group's answers as ReadBack lines: spoken only because the resident asked.
    audio::ScreenSpeech readBackSpeech(std::size_t group) const;
    void back();
    void startSessionIfIdle(SteadyTime now);
    void wipe(LogEvent why);

    // Guided submission (flow_dossier.cpp).
    void chooseProcedure(const std::string& code, SteadyTime now);
    void next(SteadyTime now);
    void submit(SteadyTime now);
    ValidationContext validationContext() const;
    // Card reading (flow_card.cpp): the effect with whatever opens the chip, and the retry.
    void startCardRead(SteadyTime now);
    effect::ReadCard readCardEffect() const;
    void cardDatesNext(SteadyTime now);

    // The field editor (flow_editor.cpp).
    void startEdit(const std::string& fieldId, SteadyTime now);
    void finishEdit(bool keep);
    void editDone();
    void pickItem(const std::string& itemId);
    void pickDatePart(int value);
    void editorBack();
    void storeAnswer(const Field& field, const std::string& value);
    // The card data of fields pre-filled only for one answer (the mother's, when the applicant
    // is the mother) follows that answer.
    void refreshCardPrefill();
    const Field* editedField() const;

    // Procedure search (flow_search.cpp).
    void openSearch(SteadyTime now);
    void searchKey(const input::KeyDef& key);
    void refreshSearch();
    void noteSearchChoice(const std::string& code);

    // Assisted mode and the maintainer screen (flow_assist.cpp).
    void applyAssist(const AssistIntent& intent, SteadyTime now);
    void pinKey(const input::KeyDef& key);
    void enrolKey(const input::KeyDef& key);
    void enrolLabelKey(const input::KeyDef& key);
    void openMaintainer(SteadyTime now);
    void chooseTab(MaintainerTab tab);
    void requestReport();
    DateRange currentRange() const;
    bool tickAssist(SteadyTime now);
    bool tickSession(SteadyTime now);
    void endAssist(AssistEnd why);
    // Keeps the volunteer's shift (and maintenance) across the resident's wipe.
    void restoreAfterWipe(AssistState assist, std::string maintenanceReason);
    // Lessons (flow_lesson.cpp).
    void applyLesson(const LessonIntent& intent, SteadyTime now);
    void chooseLesson(const std::string& id, SteadyTime now);
    void lessonNext(SteadyTime now);
    // Back inside a lesson; false when Back should leave the screen through the history.
    bool lessonBack();
    void listenAloud();
    void closeVideo();

    const Config& config_;
    Logger& logger_;
    UnixClock unixNow_;
    const ProcedureCatalog* catalog_ = nullptr;
    const LessonCatalog* lessons_ = nullptr;
    SessionState state_;
    std::vector<Effect> effects_;
    AssistSession assist_;
    // The two dates of a BAC-only card, edited with the same date pads as form fields.
    Field cardBirthField_;
    Field cardExpiryField_;
};

} // namespace kiosk
