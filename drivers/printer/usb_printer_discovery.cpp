// Printer-class and Epson vendor-class interface selection, then the USB-backed EscPosPrinter.
#include "drivers/printer/usb_printer_discovery.hpp"

#include <algorithm>

namespace kiosk {

std::vector<UsbInterfaceLocation>
rankPrinterInterfaces(const std::vector<UsbInterfaceLocation>& printerClass,
                      const std::vector<UsbInterfaceLocation>& vendorClass) {
    std::vector<UsbInterfaceLocation> usable;
    for (const auto& candidate : printerClass) {
        const auto& info = candidate.info;
        // Protocol 3 (IEEE 1284.4) multiplexes channels; ESC/POS goes over 1 or 2 only.
        if (info.interfaceSubClass == 1 &&
            (info.interfaceProtocol == 1 || info.interfaceProtocol == 2) &&
            candidate.bulkOutEndpoint != 0) {
            usable.push_back(candidate);
        }
    }
    std::stable_sort(usable.begin(), usable.end(), [](const auto& a, const auto& b) {
        return a.info.interfaceProtocol > b.info.interfaceProtocol;
    });
    for (const auto& candidate : vendorClass) {
        if (candidate.info.vendorId == kEpsonVendorId && candidate.bulkOutEndpoint != 0) {
            usable.push_back(candidate);
        }
    }
    return usable;
}

Result<std::vector<UsbInterfaceLocation>> findPrinterInterfaces(UsbContext& context) {
    auto printers = findUsbInterfaces(context, kUsbClassPrinter);
    if (!printers) {
        return printers.error();
    }
    auto vendor = findUsbInterfaces(context, kUsbClassVendorSpecific);
    if (!vendor) {
        return vendor.error();
    }
    return rankPrinterInterfaces(*printers, *vendor);
}

TransportConnector usbPrinterConnector() {
    return []() -> Result<std::unique_ptr<UsbTransport>> {
        // A fresh context per attempt reads the bus as it is now, so a printer plugged in later
        // is found even where libusb gets no hot-plug events (no udevd); the transport keeps
        // its context alive.
        auto context = openUsbContext();
        if (!context) {
            return context.error();
        }
        auto found = findPrinterInterfaces(**context);
        if (!found) {
            return found.error();
        }
        Error last = makeError(usb_error::kNoDevice, "no USB receipt printer is plugged in");
        for (const auto& candidate : *found) {
            auto opened = openUsbInterface(*context, candidate);
            if (opened) {
                return opened;
            }
            last = opened.error();
        }
        return last;
    };
}

std::unique_ptr<Printer> makeUsbPrinter(const PrinterProfile& configuredProfile) {
    return std::make_unique<EscPosPrinter>(configuredProfile, usbPrinterConnector(),
                                           DeviceKind::Real);
}

} // namespace kiosk
