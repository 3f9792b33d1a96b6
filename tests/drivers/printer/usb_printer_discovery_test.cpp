// Which USB interfaces count as a receipt printer, and in which order they are tried.
#include "drivers/printer/usb_printer_discovery.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

UsbInterfaceLocation candidate(std::uint8_t cls, std::uint8_t sub, std::uint8_t protocol,
                               std::uint16_t vendor, std::uint8_t out) {
    UsbInterfaceLocation location;
    location.info.interfaceClass = cls;
    location.info.interfaceSubClass = sub;
    location.info.interfaceProtocol = protocol;
    location.info.vendorId = vendor;
    location.bulkOutEndpoint = out;
    return location;
}

} // namespace

TEST_CASE("bidirectional printer interfaces are tried before write-only ones", "[printer]") {
    auto ranked = rankPrinterInterfaces(
        {candidate(7, 1, 1, 0x0416, 0x01), candidate(7, 1, 2, 0x6868, 0x03)}, {});
    REQUIRE(ranked.size() == 2);
    CHECK(ranked[0].info.interfaceProtocol == 2);
    CHECK(ranked[0].bulkOutEndpoint == 0x03);
}

TEST_CASE("IEEE 1284.4 and endpoint-less interfaces are skipped", "[printer]") {
    auto ranked = rankPrinterInterfaces(
        {candidate(7, 1, 3, 0x04B8, 0x01), candidate(7, 1, 2, 0x04B8, 0x00)}, {});
    CHECK(ranked.empty());
}

TEST_CASE("an Epson in vendor-class mode is accepted after printer-class devices", "[printer]") {
    auto ranked = rankPrinterInterfaces(
        {candidate(7, 1, 2, 0x0416, 0x01)},
        {candidate(0xFF, 0, 0, 0x04B8, 0x01), candidate(0xFF, 0, 0, 0x1234, 0x01)});
    REQUIRE(ranked.size() == 2);
    CHECK(ranked[0].info.interfaceClass == 7);
    CHECK(ranked[1].info.vendorId == 0x04B8);
}
