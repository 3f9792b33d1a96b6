// The printer factory: config and the USB bus decide; everything else sees only Printer.
#include "kiosk/devices/printer_factory.hpp"

#include "drivers/printer/printer_profile.hpp"
#include "drivers/printer/usb_printer_discovery.hpp"
#include "drivers/usb/usb_context.hpp"

#include <optional>

namespace kiosk {

std::filesystem::path simulatedPrinterDirectory(const Config& config) {
    return config.paths.dataDir / "simulated-printer";
}

namespace {

PrinterSetup simulated(const Config& config, const PrinterProfile& profile, Logger& logger) {
    PrinterSetup setup;
    setup.simulatedDevice =
        std::make_shared<SimulatedPrinterDevice>(profile, simulatedPrinterDirectory(config));
    setup.printer = makeSimulatedPrinter(setup.simulatedDevice);
    logger.log(LogEvent::DeviceSimulated, {{"device", LogToken("printer")}});
    logger.log(LogEvent::PrinterOpened,
               {{"profile", SystemText{std::string(profile.id)}}, {"simulated", true}});
    return setup;
}

} // namespace

Result<PrinterSetup> makePrinter(const Config& config, DeviceChoice choice, Logger& logger) {
    const PrinterProfile* profile = findPrinterProfile(config.devices.printerProfile);
    if (profile == nullptr) {
        return makeError("config.printer_profile", "unknown printer profile \"" +
                                                       config.devices.printerProfile +
                                                       "\" in [devices] printer_profile");
    }
    if (choice == DeviceChoice::None) {
        return PrinterSetup{};
    }
    if (choice == DeviceChoice::Simulated) {
        return simulated(config, *profile, logger);
    }
    // Auto is the USB printer or "not connected", never the simulated one: a kiosk that says
    // "take your receipt" when nothing printed misleads the resident (issue 14). The printer
    // reconnects on every status poll, so one plugged in later is picked up.
    PrinterSetup setup;
    setup.printer = makeUsbPrinter(*profile);
    std::optional<UsbInterfaceLocation> present;
    if (auto usb = openUsbContext()) {
        if (auto found = findPrinterInterfaces(**usb); found && !found->empty()) {
            present = found->front();
        }
    }
    if (!present) {
        logger.log(LogEvent::DeviceNotConnected, {{"device", LogToken("printer")}});
        return setup;
    }
    const auto& info = present->info;
    logger.log(LogEvent::PrinterOpened, {{"profile", SystemText{std::string(profile->id)}},
                                         {"vendor_id", static_cast<int>(info.vendorId)},
                                         {"product_id", static_cast<int>(info.productId)},
                                         {"simulated", false}});
    return setup;
}

} // namespace kiosk
