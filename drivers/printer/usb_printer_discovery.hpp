// Finding and opening a receipt printer on USB: by interface class, never by a VID:PID list.
#pragma once

#include "drivers/printer/escpos_printer.hpp"
#include "drivers/usb/usb_context.hpp"

#include <memory>
#include <vector>

namespace kiosk {

// USB Printer Class 1.1: bInterfaceClass 7, subclass 1; protocol 2 is bidirectional (status
// can be read back), 1 is write-only. Epson TMs in "vendor class" mode show class 0xFF instead
// (DantSu #331), so those are accepted for Epson's vendor id when they have a bulk OUT.
inline constexpr std::uint8_t kUsbClassPrinter = 0x07;
inline constexpr std::uint8_t kUsbClassVendorSpecific = 0xFF;
inline constexpr std::uint16_t kEpsonVendorId = 0x04B8;

// Pure: keeps the usable candidates, bidirectional printer-class interfaces first.
std::vector<UsbInterfaceLocation>
rankPrinterInterfaces(const std::vector<UsbInterfaceLocation>& printerClass,
                      const std::vector<UsbInterfaceLocation>& vendorClass);

Result<std::vector<UsbInterfaceLocation>> findPrinterInterfaces(UsbContext& context);

// Finds the best printer now and opens it: used on every (re)connect, so a printer plugged
// into another port, or a different printer, is picked up too.
TransportConnector usbPrinterConnector();

std::unique_ptr<Printer> makeUsbPrinter(const PrinterProfile& configuredProfile);

} // namespace kiosk
