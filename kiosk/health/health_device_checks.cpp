// Health checks of the receipt printer and the card reader: really there, never simulated unasked.
#include "drivers/card_reader/reader_quirks.hpp"
#include "drivers/printer/printer_profile.hpp"
#include "kiosk/health/health_check.hpp"

#include <cstdio>

namespace kiosk {
namespace {

std::string usbId(const UsbDeviceInfo& info) {
    char text[16];
    std::snprintf(text, sizeof text, "%04x:%04x", info.vendorId, info.productId);
    return text;
}

std::string where(const UsbInterfaceLocation& location) {
    return "bus " + std::to_string(location.busNumber) + " device " +
           std::to_string(location.deviceAddress);
}

// What every device check says before looking at the bus: none, or simulated by choice.
std::optional<HealthResult> byChoice(DeviceChoice choice, const char* check, const char* title,
                                     const char* key) {
    if (choice == DeviceChoice::None) {
        return HealthResult{check, title, HealthLevel::Ok,
                            std::string("none configured ([devices] ") + key + " = none)", ""};
    }
    if (choice == DeviceChoice::Simulated) {
        return HealthResult{check, title, HealthLevel::Warn,
                            std::string("simulated, as configured ([devices] ") + key + " = sim)",
                            std::string("on a real kiosk set [devices] ") + key + " = auto"};
    }
    return std::nullopt;
}

} // namespace

UsbInterfaceLister libusbInterfaceLister() {
    return [](std::uint8_t interfaceClass) -> Result<std::vector<UsbInterfaceLocation>> {
        auto context = openUsbContext();
        if (!context) {
            return context.error();
        }
        return findUsbInterfaces(**context, interfaceClass);
    };
}

HealthResult judgePrinter(const Config& config,
                          const Result<std::vector<UsbInterfaceLocation>>& found) {
    const char* title = "Printer";
    if (auto chosen = byChoice(config.devices.printer, "printer", title, "printer")) {
        return *chosen;
    }
    if (!found) {
        return {"printer", title, HealthLevel::Fail,
                "cannot list USB devices: " + found.error().message,
                "run as root or a member of group lp (udev rule 60-kiosk-printer.rules)"};
    }
    if (found->empty()) {
        return {"printer", title, HealthLevel::Fail, "no USB receipt printer found",
                "plug the printer in and switch it on; lsusb should list it"};
    }
    const UsbInterfaceLocation& printer = found->front();
    const PrinterProfile* profile = findPrinterProfile(config.devices.printerProfile);
    std::string model =
        profile != nullptr
            ? std::string(profileForDevice("", printer.info.vendorId, *profile).displayName)
            : "unknown profile " + config.devices.printerProfile;
    return {"printer", title, HealthLevel::Ok,
            "USB printer " + usbId(printer.info) + " (" + model + ") connected at " +
                where(printer),
            ""};
}

HealthResult judgeCardReader(const Config& config,
                             const Result<std::vector<UsbInterfaceLocation>>& found) {
    const char* title = "Card reader";
    if (auto chosen = byChoice(config.devices.cardReader, "card_reader", title, "card_reader")) {
        return *chosen;
    }
    if (!found) {
        return {"card_reader", title, HealthLevel::Fail,
                "cannot list USB devices: " + found.error().message,
                "run as root or a member of group kiosk (udev rule 60-kiosk-card-reader.rules)"};
    }
    if (found->empty()) {
        return {"card_reader", title, HealthLevel::Fail,
                "no USB smart-card reader (interface class 0x0B) found",
                "plug the reader in; lsusb should list it; pcscd must not be installed"};
    }
    const UsbInterfaceLocation& reader = found->front();
    const ReaderQuirk* quirk = findReaderQuirk(reader.info.vendorId, reader.info.productId);
    std::string model = quirk != nullptr ? std::string(quirk->model) : "model not in the table";
    std::string detail =
        "CCID reader " + usbId(reader.info) + " (" + model + ") connected at " + where(reader);
    if (quirk != nullptr && quirk->support == ReaderSupport::Avoid) {
        return {"card_reader", title, HealthLevel::Warn,
                detail + ": this model is known to fail with chip ID cards",
                "replace it with a reader from docs/card-reader.md"};
    }
    return {"card_reader", title, HealthLevel::Ok, detail, ""};
}

} // namespace kiosk
