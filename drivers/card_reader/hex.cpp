// Spaced hex (as the specifications print APDUs) to bytes.
#include "drivers/card_reader/hex.hpp"

#include <algorithm>

namespace kiosk {

Bytes fromHex(std::string_view text) {
    std::string digits(text);
    std::erase(digits, ' ');
    auto bytes = parseHex(digits);
    return bytes ? *bytes : Bytes{};
}

} // namespace kiosk
