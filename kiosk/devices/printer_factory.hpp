// Chooses the receipt printer from the config: a USB printer, the simulated one, or none.
#pragma once

#include "drivers/printer/printer.hpp"
#include "drivers/printer/simulated_printer.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/log/logger.hpp"

#include <filesystem>
#include <memory>

namespace kiosk {

struct PrinterSetup {
    std::unique_ptr<Printer> printer; // null when [devices] printer = none
    // Set when simulated: the maintenance screen and tests flip its paper, cover and plug.
    std::shared_ptr<SimulatedPrinterDevice> simulatedDevice;
};

// Where the simulated printer writes its PNG pages.
std::filesystem::path simulatedPrinterDirectory(const Config& config);

// Auto: the USB receipt printer, connected whenever it is plugged in (until then its status is
// Disconnected; logged as device_not_connected). Never the simulated one: only Simulated (from
// `sim` in the config or --sim) gives that. An unknown profile name is an error.
Result<PrinterSetup> makePrinter(const Config& config, DeviceChoice choice, Logger& logger);

} // namespace kiosk
