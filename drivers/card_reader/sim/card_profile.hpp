// CardProfile: the synthetic resident a simulated chip ID card is personalised for (JSON file).
#pragma once

#include "drivers/common/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::sim {

// Field names follow DG13 (chip-id.md §2); dates are dd/mm/yyyy as the card stores them.
struct CardProfile {
    std::string profileName; // file stem, e.g. "nguyen-thi-anh-tuyet"
    std::string idNumber;    // 12 digits
    std::string fullName;
    std::string dateOfBirth;
    std::string sex; // "Nam" or "Nữ"
    std::string nationality;
    std::string ethnicity;
    std::string religion;
    std::string placeOfOrigin;
    std::string placeOfResidence;
    std::string identifyingMarks;
    std::string dateOfIssue;
    std::string dateOfExpiry;
    std::string fatherName;
    std::string motherName;
    std::string spouseName;  // empty: not married
    std::string oldIdNumber; // empty: none
    // The MRZ name in Latin capitals without diacritics, e.g. "NGUYEN" / "THI ANH TUYET".
    std::string mrzSurname;
    std::string mrzGivenNames;
    // Card capabilities the simulation honours.
    bool extendedLength = true;
    // PACE parameter ID (12 = NIST P-256, 13 = brainpoolP256r1); 0: the card offers BAC only.
    int paceParameterId = 12;
    // Active Authentication key in DG15: "ecdsa" (P-256, SHA-256, announced in DG14), "rsa"
    // (1024-bit, ISO/IEC 9796-2 with SHA-1, as many issued chips) or "none" (no DG15).
    std::string activeAuthKey = "ecdsa";
};

Result<CardProfile> parseCardProfile(std::string_view json, std::string_view profileName);
Result<CardProfile> loadCardProfile(const std::filesystem::path& file);

// "dd/mm/yyyy" -> "YYMMDD" for the MRZ and the BAC key; empty on a malformed date.
std::string mrzDate(std::string_view dayMonthYear);

} // namespace kiosk::sim
