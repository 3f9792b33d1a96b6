// The simulated printer peer: PNG pages, sensors answered over DLE EOT, unplug and replug.
#include "drivers/printer/png_writer.hpp"
#include "drivers/printer/simulated_printer.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

using namespace kiosk;

namespace {

std::filesystem::path freshDirectory(const char* name) {
    auto dir =
        std::filesystem::temp_directory_path() /
        (std::string("kiosk-simprinter-") + name + "-" + std::to_string(std::random_device{}()));
    std::filesystem::remove_all(dir);
    return dir;
}

PrintJob stripes(int width) {
    PrintJob job;
    job.image = Bitmap(width, 200);
    for (int y = 0; y < 200; y += 10) {
        job.image.fillRect(0, y, width, 4);
    }
    return job;
}

} // namespace

TEST_CASE("simulated printer prints a job to a PNG file with the same pixels", "[printer]") {
    auto dir = freshDirectory("png");
    auto device = std::make_shared<SimulatedPrinterDevice>(*findPrinterProfile("generic-58"), dir);
    auto printer = makeSimulatedPrinter(device);
    CHECK(printer->simulated());
    CHECK(printer->status() == PrinterState::Ready);
    auto result = printer->print(stripes(384));
    REQUIRE(result.outcome == PrintOutcome::Printed);
    auto files = device->writtenFiles();
    REQUIRE(files.size() == 1);
    auto png = readPngAsBitmap(files[0]);
    REQUIRE(png);
    CHECK(png->width() == 384);
    CHECK(png->rows(0, 200) == stripes(384).image);
    std::filesystem::remove_all(dir);
}

TEST_CASE("simulated printer out of paper is refused, then prints after a new roll", "[printer]") {
    auto device = std::make_shared<SimulatedPrinterDevice>(*findPrinterProfile("generic-80"), "");
    auto printer = makeSimulatedPrinter(device);
    device->setPaper(SimulatedPaper::Out);
    CHECK(printer->status() == PrinterState::NoPaper);
    auto refused = printer->print(stripes(576));
    CHECK(refused.outcome == PrintOutcome::Refused);
    CHECK(refused.state == PrinterState::NoPaper);
    CHECK(device->printedPages().empty());
    CHECK(device->bytesReceived() > 0); // the status queries
    device->setPaper(SimulatedPaper::NearEnd);
    CHECK(printer->status() == PrinterState::PaperNearEnd);
    CHECK(printer->printHeldJob().outcome == PrintOutcome::Printed);
    CHECK(device->printedPages().size() == 1);
}

TEST_CASE("simulated printer with the cover open is refused", "[printer]") {
    auto device = std::make_shared<SimulatedPrinterDevice>(*findPrinterProfile("generic-80"), "");
    auto printer = makeSimulatedPrinter(device);
    device->setCover(SimulatedCover::Open);
    CHECK(printer->status() == PrinterState::CoverOpen);
    CHECK(printer->print(stripes(576)).state == PrinterState::CoverOpen);
    device->setCover(SimulatedCover::Closed);
    CHECK(printer->status() == PrinterState::Ready);
}

TEST_CASE("simulated printer that vanishes is Disconnected until plugged back", "[printer]") {
    auto device = std::make_shared<SimulatedPrinterDevice>(*findPrinterProfile("generic-80"), "");
    auto printer = makeSimulatedPrinter(device);
    REQUIRE(printer->status() == PrinterState::Ready);
    device->setPresence(SimulatedPresence::Unplugged);
    auto result = printer->print(stripes(576));
    CHECK(result.outcome == PrintOutcome::Failed);
    CHECK(result.state == PrinterState::Disconnected);
    CHECK(printer->status() == PrinterState::Disconnected);
    device->setPresence(SimulatedPresence::Plugged);
    CHECK(printer->status() == PrinterState::Ready);
    CHECK(printer->printHeldJob().outcome == PrintOutcome::Printed);
    CHECK(device->printedPages().size() == 1);
}

TEST_CASE("simulated printer describes itself through the 1284 device ID", "[printer]") {
    auto device = std::make_shared<SimulatedPrinterDevice>(*findPrinterProfile("epson-tm-t20"), "");
    auto printer = makeSimulatedPrinter(device);
    REQUIRE(printer->status() == PrinterState::Ready);
    auto text = printer->description();
    CHECK(text.find("Epson TM-T20") != std::string::npos);
    CHECK(text.find("simulated") != std::string::npos);
    CHECK(printer->widthDots() == 576);
}
