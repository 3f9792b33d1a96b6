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
    access = AccessProtocol::None;
}

} // namespace kiosk::icao
