// `kioskctl print-test`: renders the test page and prints it on the configured printer.
#pragma once

#include "kiosk/config/config.hpp"

#include <ostream>

namespace kiosk {

enum class PrintTestTarget { ConfiguredPrinter, SimulatedPrinter };

// Prints the test page; reports the printer, its state and the outcome on `out` (and where
// the PNG went when simulated). Returns the process exit code: 0 printed, 1 not printed.
int runPrintTest(const Config& config, PrintTestTarget target, std::ostream& out);

} // namespace kiosk
