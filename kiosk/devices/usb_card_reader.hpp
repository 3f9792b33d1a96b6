// Opens the first USB CCID reader (interface class 0x0B) through libusb.
#pragma once

#include "kiosk/idcard/card_read_command.hpp"

namespace kiosk {

// CCID readers are found by interface class, never by a vendor/product list (CCID 1.1 §4).
inline constexpr std::uint8_t kSmartCardInterfaceClass = 0x0B;

UsbReaderOpener usbCardReaderOpener();

} // namespace kiosk
