// Strict parsing of the timestamp header and range checks of stored request fields.
#include "kiosk/programs/gateway/gateway_request_validation.hpp"

#include <algorithm>

namespace kiosk {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

} // namespace

std::optional<std::int64_t> parseKioskTimestamp(std::string_view text) {
    // 12 digits reach the year 33658: no overflow, and no real clock is refused.
    if (text.empty() || text.size() > 12 || !std::all_of(text.begin(), text.end(), isDigit)) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    for (char c : text) {
        value = value * 10 + (c - '0');
    }
    return value;
}

bool isValidLocalReference(std::string_view reference) {
    if (reference.empty() || reference.size() > kMaxLocalReferenceBytes ||
        !isLetter(reference.front())) {
        return false;
    }
    return std::all_of(reference.begin(), reference.end(),
                       [](char c) { return isLetter(c) || isDigit(c) || c == '-'; });
}

Result<int> processingWorkingDays(const nlohmann::json& payload) {
    auto days = payload.find("SoNgayXuLy");
    // is_number_integer() is false for 3.5 and 1e15 (read as floating point) alike.
    if (days == payload.end() || !days->is_number_integer()) {
        return makeError("invalid_payload", "SoNgayXuLy must be a whole number of working days");
    }
    auto value = days->get<std::int64_t>();
    if (value < 0 || value > kMaxProcessingWorkingDays) {
        return makeError("invalid_payload", "SoNgayXuLy must be from 0 to " +
                                                std::to_string(kMaxProcessingWorkingDays));
    }
    return static_cast<int>(value);
}

} // namespace kiosk
