// USB enumeration, opening and hot-plug over libusb, with no libusb type in sight of the caller.
#pragma once

#include "drivers/usb/usb_transport.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace kiosk {

// One libusb context. Shared: every transport opened from it keeps it alive, because libusb
// must not be torn down under an open handle.
class UsbContext;

Result<std::shared_ptr<UsbContext>> openUsbContext();

// Where an interface is and what its descriptors say; enough to open it later.
struct UsbInterfaceLocation {
    std::uint8_t busNumber = 0;
    std::uint8_t deviceAddress = 0; // changes on every replug
    std::uint8_t configurationValue = 1;
    std::uint8_t alternateSetting = 0;
    std::uint8_t bulkOutEndpoint = 0; // 0 = none
    std::uint8_t bulkInEndpoint = 0;
    std::uint8_t interruptInEndpoint = 0;
    UsbDeviceInfo info; // strings are filled in only once the device is opened
};

// Every interface of `interfaceClass` on the bus (7 printer, 0x0B smart card, 0xFF vendor),
// endpoints taken from the descriptors, never guessed (escpos.md §1.6: they vary per model).
Result<std::vector<UsbInterfaceLocation>> findUsbInterfaces(UsbContext& context,
                                                            std::uint8_t interfaceClass);

// Opens the device, lets libusb detach a kernel driver (usblp) for as long as the interface is
// claimed, claims it and returns the transport. The kernel driver is re-attached on close.
Result<std::unique_ptr<UsbTransport>> openUsbInterface(std::shared_ptr<UsbContext> context,
                                                       const UsbInterfaceLocation& location);

// Tells a driver thread when to look for devices again: libusb hot-plug events where the
// platform has them, a cheap comparison of the device list otherwise.
class UsbHotplugMonitor {
public:
    virtual ~UsbHotplugMonitor() = default;
    // True when a device arrived or left since the last call. Never blocks.
    virtual bool devicesChanged() = 0;
    virtual bool usesHotplugEvents() const = 0;
};

std::unique_ptr<UsbHotplugMonitor> makeUsbHotplugMonitor(std::shared_ptr<UsbContext> context);

} // namespace kiosk
