// The IEEE 1284 device ID a USB printer returns to GET_DEVICE_ID, parsed into its fields.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <map>
#include <span>
#include <string>

namespace kiosk {

struct Ieee1284DeviceId {
    std::map<std::string, std::string> fields; // keys as sent, e.g. "MFG", "MDL", "CMD"
    std::string manufacturer() const;          // MFG: or MANUFACTURER:
    std::string model() const;                 // MDL: or MODEL:
    std::string commandSet() const;            // CMD: or COMMAND SET:
    bool speaksEscPos() const;                 // CMD: lists ESC/POS (TSPL label printers do not)
};

// USB Printer Class 1.1 §4.2.1: two bytes big-endian length (including themselves), then
// "KEY:value;" pairs in ASCII.
Result<Ieee1284DeviceId> parseIeee1284DeviceId(std::span<const std::uint8_t> reply);

// Sends GET_DEVICE_ID (bmRequestType 0xA1, bRequest 0) to the claimed printer interface.
Result<Ieee1284DeviceId> readIeee1284DeviceId(UsbTransport& transport);

} // namespace kiosk
