// The narrow seam between device protocols and USB: real devices use libusb, simulated ones
// answer the same bytes in software. Protocol code (ESC/POS, CCID) only ever sees this.
#pragma once

#include "drivers/common/result.hpp"

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace kiosk {

using Bytes = std::vector<std::uint8_t>;

// Error codes a transport reports in Error::code.
namespace usb_error {
inline constexpr const char* kTimeout = "usb.timeout";    // nothing happened in time
inline constexpr const char* kStall = "usb.stall";        // endpoint halted
inline constexpr const char* kNoDevice = "usb.no_device"; // unplugged
inline constexpr const char* kIo = "usb.io";              // anything else from the bus
} // namespace usb_error

// What enumeration learned about the device and the claimed interface.
struct UsbDeviceInfo {
    std::uint16_t vendorId = 0;
    std::uint16_t productId = 0;
    std::uint8_t interfaceClass = 0;
    std::uint8_t interfaceSubClass = 0;
    std::uint8_t interfaceProtocol = 0;
    std::uint8_t interfaceNumber = 0;
    std::string manufacturer;
    std::string product;
    // Class-specific descriptor bytes following the interface descriptor (the CCID class
    // descriptor lives here), exactly as the device sent them.
    Bytes classDescriptor;
    std::uint16_t bulkOutMaxPacket = 64;
    std::uint16_t bulkInMaxPacket = 64;
    bool hasInterruptIn = false;
};

class UsbTransport {
public:
    virtual ~UsbTransport() = default;

    virtual const UsbDeviceInfo& info() const = 0;

    // Writes all of `data` (the transport may split it into packets); returns bytes written.
    virtual Result<std::size_t> bulkOut(std::span<const std::uint8_t> data,
                                        std::chrono::milliseconds timeout) = 0;
    // Reads one transfer of at most `maxLength` bytes.
    virtual Result<Bytes> bulkIn(std::size_t maxLength, std::chrono::milliseconds timeout) = 0;
    virtual Result<Bytes> interruptIn(std::size_t maxLength, std::chrono::milliseconds timeout) = 0;
    // Class or vendor request on the control endpoint, device-to-host.
    virtual Result<Bytes> controlIn(std::uint8_t requestType, std::uint8_t request,
                                    std::uint16_t value, std::uint16_t index, std::uint16_t length,
                                    std::chrono::milliseconds timeout) = 0;
};

} // namespace kiosk
