// ID number checks: length, digits, province code, century/sex digit and birth-year digits.
#include "kiosk/validation/id_number.hpp"

#include "kiosk/validation/messages.hpp"
#include "kiosk/validation/province_codes.hpp"

#include <algorithm>
#include <cctype>

namespace kiosk {

std::string normaliseIdNumber(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c != ' ' && c != '.' && c != '-' && c != '\t') {
            out += c;
        }
    }
    return out;
}

std::optional<IdNumberParts> splitIdNumber(const std::string& normalised) {
    if (normalised.size() != 12 ||
        !std::all_of(normalised.begin(), normalised.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; })) {
        return std::nullopt;
    }
    IdNumberParts parts;
    parts.provinceCode = normalised.substr(0, 3);
    int genderCentury = normalised[3] - '0';
    parts.sex = genderCentury % 2 == 0 ? Sex::Male : Sex::Female;
    parts.century = 1900 + (genderCentury / 2) * 100;
    parts.yearInCentury = (normalised[4] - '0') * 10 + (normalised[5] - '0');
    return parts;
}

std::optional<FieldProblem> checkIdNumber(const std::string& text,
                                          std::optional<CivilDate> dateOfBirth,
                                          std::optional<Sex> sex) {
    std::string number = normaliseIdNumber(text);
    if (!std::all_of(number.begin(), number.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; })) {
        return makeFieldProblem("id_number.digits");
    }
    if (number.size() != 12) {
        return makeFieldProblem("id_number.length", {{"count", std::to_string(number.size())}});
    }
    IdNumberParts parts = *splitIdNumber(number);
    if (!findProvinceCode(parts.provinceCode)) {
        return makeFieldProblem("id_number.province", {{"code", parts.provinceCode}});
    }
    if (dateOfBirth) {
        int year = dateOfBirth->year;
        if (year / 100 * 100 != parts.century) {
            return makeFieldProblem("id_number.century", {{"year", std::to_string(year)}});
        }
        if (year % 100 != parts.yearInCentury) {
            return makeFieldProblem("id_number.year", {{"digits", number.substr(4, 2)},
                                                       {"year", std::to_string(year)}});
        }
    }
    if (sex && *sex != parts.sex) {
        return makeFieldProblem("id_number.sex");
    }
    return std::nullopt;
}

} // namespace kiosk
