// Hex test vectors and fixtures: like parseHex, but spaces between bytes are allowed.
#pragma once

#include "drivers/common/hex.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <string_view>

namespace kiosk {

// An odd digit count or a non-hex character is a programmer error in a test vector, so it
// returns an empty vector.
Bytes fromHex(std::string_view text);

} // namespace kiosk
