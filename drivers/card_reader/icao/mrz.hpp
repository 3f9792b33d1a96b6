// ICAO 9303-3/-5 machine readable zone: check digits, TD1 parsing (DG1), BAC key input.
#pragma once

#include "drivers/common/result.hpp"

#include <span>
#include <string>
#include <string_view>

namespace kiosk::icao {

// 9303-3 §4.9: weights 7,3,1 over digits, A..Z = 10..35 and '<' = 0. Returns -1 on a character
// outside the MRZ alphabet.
int mrzCheckDigit(std::string_view field);

// Document number (padded with '<' to 9) + check digit + birth date + check + expiry + check.
// Dates are YYMMDD. Document numbers longer than 9 are not needed for the CCCD (9 digits).
std::string bacMrzInformation(std::string_view documentNumber, std::string_view dateOfBirth,
                              std::string_view dateOfExpiry);

// The CCCD's MRZ document number is the last 9 digits of the 12-digit personal ID number.
std::string cccdDocumentNumber(std::string_view idNumber12);

struct Mrz {
    std::string documentCode; // "ID"
    std::string issuingState; // "VNM"
    std::string documentNumber;
    std::string optionalData1; // on the CCCD: the 12-digit ID number
    std::string dateOfBirth;   // YYMMDD
    std::string sex;           // M, F or <
    std::string dateOfExpiry;  // YYMMDD
    std::string nationality;
    std::string optionalData2;
    std::string primaryIdentifier;   // surname, '<' turned into spaces
    std::string secondaryIdentifier; // given names
    bool checkDigitsValid = false;

    Mrz() = default;
    ~Mrz(); // wipes
    Mrz(const Mrz&) = default;
    Mrz& operator=(const Mrz&) = default;
    Mrz(Mrz&&) noexcept = default;
    Mrz& operator=(Mrz&&) noexcept = default;
    void wipe();
};

// Parses a TD1 (3 x 30) or TD3 (2 x 44) MRZ given as one string without line breaks.
Result<Mrz> parseMrz(std::string_view text);
// Parses DG1: 61 { 5F1F <MRZ> } (9303-10 §4.7.1).
Result<Mrz> parseDg1(std::span<const std::uint8_t> dg1);

// Builds a TD1 MRZ (90 characters) for the simulated card.
std::string buildTd1(const Mrz& mrz);

} // namespace kiosk::icao
