// Session transitions, the inactivity countdown and the end-of-session wipe.
#include "kiosk/flow/flow.hpp"

#include "drivers/common/overloaded.hpp"
#include "kiosk/dossier/local_time.hpp"

#include <algorithm>
#include <type_traits>

namespace kiosk {

Flow::Flow(const Config& config, Logger& logger, UnixClock unixNow)
    : config_(config)
    , logger_(logger)
    , unixNow_(unixNow ? std::move(unixNow) : UnixClock(nowUnixSeconds))
    , assist_(config.assisted, &logger) {
    state_.language = config.language;
    state_.assist.guidanceVolumePercent = config.audio.volumePercent;
    cardBirthField_.id = kCardBirthField;
    cardBirthField_.label = {"Ngày sinh", "Date of birth"};
    cardBirthField_.type = FieldType::Date;
    cardBirthField_.rule.notFuture = true;
    cardBirthField_.rule.notBefore = "1900-01-01";
    cardExpiryField_.id = kCardExpiryField;
    cardExpiryField_.label = {"Có giá trị đến", "Date of expiry"};
    cardExpiryField_.type = FieldType::Date;
    // Citizen ID cards exist since 2016; an expired card still opens with its printed date.
    cardExpiryField_.rule.notBefore = "2016-01-01";
}

void Flow::startSessionIfIdle(SteadyTime now) {
    if (state_.active || state_.screen == Screen::Maintenance) {
        return;
    }
    state_.active = true;
    state_.startedAt = now;
    state_.assisted = state_.assist.signedIn;
    state_.assistedBy = state_.assist.signedIn ? state_.assist.volunteerId : std::string();
    logger_.log(LogEvent::SessionStarted);
}

void Flow::noteInput(SteadyTime now) {
    state_.lastInput = now;
    assist_.noteActivity(now);
    // Any touch during the countdown means someone is there.
    state_.wipeAt.reset();
}

void Flow::open(Screen screen, SteadyTime now) {
    if (screen == state_.screen) {
        return;
    }
    startSessionIfIdle(now);
    state_.history.push_back(state_.screen);
    state_.screen = screen;
    logger_.log(LogEvent::ScreenChanged, {{"screen", screenName(screen)}});
}

void Flow::back() {
    switch (state_.screen) {
    case Screen::FieldEditor:
        editorBack();
        return;
    case Screen::FormGroup:
        // Form screens step back through the groups before leaving the form.
        state_.dossier.problems.clear();
        if (state_.dossier.groupIndex > 0 && !state_.dossier.reviewing) {
            --state_.dossier.groupIndex;
            return;
        }
        state_.dossier.reviewing = false;
        break;
    case Screen::LessonStep:
    case Screen::LessonDone:
        if (lessonBack()) {
            return;
        }
        break;
    case Screen::Submitting:
    case Screen::Result:
        return; // a submitted dossier cannot be un-submitted by Back
    default:
        break;
    }
    if (state_.history.empty()) {
        return;
    }
    state_.screen = state_.history.back();
    state_.history.pop_back();
    logger_.log(LogEvent::ScreenChanged, {{"screen", screenName(state_.screen)}});
}

namespace {

// Where the resident is, as far as reading aloud cares: when any of it changes, what was being
// read belongs to a screen that is gone.
struct ReadingPlace {
    Screen screen;
    std::size_t history;
    std::size_t group;
    bool editing;
    std::string lesson;
    std::size_t lessonStep;
    bool operator==(const ReadingPlace&) const = default;
};

ReadingPlace readingPlace(const SessionState& state) {
    return {state.screen,
            state.history.size(),
            state.dossier.groupIndex,
            state.dossier.edit.has_value(),
            state.lesson.lessonId,
            state.lesson.step};
}

} // namespace

void Flow::readAloud(audio::ScreenSpeech speech) {
    effects_.push_back(effect::StopAudio{});
    if (state_.readAloud == ReadAloudState::Speaking || speech.empty()) {
        state_.readAloud = ReadAloudState::Silent; // the same button stops it
        return;
    }
    state_.readAloud = ReadAloudState::Speaking;
    effects_.push_back(effect::SpeakScreen{std::move(speech), state_.language,
                                           state_.assist.guidanceVolumePercent});
}

audio::ScreenSpeech Flow::readBackSpeech(std::size_t group) const {
    audio::ScreenSpeech speech;
    const Procedure* procedure = currentProcedure();
    if (procedure == nullptr || group >= procedure->groups.size()) {
        return speech;
    }
    Language language = state_.language;
    const FieldGroup& fields = procedure->groups[group];
    speech.add(audio::SpeechRole::Heading, localText(fields.title, language));
    for (const Field& field : fields.fields) {
        auto found = state_.dossier.values.find(field.id);
        if (found == state_.dossier.values.end()) {
            continue;
        }
        std::string value = found->second;
        const PickerList* list =
            field.picker && catalog_ != nullptr ? catalog_->findList(*field.picker) : nullptr;
        if (const PickerItem* item = list != nullptr ? list->find(value) : nullptr) {
            value = localText(item->label, language);
        }
        speech.add(audio::SpeechRole::ReadBack, localText(field.label, language) + ": " + value);
    }
    return speech;
}

void Flow::apply(const Intent& intent, SteadyTime now) {
    // The speaker finishing is not the resident touching anything: no input, no session start.
    if (std::holds_alternative<intent::ReadAloudFinished>(intent)) {
        state_.readAloud = ReadAloudState::Silent;
        return;
    }
    if (const auto* read = std::get_if<intent::ReadAloud>(&intent)) {
        noteInput(now);
        readAloud(read->speech); // on the maintenance screen too: it stays where it is
        return;
    }
    if (state_.screen == Screen::Maintenance &&
        !std::holds_alternative<intent::OpenMaintainer>(intent)) {
        return; // nothing a resident does can leave maintenance; the maintainer can
    }
    state_.erasedAfterTimeout = false; // said once; the next touch moves on
    noteInput(now);
    ReadingPlace before = readingPlace(state_);
    applyToSession(intent, now);
    if (state_.readAloud == ReadAloudState::Speaking && !(readingPlace(state_) == before)) {
        state_.readAloud = ReadAloudState::Silent;
        effects_.push_back(effect::StopAudio{});
    }
}

void Flow::applyToSession(const Intent& intent, SteadyTime now) {
    std::visit(
        Overloaded{
            [&](const intent::Open& open) { this->open(open.screen, now); },
            [&](const intent::Back&) { back(); },
            [&](const intent::StartOver&) { wipe(LogEvent::SessionEnded); },
            [&](const intent::SetLanguage& set) {
                startSessionIfIdle(now);
                state_.language = set.language;
                logger_.log(LogEvent::LanguageChanged,
                            {{"language", set.language == Language::Vietnamese ? LogToken("vi")
                                                                               : LogToken("en")}});
            },
            [&](const intent::SetTextSize& set) {
                startSessionIfIdle(now);
                state_.accessibility.textSize = set.size;
                logger_.log(LogEvent::AccessibilityChanged,
                            {{"text_size", static_cast<int>(set.size)}});
            },
            [&](const intent::SetContrast& set) {
                startSessionIfIdle(now);
                state_.accessibility.contrast = set.contrast;
                logger_.log(LogEvent::AccessibilityChanged,
                            {{"contrast", static_cast<int>(set.contrast)}});
            },
            [&](const intent::StillHere&) { state_.wipeAt.reset(); },
            [&](const intent::ChooseCategory& choose) {
                state_.dossier.categoryId = choose.id;
                open(Screen::ProcedureList, now);
            },
            [&](const intent::ChooseProcedure& choose) {
                if (state_.screen == Screen::ProcedureSearch) {
                    noteSearchChoice(choose.code);
                }
                chooseProcedure(choose.code, now);
            },
            [&](const intent::ChooseChannel& choose) {
                state_.dossier.channel = choose.channel;
                open(choose.channel == SubmitChannel::Phone ? Screen::PhoneHandOff
                                                            : Screen::Identity,
                     now);
            },
            [&](const intent::ChooseIdentity& choose) {
                state_.dossier.identity = choose.source;
                if (choose.source == IdentitySource::Card) {
                    // The chip opens with the ID number (PACE CAN: its last 6 digits).
                    startEdit(kCardNumberField, now);
                } else {
                    state_.dossier.groupIndex = 0;
                    open(Screen::FormGroup, now);
                }
            },
            [&](const intent::Next&) { next(now); },
            [&](const intent::EditField& edit) { startEdit(edit.fieldId, now); },
            [&](const intent::EditGroup& edit) {
                const Procedure* procedure = currentProcedure();
                if (procedure == nullptr || edit.group >= procedure->groups.size()) {
                    return;
                }
                state_.dossier.groupIndex = edit.group;
                state_.dossier.reviewing = true;
                state_.dossier.problems.clear();
                open(Screen::FormGroup, now);
            },
            [&](const intent::ToggleDocument& toggle) {
                auto& ready = state_.dossier.documentsReady;
                if (!ready.erase(toggle.id)) {
                    ready.insert(toggle.id);
                }
            },
            [&](const intent::SetConsent& consent) { state_.dossier.consent = consent.given; },
            [&](const intent::Submit&) { submit(now); },
            [&](const intent::Rate& rate) {
                // The answer is on the configured scale; the usage log records it as such.
                if (rate.score >= 1 && rate.score <= config_.usage.ratingScale) {
                    state_.dossier.rating = rate.score;
                }
            },
            [&](const intent::Finish&) { wipe(LogEvent::SessionEnded); },
            [&](const intent::PressKey& press) {
                if (state_.screen == Screen::ProcedureSearch) {
                    searchKey(press.key);
                    return;
                }
                if (!state_.dossier.edit || !state_.dossier.edit->composer) {
                    return;
                }
                FieldEdit& edit = *state_.dossier.edit;
                auto outcome = input::pressKey(edit.keyboard, press.key, *edit.composer);
                if (outcome == input::KeyPressOutcome::Done) {
                    editDone();
                } else if (outcome == input::KeyPressOutcome::TextChanged) {
                    edit.problem.reset();
                }
            },
            [&](const intent::MoveCursor& move) {
                if (state_.screen == Screen::ProcedureSearch && state_.search.composer) {
                    state_.search.composer->moveCursor(move.codepoint);
                    return;
                }
                if (state_.dossier.edit && state_.dossier.edit->composer) {
                    state_.dossier.edit->composer->moveCursor(move.codepoint);
                }
            },
            [&](const intent::EditDone&) { editDone(); },
            [&](const intent::EditCancel&) { finishEdit(false); },
            [&](const intent::PickItem& pick) { pickItem(pick.itemId); },
            [&](const intent::PickDatePart& pick) { pickDatePart(pick.value); },
            [&](const intent::LookupSubmit&) {
                if (state_.lookup.code.empty()) {
                    return;
                }
                state_.lookup.searching = true;
                state_.lookup.found = false;
                state_.lookup.failureReason.clear();
                effects_.push_back(effect::LookupDossier{state_.lookup.code});
                open(Screen::LookupResult, now);
            },
            [&](const intent::OpenProcedureSearch&) { openSearch(now); },
            [&](const intent::ShowSearchKeyboard&) { state_.search.shown = SearchKeyboard::Shown; },
            [&](const intent::ShowSearchResults&) { state_.search.shown = SearchKeyboard::Hidden; },
            // Handled in apply(), before the session sees them.
            [&](const intent::ReadAloud&) {},
            [&](const intent::ReadAloudFinished&) {},
            [&](const intent::ReadBack& read) {
                if (state_.screen == Screen::Review) {
                    readAloud(readBackSpeech(read.group));
                }
            },
            [&](const intent::CallVolunteer&) {
                startSessionIfIdle(now);
                state_.volunteerCalled = true;
                logger_.log(LogEvent::VolunteerCalled);
                // Audible at the help desk, in Vietnamese whatever the screen's language: the
                // volunteers are local.
                effect::PlayAudio chime;
                chime.textKey = "help.volunteer_called";
                chime.language = Language::Vietnamese;
                chime.text = "Có người ở máy cần tình nguyện viên giúp đỡ.";
                chime.volumePercent = state_.assist.guidanceVolumePercent;
                state_.readAloud = ReadAloudState::Silent; // the chime stops any reading
                effects_.push_back(effect::StopAudio{});
                effects_.push_back(std::move(chime));
            },
            // Two groups with handlers of their own; an intent in neither does not compile.
            [&]<AlternativeOf<AssistIntent> T>(const T& assist) { applyAssist(assist, now); },
            [&]<AlternativeOf<LessonIntent> T>(const T& lesson) { applyLesson(lesson, now); },
        },
        intent);
}

std::vector<Effect> Flow::takeEffects() {
    std::vector<Effect> taken;
    taken.swap(effects_);
    return taken;
}

bool Flow::tick(SteadyTime now) {
    bool assistChanged = tickAssist(now);
    bool sessionChanged = tickSession(now);
    return assistChanged || sessionChanged;
}

bool Flow::tickSession(SteadyTime now) {
    if (!state_.active) {
        return false;
    }
    if (state_.wipeAt) {
        if (now >= *state_.wipeAt) {
            wipe(LogEvent::SessionTimedOut);
            return true;
        }
        return false;
    }
    if (now - state_.lastInput >= config_.session.inactivityTimeout) {
        state_.wipeAt = now + config_.session.stillThereCountdown;
        logger_.log(LogEvent::StillThereShown);
        return true;
    }
    return false;
}

std::optional<SteadyTime> Flow::nextDeadline() const {
    std::optional<SteadyTime> session;
    if (state_.active) {
        session =
            state_.wipeAt ? *state_.wipeAt : state_.lastInput + config_.session.inactivityTimeout;
    }
    std::optional<SteadyTime> signOut = assist_.nextDeadline();
    if (session && signOut) {
        return std::min(*session, *signOut);
    }
    return session ? session : signOut;
}

int Flow::secondsUntilWipe(SteadyTime now) const {
    if (!state_.wipeAt) {
        return 0;
    }
    auto left = std::chrono::ceil<std::chrono::seconds>(*state_.wipeAt - now).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

void Flow::enterMaintenance(std::string reason) {
    state_.dossier.wipe();
    AssistState assist = std::move(state_.assist);
    state_ = SessionState{};
    state_.language = config_.language;
    effects_.clear();
    restoreAfterWipe(std::move(assist), std::move(reason));
}

void Flow::wipe(LogEvent why) {
    bool wasActive = state_.active;
    bool wasInLesson = state_.lesson.active();
    bool wasReading = state_.readAloud == ReadAloudState::Speaking;
    // Clear the answers in place first: assigning a new struct would free them unwiped.
    state_.dossier.wipe();
    state_.lesson.wipe();
    AssistState assist = std::move(state_.assist);
    std::string maintenanceReason = std::move(state_.maintenanceReason);
    state_ = SessionState{};
    state_.language = config_.language;
    effects_.clear();
    restoreAfterWipe(std::move(assist), std::move(maintenanceReason));
    if (wasInLesson) {
        // A lesson's speech or video must not outlive it.
        effects_.push_back(effect::StopAudio{});
        effects_.push_back(effect::CloseVideo{});
    } else if (wasReading) {
        effects_.push_back(effect::StopAudio{}); // nor a screen read aloud its session
    }
    if (wasActive) {
        logger_.log(why);
        state_.erasedAfterTimeout = why == LogEvent::SessionTimedOut;
    }
}

} // namespace kiosk
