// CardData wiping: personal data is overwritten, not merely released.
#include "drivers/card_reader/icao/card_data.hpp"

#include "drivers/card_reader/icao/crypto.hpp"

namespace kiosk::icao {

void PersonalData::wipe() {
    for (std::string* field :
         {&idNumber, &fullName, &dateOfBirth, &sex, &nationality, &ethnicity, &religion,
          &placeOfOrigin, &placeOfResidence, &identifyingMarks, &dateOfIssue, &dateOfExpiry,
          &fatherName, &motherName, &spouseName, &oldIdNumber}) {
        wipeText(*field);
    }
    for (auto& field : otherFields) {
        wipeBytes(field.der);
        for (auto& text : field.texts) {
            wipeText(text);
        }
    }
    otherFields.clear();
}

PersonalData::~PersonalData() {
    wipe();
}

DataGroupFile::~DataGroupFile() {
    wipeBytes(bytes);
}

CardData::~CardData() {
    wipe();
}

const DataGroupFile* CardData::file(int number) const {
    for (const auto& f : files) {
        if (f.number == number) {
            return &f;
        }
    }
    return nullptr;
}

void CardData::wipe() {
    mrz.wipe();
    personal.wipe();
    hasPersonalData = false;
    for (auto& f : files) {
        wipeBytes(f.bytes);
    }
    files.clear();
    listedGroups.clear();
    ldsVersion.clear();
    passiveAuth = {};
    activeAuth = {};
    access = AccessProtocol::None;
}

CardAuthenticity cardAuthenticity(const CardData& data) {
    const PassiveAuthReport& pa = data.passiveAuth;
    if (!pa.mismatchedGroups.empty()) {
        return CardAuthenticity::DataAltered;
    }
    if (pa.outcome == PassiveAuthOutcome::UnknownIssuer && pa.signatureValid && pa.hashesMatch) {
        return CardAuthenticity::UnknownIssuer;
    }
    if (pa.outcome == PassiveAuthOutcome::SignerRevoked) {
        return CardAuthenticity::SignerRevoked;
    }
    if (pa.outcome != PassiveAuthOutcome::Verified) {
        // Signature bad, no signer, or a chain that fails for another reason than a missing
        // CSCA (an invalid CSCA signature on the document signer is a forgery too).
        return CardAuthenticity::SignatureInvalid;
    }
    switch (data.activeAuth.outcome) {
    case ActiveAuthOutcome::Passed:
        return CardAuthenticity::Genuine;
    case ActiveAuthOutcome::Failed:
        return CardAuthenticity::ChipNotProven;
    case ActiveAuthOutcome::NotOffered:
    case ActiveAuthOutcome::NotChecked:
        break;
    }
    return CardAuthenticity::IssuerSigned;
}

std::string_view cardAuthenticityName(CardAuthenticity authenticity) {
    switch (authenticity) {
    case CardAuthenticity::Genuine:
        return "genuine";
    case CardAuthenticity::IssuerSigned:
        return "issuer_signed";
    case CardAuthenticity::ChipNotProven:
        return "chip_not_proven";
    case CardAuthenticity::UnknownIssuer:
        return "unknown_issuer";
    case CardAuthenticity::SignatureInvalid:
        return "signature_invalid";
    case CardAuthenticity::DataAltered:
        return "data_altered";
    case CardAuthenticity::SignerRevoked:
        return "signer_revoked";
    }
    return "signature_invalid";
}

} // namespace kiosk::icao
