// Hex text <-> bytes, for test vectors, fixtures and the maintainers' command line.
#pragma once

#include "drivers/usb/usb_transport.hpp"

#include <span>
#include <string>
#include <string_view>

namespace kiosk {

// Upper-case hex without separators.
std::string toHex(std::span<const std::uint8_t> bytes);
// Accepts upper or lower case and ignores spaces; an odd digit count or a non-hex character is a
// programmer error in a test vector, so it returns an empty vector.
Bytes fromHex(std::string_view text);

} // namespace kiosk
