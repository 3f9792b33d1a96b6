// The printer factory: config and the USB bus decide; everything else sees only Printer.
#include "kiosk/devices/printer_factory.hpp"

#include "drivers/printer/printer_profile.hpp"
#include "drivers/printer/usb_printer_discovery.hpp"
#include "drivers/usb/usb_context.hpp"

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
    auto usb = openUsbContext();
    if (!usb) {
        return simulated(config, *profile, logger);
    }
    auto found = findPrinterInterfaces(**usb);
    if (!found || found->empty()) {
        return simulated(config, *profile, logger);
    }
    PrinterSetup setup;
    setup.usb = *usb;
    setup.printer = makeUsbPrinter(*usb, *profile);
    const auto& info = found->front().info;
    logger.log(LogEvent::PrinterOpened, {{"profile", SystemText{std::string(profile->id)}},
                                         {"vendor_id", static_cast<int>(info.vendorId)},
                                         {"product_id", static_cast<int>(info.productId)},
                                         {"simulated", false}});
    return setup;
}

} // namespace kiosk
