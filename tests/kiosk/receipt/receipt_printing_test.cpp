// Printing receipts end to end on the simulated printer, the test page, and the printer factory.
#include "kiosk/devices/printer_factory.hpp"
#include "kiosk/receipt/print_test.hpp"
#include "kiosk/receipt/receipt_printing.hpp"
#include "kiosk/receipt/test_page.hpp"
#include "tests/kiosk/receipt/receipt_fixture.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <sstream>

using namespace kiosk;

namespace {

std::filesystem::path receiptPrintingFreshDirectory() {
    auto dir = std::filesystem::temp_directory_path() /
               ("kiosk-receipt-" + std::to_string(std::random_device{}()));
    std::filesystem::remove_all(dir);
    return dir;
}

std::shared_ptr<SimulatedPrinterDevice> device58() {
    return std::make_shared<SimulatedPrinterDevice>(*findPrinterProfile("generic-58"), "");
}

} // namespace

TEST_CASE("a receipt printed on the simulated printer comes out pixel for pixel", "[receipt]") {
    auto text = test::makeTextRenderer();
    auto device = device58();
    auto printer = makeSimulatedPrinter(device);
    std::ostringstream logs;
    Logger logger(logs);
    auto receipt = sampleReceipt(Language::Vietnamese);
    auto result = printReceipt(*printer, receipt, *text, logger, 2);
    REQUIRE(result.outcome == PrintOutcome::Printed);
    auto pages = device->printedPages();
    REQUIRE(pages.size() == 2);
    auto expected = renderReceipt(receipt, *text, 384);
    REQUIRE(expected);
    CHECK(pages[0].rows(0, expected->height()) == *expected);
    CHECK(logs.str().find("receipt_printed") != std::string::npos);
}

TEST_CASE("receipt logs never carry the receipt's content", "[receipt]") {
    auto text = test::makeTextRenderer();
    auto device = device58();
    auto printer = makeSimulatedPrinter(device);
    std::ostringstream logs;
    Logger logger(logs);
    auto receipt = sampleReceipt(Language::Vietnamese);
    printReceipt(*printer, receipt, *text, logger);
    device->setPaper(SimulatedPaper::Out);
    printReceipt(*printer, receipt, *text, logger);
    device->setPresence(SimulatedPresence::Unplugged);
    printReceipt(*printer, receipt, *text, logger);
    auto lines = logs.str();
    CHECK(lines.find("receipt_refused") != std::string::npos);
    CHECK(lines.find("receipt_print_failed") != std::string::npos);
    for (const std::string& secret : {receipt.idNumberLastDigits, receipt.dossierCode,
                                      receipt.procedureName, receipt.statusUrl}) {
        CHECK(lines.find(secret) == std::string::npos);
    }
}

TEST_CASE("a refused receipt names the reason and is held for a reprint", "[receipt]") {
    auto text = test::makeTextRenderer();
    auto device = device58();
    auto printer = makeSimulatedPrinter(device);
    std::ostringstream logs;
    Logger logger(logs);
    device->setCover(SimulatedCover::Open);
    auto result = printReceipt(*printer, sampleReceipt(Language::English), *text, logger);
    CHECK(result.outcome == PrintOutcome::Refused);
    CHECK(result.reason.code == "printer.cover_open");
    CHECK(printer->hasHeldJob());
    device->setCover(SimulatedCover::Closed);
    CHECK(printer->printHeldJob().outcome == PrintOutcome::Printed);
}

TEST_CASE("the receipt preview PNG is the printed bitmap", "[receipt]") {
    auto text = test::makeTextRenderer();
    auto dir = receiptPrintingFreshDirectory();
    std::filesystem::create_directories(dir);
    auto receipt = sampleReceipt(Language::Vietnamese);
    REQUIRE(writeReceiptPreview(receipt, *text, 576, dir / "preview.png"));
    auto png = readPngAsBitmap(dir / "preview.png");
    auto rendered = renderReceipt(receipt, *text, 576);
    REQUIRE(png);
    REQUIRE(rendered);
    CHECK(*png == *rendered);
    std::filesystem::remove_all(dir);
}

TEST_CASE("the test page shows every toned letter without missing glyphs", "[receipt]") {
    auto text = test::makeTextRenderer();
    for (int width : {384, 576}) {
        auto page = renderTestPage(*text, width, "Generic");
        REQUIRE(page);
        CHECK(page->width() == width);
        // The ruler marks both outermost dots so a clipped head shows.
        bool bothEdges = false;
        for (int y = 0; y < page->height() && !bothEdges; ++y) {
            bothEdges = page->pixel(0, y) && page->pixel(width - 1, y);
        }
        CHECK(bothEdges);
    }
    CHECK(text->missingGlyphs() == 0);
}

TEST_CASE("print-test on the simulated printer writes a PNG page", "[receipt]") {
    Config config;
    config.paths.dataDir = receiptPrintingFreshDirectory();
    std::ostringstream out;
    CHECK(runPrintTest(config, PrintTestTarget::SimulatedPrinter, out) == 0);
    CHECK(out.str().find("printed:") != std::string::npos);
    auto dir = simulatedPrinterDirectory(config);
    CHECK(std::filesystem::exists(dir / "receipt-0001.png"));
    std::filesystem::remove_all(config.paths.dataDir);
}

TEST_CASE("an unknown printer profile in the config is a clear error", "[receipt]") {
    Config config;
    config.devices.printerProfile = "no-such-printer";
    std::ostringstream logs;
    Logger logger(logs);
    auto setup = makePrinter(config, DeviceChoice::Simulated, logger);
    REQUIRE_FALSE(setup);
    CHECK(setup.error().message.find("no-such-printer") != std::string::npos);
}

TEST_CASE("printer choice none gives no printer and simulated logs that it is simulated",
          "[receipt]") {
    Config config;
    config.paths.dataDir = receiptPrintingFreshDirectory();
    std::ostringstream logs;
    Logger logger(logs);
    auto none = makePrinter(config, DeviceChoice::None, logger);
    REQUIRE(none);
    CHECK(none->printer == nullptr);
    auto sim = makePrinter(config, DeviceChoice::Simulated, logger);
    REQUIRE(sim);
    REQUIRE(sim->printer != nullptr);
    CHECK(sim->printer->simulated());
    CHECK(sim->simulatedDevice != nullptr);
    CHECK(logs.str().find("device_simulated") != std::string::npos);
}
