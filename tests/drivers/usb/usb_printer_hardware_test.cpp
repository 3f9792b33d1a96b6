// On a machine with a USB receipt printer: discovery, device ID and status over real libusb.
#include "drivers/printer/ieee1284_device_id.hpp"
#include "drivers/printer/usb_printer_discovery.hpp"
#include "drivers/usb/usb_context.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("a plugged-in USB receipt printer is found, opened and answers status", "[hardware]") {
    auto context = openUsbContext();
    if (!context) {
        WARN("no USB access here: " << context.error().message);
        return;
    }
    auto found = findPrinterInterfaces(**context);
    REQUIRE(found);
    if (found->empty()) {
        WARN("no USB receipt printer plugged in; skipped");
        return;
    }
    auto transport = openUsbInterface(*context, found->front());
    REQUIRE(transport);
    CHECK((*transport)->info().interfaceClass == found->front().info.interfaceClass);
    if (auto id = readIeee1284DeviceId(**transport)) {
        INFO("device id model " << id->model());
        CHECK_FALSE(id->fields.empty());
    }
    transport->reset();
    auto printer = makeUsbPrinter(*findPrinterProfile("generic-80"));
    CHECK(printer->status() != PrinterState::Disconnected);
}
