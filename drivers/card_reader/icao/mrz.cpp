// Machine readable zone check digits, parsing and construction.
#include "drivers/card_reader/icao/mrz.hpp"

#include "drivers/card_reader/icao/crypto.hpp"
#include "drivers/card_reader/icao/tlv.hpp"

namespace kiosk::icao {
namespace {

int mrzValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    if (c == '<') {
        return 0;
    }
    return -1;
}

bool checks(std::string_view field, char digit) {
    int expected = mrzCheckDigit(field);
    // A '<' check digit is allowed for an empty optional field (9303-5 §4.2.2).
    return expected >= 0 && (digit == static_cast<char>('0' + expected) ||
                             (digit == '<' && field.find_first_not_of('<') == std::string::npos));
}

std::string trimFillers(std::string_view field) {
    auto end = field.find_last_not_of('<');
    return end == std::string_view::npos ? std::string{} : std::string(field.substr(0, end + 1));
}

std::string namePart(std::string_view part) {
    std::string out;
    for (char c : trimFillers(part)) {
        out.push_back(c == '<' ? ' ' : c);
    }
    return out;
}

void splitName(std::string_view field, Mrz& mrz) {
    auto split = field.find("<<");
    mrz.primaryIdentifier = namePart(field.substr(0, split));
    mrz.secondaryIdentifier =
        split == std::string_view::npos ? std::string{} : namePart(field.substr(split + 2));
}

std::string padTo(std::string_view text, std::size_t length) {
    std::string out(text.substr(0, length));
    out.resize(length, '<');
    return out;
}

} // namespace

int mrzCheckDigit(std::string_view field) {
    static constexpr int kWeights[3] = {7, 3, 1};
    int sum = 0;
    for (std::size_t i = 0; i < field.size(); ++i) {
        int value = mrzValue(field[i]);
        if (value < 0) {
            return -1;
        }
        sum += value * kWeights[i % 3];
    }
    return sum % 10;
}

std::string bacMrzInformation(std::string_view documentNumber, std::string_view dateOfBirth,
                              std::string_view dateOfExpiry) {
    std::string number = padTo(documentNumber, std::max<std::size_t>(9, documentNumber.size()));
    std::string out = number;
    out.push_back(static_cast<char>('0' + mrzCheckDigit(number)));
    out.append(dateOfBirth);
    out.push_back(static_cast<char>('0' + mrzCheckDigit(dateOfBirth)));
    out.append(dateOfExpiry);
    out.push_back(static_cast<char>('0' + mrzCheckDigit(dateOfExpiry)));
    return out;
}

std::string cccdDocumentNumber(std::string_view idNumber12) {
    return idNumber12.size() >= 9 ? std::string(idNumber12.substr(idNumber12.size() - 9))
                                  : std::string(idNumber12);
}

Mrz::~Mrz() {
    wipe();
}

void Mrz::wipe() {
    for (std::string* field :
         {&documentCode, &issuingState, &documentNumber, &optionalData1, &dateOfBirth, &sex,
          &dateOfExpiry, &nationality, &optionalData2, &primaryIdentifier, &secondaryIdentifier}) {
        wipeText(*field);
    }
    checkDigitsValid = false;
}

Result<Mrz> parseMrz(std::string_view text) {
    for (char c : text) {
        if (mrzValue(c) < 0) {
            return makeError("mrz.alphabet", "MRZ holds a character outside A-Z, 0-9 and <");
        }
    }
    Mrz mrz;
    if (text.size() == 90) {
        // 9303-5 §4.2.2 TD1 layout.
        std::string_view l1 = text.substr(0, 30), l2 = text.substr(30, 30),
                         l3 = text.substr(60, 30);
        mrz.documentCode = trimFillers(l1.substr(0, 2));
        mrz.issuingState = trimFillers(l1.substr(2, 3));
        mrz.documentNumber = trimFillers(l1.substr(5, 9));
        mrz.optionalData1 = trimFillers(l1.substr(15, 15));
        mrz.dateOfBirth = std::string(l2.substr(0, 6));
        mrz.sex = std::string(l2.substr(7, 1));
        mrz.dateOfExpiry = std::string(l2.substr(8, 6));
        mrz.nationality = trimFillers(l2.substr(15, 3));
        mrz.optionalData2 = trimFillers(l2.substr(18, 11));
        splitName(l3, mrz);
        std::string composite = std::string(l1.substr(5, 25)) + std::string(l2.substr(0, 7)) +
                                std::string(l2.substr(8, 7)) + std::string(l2.substr(18, 11));
        mrz.checkDigitsValid = checks(l1.substr(5, 9), l1[14]) && checks(l2.substr(0, 6), l2[6]) &&
                               checks(l2.substr(8, 6), l2[14]) && checks(composite, l2[29]);
        return mrz;
    }
    if (text.size() == 88) {
        // 9303-4 §4.2.2 TD3 layout (passports), for completeness.
        std::string_view l1 = text.substr(0, 44), l2 = text.substr(44, 44);
        mrz.documentCode = trimFillers(l1.substr(0, 2));
        mrz.issuingState = trimFillers(l1.substr(2, 3));
        splitName(l1.substr(5), mrz);
        mrz.documentNumber = trimFillers(l2.substr(0, 9));
        mrz.nationality = trimFillers(l2.substr(10, 3));
        mrz.dateOfBirth = std::string(l2.substr(13, 6));
        mrz.sex = std::string(l2.substr(20, 1));
        mrz.dateOfExpiry = std::string(l2.substr(21, 6));
        mrz.optionalData1 = trimFillers(l2.substr(28, 14));
        std::string composite = std::string(l2.substr(0, 10)) + std::string(l2.substr(13, 7)) +
                                std::string(l2.substr(21, 22));
        mrz.checkDigitsValid = checks(l2.substr(0, 9), l2[9]) && checks(l2.substr(13, 6), l2[19]) &&
                               checks(l2.substr(21, 6), l2[27]) && checks(composite, l2[43]);
        return mrz;
    }
    return makeError("mrz.length", "MRZ is neither TD1 (90) nor TD3 (88) characters");
}

Result<Mrz> parseDg1(std::span<const std::uint8_t> dg1) {
    auto outer = parseTlv(dg1);
    if (!outer || outer->tag != 0x61) {
        return makeError("dg1.malformed", "DG1 does not start with tag 61");
    }
    auto inner = parseTlvList(outer->value);
    if (!inner) {
        return makeError("dg1.malformed", "DG1 content is not BER-TLV");
    }
    const Tlv* mrz = findTlv(*inner, 0x5F1F);
    if (mrz == nullptr) {
        return makeError("dg1.malformed", "DG1 has no MRZ (5F1F)");
    }
    return parseMrz(
        std::string_view(reinterpret_cast<const char*>(mrz->value.data()), mrz->value.size()));
}

std::string buildTd1(const Mrz& mrz) {
    std::string l1 = padTo(mrz.documentCode, 2) + padTo(mrz.issuingState, 3);
    std::string number = padTo(mrz.documentNumber, 9);
    l1 += number + static_cast<char>('0' + mrzCheckDigit(number)) + padTo(mrz.optionalData1, 15);
    std::string l2 = mrz.dateOfBirth + static_cast<char>('0' + mrzCheckDigit(mrz.dateOfBirth)) +
                     padTo(mrz.sex, 1) + mrz.dateOfExpiry +
                     static_cast<char>('0' + mrzCheckDigit(mrz.dateOfExpiry)) +
                     padTo(mrz.nationality, 3) + padTo(mrz.optionalData2, 11);
    std::string composite =
        l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) + l2.substr(18, 11);
    l2.push_back(static_cast<char>('0' + mrzCheckDigit(composite)));
    std::string name = mrz.primaryIdentifier + "<<" + mrz.secondaryIdentifier;
    for (char& c : name) {
        if (c == ' ') {
            c = '<';
        }
    }
    return l1 + l2 + padTo(name, 30);
}

} // namespace kiosk::icao
