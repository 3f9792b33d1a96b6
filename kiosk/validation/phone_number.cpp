// Mobile number checks against the carriers' prefixes after the 2018 11-to-10-digit change.
#include "kiosk/validation/phone_number.hpp"

#include "kiosk/validation/messages.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace kiosk {
namespace {

// Mobile prefixes in use since the 2018 renumbering: Viettel 032-039, 086, 096-098;
// Vinaphone 081-085, 088, 091, 094; MobiFone 070, 076-079, 089, 090, 093; Vietnamobile
// 052, 056, 058, 092; Gmobile 059, 099; Reddi 055; iTel 087.
bool isMobilePrefix(std::string_view prefix) {
    constexpr std::string_view kPrefixes[] = {
        "032", "033", "034", "035", "036", "037", "038", "039", "052", "055", "056", "058",
        "059", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "086",
        "087", "088", "089", "090", "091", "092", "093", "094", "096", "097", "098", "099"};
    return std::find(std::begin(kPrefixes), std::end(kPrefixes), prefix) != std::end(kPrefixes);
}

std::string digitsOnly(const std::string& text, bool& hadPlus, bool& hadOther) {
    std::string out;
    hadPlus = false;
    hadOther = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
            out += c;
        } else if (c == '+' && out.empty() && !hadPlus) {
            hadPlus = true;
        } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
            hadOther = true;
        }
    }
    return out;
}

} // namespace

std::optional<std::string> normalisePhone(const std::string& text) {
    bool hadPlus = false;
    bool hadOther = false;
    std::string digits = digitsOnly(text, hadPlus, hadOther);
    if (hadOther) {
        return std::nullopt;
    }
    if (digits.size() == 11 && digits.rfind("84", 0) == 0) {
        digits = "0" + digits.substr(2);
    } else if (hadPlus) {
        return std::nullopt;
    }
    if (digits.size() != 10 || digits[0] != '0') {
        return std::nullopt;
    }
    return digits;
}

std::optional<FieldProblem> checkPhone(const std::string& text) {
    auto number = normalisePhone(text);
    if (!number) {
        return makeFieldProblem("phone.format");
    }
    if (!isMobilePrefix(std::string_view(*number).substr(0, 3))) {
        return makeFieldProblem("phone.prefix", {{"prefix", number->substr(0, 3)}});
    }
    return std::nullopt;
}

} // namespace kiosk
