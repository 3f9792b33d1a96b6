// The kiosk started with printer = auto and card_reader = auto on a machine with neither device:
// both are "not connected", and no simulated device appears anywhere (issue 14, defect 1).
#include "drivers/printer/usb_printer_discovery.hpp"
#include "drivers/usb/usb_context.hpp"
#include "kiosk/app/kiosk_services.hpp"
#include "kiosk/devices/printer_factory.hpp"
#include "kiosk/devices/usb_card_reader.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

// True when this machine has a USB printer or smart-card interface (then "not connected" is
// not what it should show, and only the "never simulated" half of the test applies).
bool realDevicesPresent() {
    auto context = openUsbContext();
    if (!context) {
        return false;
    }
    auto printers = findPrinterInterfaces(**context);
    auto readers = findUsbInterfaces(**context, kSmartCardInterfaceClass);
    return (printers && !printers->empty()) || (readers && !readers->empty());
}

template <class T> std::optional<T> next(ServiceQueue& events) {
    for (int i = 0; i < 2000; ++i) {
        for (ServiceEvent& result : events.take()) {
            if (auto* wanted = std::get_if<T>(&result)) {
                return *wanted;
            }
        }
        std::this_thread::sleep_for(5ms);
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("auto with no device: not connected, and no simulated device anywhere", "[devices]") {
    auto dir = std::filesystem::temp_directory_path() /
               ("kiosk-auto-devices-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "data");
    Config config; // [devices] printer = auto, card_reader = auto, as systemd/kiosk.ini ships
    REQUIRE(config.devices.printer == DeviceChoice::Auto);
    REQUIRE(config.devices.cardReader == DeviceChoice::Auto);
    config.paths.dataDir = dir / "data";
    std::ostringstream logs;
    Logger logger(logs, LogLevel::Debug);
    bool hardware = realDevicesPresent();
    {
        ServiceQueue events;
        KioskServices services(config, logger, false, events);
        DeviceStatus status = services.status();
        CHECK_FALSE(status.printerSimulated);
        CHECK_FALSE(status.readerSimulated);
        CHECK(services.simulatedPrinter() == nullptr);

        // A card read with no reader fails as "unplugged" and pre-fills nothing.
        services.readCard("001099012345");
        auto read = next<service::CardReadDone>(events);
        REQUIRE(read);
        CHECK(read->holder() == nullptr);
        if (!hardware) {
            CHECK(read->failure() == CardReadFailure::ReaderMissing);
            // The worker polls the devices every second; the status bar says "not connected".
            std::this_thread::sleep_for(1200ms);
            status = services.status();
            CHECK(status.printer == PrinterState::Disconnected);
            CHECK(status.reader == ReaderState::Disconnected);
        }
    }
    CHECK(logs.str().find("device_simulated") == std::string::npos);
    CHECK(logs.str().find("\"simulated\":true") == std::string::npos);
    if (!hardware) {
        CHECK(logs.str().find("device_not_connected") != std::string::npos);
    }
    // The simulated printer writes PNG pages here; it must never have been created.
    CHECK_FALSE(std::filesystem::exists(simulatedPrinterDirectory(config)));
    std::filesystem::remove_all(dir);
}
