// The one place the chip card's sex words and date texts are parsed into the kiosk's types.
#include "kiosk/idcard/card_holder.hpp"

#include "drivers/card_reader/icao/card_data.hpp"

#include <algorithm>
#include <cctype>
#include <openssl/crypto.h>

namespace kiosk {

void CardHolder::wipe() noexcept {
    for (std::string* text :
         {&fullName, &idNumber, &nationality, &ethnicity, &placeOfOrigin, &placeOfResidence}) {
        OPENSSL_cleanse(text->data(), text->size());
        text->clear();
    }
    dateOfBirth.reset();
    sex.reset();
}

std::optional<Sex> cardSexOf(std::string_view word) {
    static constexpr std::pair<std::string_view, Sex> kWords[] = {
        {"Nam", Sex::Male},  {"nam", Sex::Male},     {"NAM", Sex::Male},  {"M", Sex::Male},
        {"male", Sex::Male}, {"Nữ", Sex::Female},    {"nữ", Sex::Female}, {"NỮ", Sex::Female},
        {"F", Sex::Female},  {"female", Sex::Female}};
    for (const auto& [known, sex] : kWords) {
        if (word == known) {
            return sex;
        }
    }
    return std::nullopt;
}

std::optional<CivilDate> cardDateOf(const std::string& text) {
    if (auto date = parseDate(text)) {
        return date;
    }
    if (text.size() == 8 && std::all_of(text.begin(), text.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; })) {
        return parseDate(text.substr(0, 2) + "/" + text.substr(2, 2) + "/" + text.substr(4));
    }
    return std::nullopt;
}

CardHolder cardHolderFrom(const icao::CardData& card) {
    const icao::PersonalData& p = card.personal;
    CardHolder holder;
    holder.fullName = p.fullName;
    holder.idNumber = p.idNumber;
    holder.dateOfBirth = cardDateOf(p.dateOfBirth);
    holder.sex = cardSexOf(p.sex);
    holder.nationality = p.nationality;
    holder.ethnicity = p.ethnicity;
    holder.placeOfOrigin = p.placeOfOrigin;
    holder.placeOfResidence = p.placeOfResidence;
    if (!card.hasPersonalData && card.mrz.optionalData1.size() == 12) {
        // DG13 unreadable but DG1 signed: the MRZ still carries the ID number.
        holder.idNumber = card.mrz.optionalData1;
    }
    holder.unreadGroups = card.unreadGroups;
    switch (icao::cardAuthenticity(card)) {
    case icao::CardAuthenticity::Genuine:
        holder.verification = CardVerification::Genuine;
        break;
    case icao::CardAuthenticity::IssuerSigned:
        holder.verification = CardVerification::IssuerSigned;
        break;
    case icao::CardAuthenticity::ChipNotProven:
        holder.verification = CardVerification::ChipNotProven;
        break;
    case icao::CardAuthenticity::UnknownIssuer:
        holder.verification = CardVerification::UnknownIssuer;
        break;
    case icao::CardAuthenticity::SignatureInvalid:
        holder.verification = CardVerification::SignatureInvalid;
        break;
    case icao::CardAuthenticity::SignerRevoked:
        holder.verification = CardVerification::SignerRevoked;
        break;
    case icao::CardAuthenticity::DataAltered:
        holder.verification = CardVerification::NotVerified;
        break;
    }
    return holder;
}

std::variant<CardHolder, CardReadFailure> cardReadResultFrom(const icao::CardData& card) {
    if (icao::cardAuthenticity(card) == icao::CardAuthenticity::DataAltered) {
        // Issue 14, defect 6: altered data must never pre-fill a dossier.
        return CardReadFailure::DataAltered;
    }
    return cardHolderFrom(card);
}

} // namespace kiosk
