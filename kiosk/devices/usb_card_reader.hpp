// Finds the USB CCID reader to use (interface class 0x0B), choosing among several, via libusb.
#pragma once

#include "drivers/card_reader/reader_quirks.hpp"
#include "drivers/usb/usb_context.hpp"
#include "kiosk/idcard/card_read_command.hpp"
#include "kiosk/log/logger.hpp"

#include <string>
#include <vector>

namespace kiosk {

// CCID readers are found by interface class, never by a vendor/product list (CCID 1.1 §4).
inline constexpr std::uint8_t kSmartCardInterfaceClass = 0x0B;

// Why an interface ranks where it does; a fixed token, so it may be logged.
struct ReaderCandidate {
    UsbInterfaceLocation location;
    const ReaderQuirk* quirk = nullptr; // null for a model the table does not know
    bool usable = false;                // false: a token, a SAM/contact slot, or TPDU level
    int rank = 0;                       // higher first
    LogToken reason = "first";
};

// Pure: ranks the class-0x0B interfaces by the quirk table and the CCID class descriptor.
// Dual readers lead to their contactless interface; security tokens and readers that do not
// work at APDU level are not usable.
std::vector<ReaderCandidate> rankReaderInterfaces(const std::vector<UsbInterfaceLocation>& found);

// Opens the best reader now. With several usable candidates, each one holding a card is asked
// for the ICAO application (SELECT eMRTD AID): the one that answers wins, a chip that does not
// (a token's) goes last. The choice is logged when `logger` is given.
UsbReaderOpener usbCardReaderOpener(Logger* logger = nullptr);

} // namespace kiosk
