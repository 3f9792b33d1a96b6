// CardData wiping: personal data is overwritten, not merely released.
#include "drivers/card_reader/icao/card_data.hpp"

#include <openssl/crypto.h>

namespace kiosk::icao {
namespace {
void wipeString(std::string& text) {
    if (!text.empty()) {
        OPENSSL_cleanse(text.data(), text.size());
    }
    text.clear();
}
void wipeBuffer(Bytes& bytes) {
    if (!bytes.empty()) {
        OPENSSL_cleanse(bytes.data(), bytes.size());
    }
    bytes.clear();
}
} // namespace

void PersonalData::wipe() {
    for (std::string* field :
         {&idNumber, &fullName, &dateOfBirth, &sex, &nationality, &ethnicity, &religion,
          &placeOfOrigin, &placeOfResidence, &identifyingMarks, &dateOfIssue, &dateOfExpiry,
          &fatherName, &motherName, &spouseName, &oldIdNumber}) {
        wipeString(*field);
    }
    for (auto& field : otherFields) {
        wipeBuffer(field.der);
        for (auto& text : field.texts) {
            wipeString(text);
        }
    }
    otherFields.clear();
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
        wipeBuffer(f.bytes);
    }
    files.clear();
    listedGroups.clear();
    ldsVersion.clear();
    passiveAuth = {};
    access = AccessProtocol::None;
}

} // namespace kiosk::icao
