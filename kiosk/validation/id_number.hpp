// Checks of the 12-digit personal ID number (số định danh cá nhân, NĐ 137/2015 Art. 13).
#pragma once

#include "kiosk/validation/civil_date.hpp"
#include "kiosk/validation/field_problem.hpp"

#include <optional>
#include <string>

namespace kiosk {

enum class Sex { Male, Female };

// What digits 1-6 say: birth-registration place, century and sex, birth year.
struct IdNumberParts {
    std::string provinceCode; // digits 1-3
    Sex sex = Sex::Male;      // digit 4, even = male
    int century = 1900;       // digit 4: 0/1 -> 1900s, 2/3 -> 2000s ... 8/9 -> 2300s
    int yearInCentury = 0;    // digits 5-6
    int birthYear() const { return century + yearInCentury; }
};

// Removes spaces and dots people type or the card reader adds.
std::string normaliseIdNumber(const std::string& text);

// Splits a well-formed number; nothing when it is not 12 digits. There is no check digit:
// digits 7-12 are a random range and are never "validated".
std::optional<IdNumberParts> splitIdNumber(const std::string& normalised);

// Full check; `dateOfBirth` and `sex` are cross-checked when known. Returns the first problem.
std::optional<FieldProblem> checkIdNumber(const std::string& text,
                                          std::optional<CivilDate> dateOfBirth,
                                          std::optional<Sex> sex);

} // namespace kiosk
