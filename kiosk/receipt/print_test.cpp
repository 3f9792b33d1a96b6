// The print-test command: the whole printing path end to end, for installers.
#include "kiosk/receipt/print_test.hpp"

#include "kiosk/devices/printer_factory.hpp"
#include "kiosk/receipt/receipt_printing.hpp"
#include "kiosk/receipt/test_page.hpp"

#include <sstream>

namespace kiosk {

int runPrintTest(const Config& config, PrintTestTarget target, std::ostream& out) {
    // Log lines go to a buffer: this is an interactive command, its report is `out`.
    std::ostringstream logLines;
    Logger logger(logLines);
    auto choice = target == PrintTestTarget::SimulatedPrinter ? DeviceChoice::Simulated
                                                              : config.devices.printer;
    if (choice == DeviceChoice::None) {
        choice = DeviceChoice::Auto;
    }
    auto setup = makePrinter(config, choice, logger);
    if (!setup) {
        out << "print-test: " << setup.error().message << '\n';
        return 1;
    }
    Printer& printer = *setup->printer;
    auto text = TextRenderer::create(config.paths.fontRegular, config.paths.fontBold);
    if (!text) {
        out << "print-test: " << text.error().message << '\n';
        return 1;
    }
    auto state = printer.status();
    out << "printer: " << printer.description() << '\n';
    out << "state:   " << printerStateName(state) << '\n';
    auto page = renderTestPage(**text, printer.widthDots(), printer.description());
    if (!page) {
        out << "print-test: " << page.error().message << '\n';
        return 1;
    }
    auto result = printImage(printer, *page, logger);
    if (result.outcome != PrintOutcome::Printed) {
        out << "not printed: " << result.reason.message << " (" << printerStateName(result.state)
            << ")\n";
        return 1;
    }
    logger.log(LogEvent::PrintTestPrinted,
               {{"bytes", static_cast<std::int64_t>(result.bytesSent)}});
    out << "printed: " << page->height() << " rows, " << result.bytesSent << " bytes\n";
    if (setup->simulatedDevice) {
        auto files = setup->simulatedDevice->writtenFiles();
        if (files.empty()) {
            out << "warning: no PNG written; is " << simulatedPrinterDirectory(config).string()
                << " writable? (set [paths] data_dir)\n";
        } else {
            out << "page:    " << files.back().string() << '\n';
        }
    }
    return 0;
}

} // namespace kiosk
