// Usage milestones: session start/end, screens, procedure, card, dossier, receipt, rating.
#include "kiosk/app/usage_recorder.hpp"

namespace kiosk {
namespace {

CardFailure usageCardFailureOf(std::optional<CardReadFailure> failure) {
    if (!failure) {
        return CardFailure::CommunicationError;
    }
    switch (*failure) {
    case CardReadFailure::NoCard:
        return CardFailure::NoCard;
    case CardReadFailure::CardRemoved:
        return CardFailure::CardRemoved;
    case CardReadFailure::WrongAccessKey:
        return CardFailure::AccessDenied;
    case CardReadFailure::Unsupported:
        return CardFailure::UnsupportedCard;
    case CardReadFailure::ReaderMissing:
        return CardFailure::ReaderMissing;
    case CardReadFailure::DataAltered: // data refused after reading: an unusable card
        return CardFailure::UnsupportedCard;
    case CardReadFailure::Malformed:
    case CardReadFailure::NeedsDates:
        break;
    }
    return CardFailure::CommunicationError;
}

} // namespace

UsageRecorder::UsageRecorder(UsageLog& log, int ratingScale)
    : log_(log)
    , ratingScale_(ratingScale) {}

void UsageRecorder::record(const UsageEvent& event) {
    // A full queue or a broken database drops the event; residents are never held up for it.
    (void)log_.record(event);
}

void UsageRecorder::lessonCompleted(const std::string& lessonId) {
    if (!session_) {
        return;
    }
    if (auto id = LessonId::parse(lessonId)) {
        record(UsageEvent::lessonCompleted(*session_, *id));
    }
}

void UsageRecorder::observe(const SessionState& state, SteadyTime now) {
    if (state.active && !session_) {
        auto id = newUsageSessionId();
        if (!id) {
            return;
        }
        session_ = UsageSession{*id};
        startedAt_ = now;
        lastScreen_ = Screen::Home;
        lastProcedure_.clear();
        lastCardStep_ = CardStep::Idle;
        lastSubmission_ = SubmissionState::NotSubmitted;
        lastPrinted_ = false;
        lastRating_.reset();
        record(UsageEvent::sessionStarted(*session_, state.language));
    }
    if (!session_) {
        return;
    }
    if (!state.active) {
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now - startedAt_);
        record(UsageEvent::sessionEnded(*session_, seconds));
        session_.reset();
        return;
    }
    if (state.screen != lastScreen_) {
        lastScreen_ = state.screen;
        if (session_->firstVisit(state.screen)) {
            record(UsageEvent::screenReached(*session_, state.screen));
        }
    }
    const DossierDraft& dossier = state.dossier;
    if (dossier.procedureCode != lastProcedure_) {
        lastProcedure_ = dossier.procedureCode;
        if (auto code = ProcedureCode::parse(lastProcedure_)) {
            record(UsageEvent::procedureChosen(*session_, *code));
        }
    }
    if (dossier.cardStep != lastCardStep_) {
        lastCardStep_ = dossier.cardStep;
        if (dossier.cardStep == CardStep::Read) {
            record(UsageEvent::cardRead(*session_, CardFailure::None));
        } else if (dossier.cardStep == CardStep::Failed) {
            record(UsageEvent::cardRead(*session_, usageCardFailureOf(dossier.cardFailure)));
        }
    }
    if (dossier.outcome.state != lastSubmission_) {
        lastSubmission_ = dossier.outcome.state;
        auto code = ProcedureCode::parse(dossier.procedureCode);
        if (code && lastSubmission_ == SubmissionState::Accepted) {
            record(UsageEvent::dossier(*session_, *code, DossierOutcome::Submitted));
        } else if (code && lastSubmission_ == SubmissionState::Queued) {
            record(UsageEvent::dossier(*session_, *code, DossierOutcome::Queued));
        } else if (code && lastSubmission_ == SubmissionState::Failed) {
            record(UsageEvent::dossier(*session_, *code, DossierOutcome::Failed));
        }
    }
    if (dossier.outcome.receiptPrinted && !lastPrinted_) {
        record(UsageEvent::receipt(*session_, ReceiptOutcome::Printed));
    }
    lastPrinted_ = dossier.outcome.receiptPrinted;
    if (dossier.rating != lastRating_) {
        lastRating_ = dossier.rating;
        if (dossier.rating) {
            if (auto rating = Rating::make(*dossier.rating, ratingScale_)) {
                record(UsageEvent::satisfaction(*session_, *rating));
            }
        }
    }
}

} // namespace kiosk
