// Reading the chip ID card: the ID number first (PACE), the two dates when the card needs BAC.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/flow/flow.hpp"
#include "kiosk/validation/civil_date.hpp"

#include <cstdio>

namespace kiosk {
namespace {

// "dd/mm/yyyy" -> "YYMMDD", as the MRZ and the BAC key write dates (ICAO 9303-3 §4.4.2).
std::string mrzDate(const std::string& dayMonthYear) {
    auto date = parseDate(dayMonthYear);
    if (!date) {
        return {};
    }
    char text[8];
    std::snprintf(text, sizeof text, "%02d%02d%02d", date->year % 100, date->month, date->day);
    return text;
}

} // namespace

effect::ReadCard Flow::readCardEffect() const {
    const DossierDraft& dossier = state_.dossier;
    effect::ReadCard read{dossier.cardAccessNumber, {}, {}};
    if (!dossier.cardBirthDate.empty() && !dossier.cardExpiryDate.empty()) {
        read.dateOfBirth = mrzDate(dossier.cardBirthDate);
        read.dateOfExpiry = mrzDate(dossier.cardExpiryDate);
    }
    return read;
}

void Flow::startCardRead(SteadyTime now) {
    DossierDraft& dossier = state_.dossier;
    dossier.cardStep = CardStep::Reading;
    dossier.cardFailure.reset();
    dossier.card.reset();
    open(Screen::CardRead, now);
    effects_.push_back(readCardEffect());
}

void Flow::cardDatesNext(SteadyTime now) {
    const DossierDraft& dossier = state_.dossier;
    if (dossier.cardBirthDate.empty() || dossier.cardExpiryDate.empty()) {
        return; // the screen offers "Read the card" only once both dates are there
    }
    startCardRead(now);
}

void Flow::cardRead(CardHolder holder) {
    if (state_.screen != Screen::CardRead) {
        return; // the resident left the screen: drop what was read (CardHolder wipes it)
    }
    state_.dossier.card = std::move(holder);
    state_.dossier.cardStep = CardStep::Read;
    state_.dossier.cardFailure.reset();
}

void Flow::cardReadFailed(CardReadFailure failure) {
    if (state_.screen != Screen::CardRead) {
        return;
    }
    DossierDraft& dossier = state_.dossier;
    dossier.cardStep = CardStep::Failed;
    dossier.cardFailure = failure;
    bool fromDates = !state_.history.empty() && state_.history.back() == Screen::CardDates;
    if (failure == CardReadFailure::NeedsDates && !fromDates) {
        // The card offers only BAC: the dates screen takes the reading screen's place, so
        // Back from it returns to the identity choice rather than to a failed read.
        logger_.log(LogEvent::IdCardNeedsDates);
        // Not a failure yet (the usage log counts failures): the read goes on with the dates.
        dossier.cardStep = CardStep::Idle;
        dossier.cardFailure.reset();
        state_.screen = Screen::CardDates;
        logger_.log(LogEvent::ScreenChanged, {{"screen", screenName(Screen::CardDates)}});
        return;
    }
    if (fromDates &&
        (failure == CardReadFailure::WrongAccessKey || failure == CardReadFailure::NeedsDates)) {
        // The dates did not open the card: back to them, with the message beside them.
        dossier.cardFailure = CardReadFailure::WrongAccessKey;
        back();
    }
}

} // namespace kiosk
