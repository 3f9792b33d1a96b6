// Guided submission transitions: procedure, channel, identity, form groups, review, submit.
#include "kiosk/dossier/card_prefill.hpp"
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/flow/flow.hpp"

namespace kiosk {

const Procedure* Flow::currentProcedure() const {
    if (catalog_ == nullptr || state_.dossier.procedureCode.empty()) {
        return nullptr;
    }
    return catalog_->findProcedure(state_.dossier.procedureCode);
}

ValidationContext Flow::validationContext() const {
    return ValidationContext{vietnamTimeFromUnix(unixNow_()).date, catalog_};
}

void Flow::chooseProcedure(const std::string& code, SteadyTime now) {
    if (catalog_ == nullptr || catalog_->findProcedure(code) == nullptr) {
        return;
    }
    // A new procedure starts a new dossier; the category the resident came through stays.
    std::string category = state_.dossier.categoryId;
    state_.dossier.wipe();
    state_.dossier = DossierDraft{};
    state_.dossier.categoryId = category;
    state_.dossier.procedureCode = code;
    open(Screen::ProcedureInfo, now);
}

void Flow::next(SteadyTime now) {
    const Procedure* procedure = currentProcedure();
    DossierDraft& dossier = state_.dossier;
    switch (state_.screen) {
    case Screen::ProcedureInfo:
        open(Screen::SubmitChannel, now);
        return;
    case Screen::CardRead:
        if (dossier.cardStep == CardStep::Failed &&
            dossier.cardFailure == CardReadFailure::NeedsDates) {
            open(Screen::CardDates, now);
            return;
        }
        if (dossier.cardStep == CardStep::Failed) {
            // "Try again": the same number (and dates), the card placed again.
            startCardRead(now);
            return;
        }
        if (dossier.cardStep != CardStep::Read || !dossier.card || procedure == nullptr) {
            return;
        }
        // The resident confirmed what the card holds: fill every field that asks for it, in the
        // field's own form (dates dd/mm/yyyy, the sex as the sex list's item id...).
        for (auto& [field, value] :
             prefillFromCard(*procedure, *dossier.card, *catalog_, dossier.values)) {
            dossier.values[field] = value;
            dossier.prefilled.insert(field);
        }
        dossier.groupIndex = 0;
        open(Screen::FormGroup, now);
        return;
    case Screen::FormGroup: {
        if (procedure == nullptr || dossier.groupIndex >= procedure->groups.size()) {
            return;
        }
        dossier.problems = validateGroup(procedure->groups[dossier.groupIndex], dossier.values,
                                         validationContext());
        if (!dossier.problems.empty()) {
            return;
        }
        if (dossier.reviewing) {
            dossier.reviewing = false;
            back();
            return;
        }
        if (dossier.groupIndex + 1 < procedure->groups.size()) {
            ++dossier.groupIndex;
            return;
        }
        open(Screen::Documents, now);
        return;
    }
    case Screen::CardDates:
        cardDatesNext(now);
        return;
    case Screen::Documents:
        open(Screen::Review, now);
        return;
    case Screen::Review:
        open(Screen::Consent, now);
        return;
    default:
        return;
    }
}

void Flow::submit(SteadyTime now) {
    const Procedure* procedure = currentProcedure();
    DossierDraft& dossier = state_.dossier;
    // A dossier the kiosk could not store may be tried again from the result screen (once a
    // volunteer has cleared the fault): its answers are still here, in memory only, until the
    // session ends.
    if (state_.screen == Screen::Result && dossier.outcome.state == SubmissionState::Failed) {
        dossier.outcome = SubmissionOutcome{};
    }
    if (procedure == nullptr || !dossier.consent ||
        dossier.outcome.state != SubmissionState::NotSubmitted) {
        return;
    }
    // A last check of everything: send the resident to the first screen with a problem.
    auto problems = validateProcedure(*procedure, dossier.values, validationContext());
    if (!problems.empty()) {
        for (std::size_t group = 0; group < procedure->groups.size(); ++group) {
            for (const Field& field : procedure->groups[group].fields) {
                if (field.id == problems.front().fieldId) {
                    dossier.groupIndex = group;
                    dossier.problems = validateGroup(procedure->groups[group], dossier.values,
                                                     validationContext());
                    dossier.reviewing = true;
                    open(Screen::FormGroup, now);
                    return;
                }
            }
        }
        return;
    }
    dossier.outcome.state = SubmissionState::Sending;
    open(Screen::Submitting, now);
    // Nothing before this point can be changed any more.
    state_.history.clear();
    effects_.push_back(effect::SubmitDossier{*procedure, dossier.values, state_.language});
}

void Flow::submissionFinished(SubmissionOutcome outcome) {
    if (state_.screen != Screen::Submitting) {
        return;
    }
    bool printable =
        outcome.state == SubmissionState::Accepted || outcome.state == SubmissionState::Queued;
    state_.dossier.outcome = std::move(outcome);
    state_.screen = Screen::Result;
    logger_.log(LogEvent::ScreenChanged, {{"screen", screenName(Screen::Result)}});
    if (printable) {
        effects_.push_back(effect::PrintReceipt{state_.dossier.outcome.localReference});
    }
}

void Flow::receiptPrinted(bool printed, bool printerConnected) {
    state_.dossier.outcome.receiptPrinted = printed;
    state_.dossier.outcome.receiptPrint =
        printed ? ReceiptPrint::Printed
                : (printerConnected ? ReceiptPrint::Failed : ReceiptPrint::NoPrinter);
}

void Flow::lookupFinished(LookupState result) {
    if (state_.screen != Screen::LookupResult) {
        return;
    }
    result.code = state_.lookup.code;
    result.searching = false;
    state_.lookup = std::move(result);
}

} // namespace kiosk
