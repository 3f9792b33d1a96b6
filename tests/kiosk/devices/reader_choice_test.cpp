// Choosing among several smart-card interfaces: dual readers lead to their contactless one,
// tokens never win, and slow readers get libccid's longer timeouts.
#include "kiosk/devices/usb_card_reader.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

// A CCID class descriptor (54 bytes) with the given dwFeatures.
Bytes ccidDescriptor(std::uint32_t features) {
    Bytes d(54, 0);
    d[0] = 54;
    d[1] = 0x21;
    d[2] = 0x00;
    d[3] = 0x01;
    for (int i = 0; i < 4; ++i) {
        d[40 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(features >> (8 * i));
    }
    d[44] = 0x0A; // dwMaxCCIDMessageLength 522
    d[45] = 0x02;
    return d;
}

UsbInterfaceLocation smartCard(std::uint16_t vid, std::uint16_t pid, std::uint8_t interface,
                               std::uint32_t features = 0x000404BA) {
    UsbInterfaceLocation location;
    location.info.vendorId = vid;
    location.info.productId = pid;
    location.info.interfaceClass = 0x0B;
    location.info.interfaceNumber = interface;
    location.info.classDescriptor = ccidDescriptor(features);
    return location;
}

} // namespace

TEST_CASE("a token plugged first never wins over a reader", "[devices][reader-choice]") {
    auto ranked = rankReaderInterfaces({smartCard(0x1050, 0x0407, 2), // YubiKey CCID
                                        smartCard(0x072F, 0x223E, 0)});
    REQUIRE(ranked.size() == 2);
    CHECK(ranked[0].usable);
    CHECK(ranked[0].location.info.vendorId == 0x072F);
    CHECK_FALSE(ranked[1].usable);
    CHECK(ranked[1].reason.text() == "security_token");
}

TEST_CASE("the OMNIKEY 5422's contactless interface 0 wins over its contact interface 1",
          "[devices][reader-choice]") {
    // Both are APDU level: only the quirk table tells them apart (libccid readers/ list).
    auto ranked = rankReaderInterfaces(
        {smartCard(0x076B, 0x5422, 1, 0x000407B8), smartCard(0x076B, 0x5422, 0, 0x000404BA)});
    REQUIRE(ranked.size() == 2);
    CHECK(ranked[0].usable);
    CHECK(ranked[0].location.info.interfaceNumber == 0);
    CHECK(ranked[0].reason.text() == "contactless_interface");
    CHECK_FALSE(ranked[1].usable);
    CHECK(ranked[1].reason.text() == "contact_or_sam_interface");
}

TEST_CASE("a TPDU-level interface is not usable: an unknown APDU-level one is",
          "[devices][reader-choice]") {
    auto ranked = rankReaderInterfaces({smartCard(0x1234, 0x0001, 0, 0x000100BA),   // TPDU
                                        smartCard(0x1234, 0x0002, 0, 0x000204BA)}); // short APDU
    REQUIRE(ranked.size() == 2);
    CHECK(ranked[0].location.info.productId == 0x0002);
    CHECK(ranked[0].usable);
    CHECK(ranked[0].reason.text() == "apdu_level_descriptor");
    CHECK_FALSE(ranked[1].usable);
    CHECK(ranked[1].reason.text() == "not_apdu_level");
}

TEST_CASE("the quirk table's timeout multipliers match libccid and are applied",
          "[devices][reader-choice]") {
    // libccid src/ccid.c ccid_open_hack_pre: SCL011, uTrust 3700 F/3701 F/4701 F x4; ACR122U x10.
    CHECK(ccidTimeoutsFor(0x04E6, 0x5790).read == std::chrono::milliseconds(12000));
    CHECK(ccidTimeoutsFor(0x04E6, 0x5293).read == std::chrono::milliseconds(12000));
    CHECK(ccidTimeoutsFor(0x04E6, 0x5724).read == std::chrono::milliseconds(12000));
    CHECK(ccidTimeoutsFor(0x072F, 0x2200).read == std::chrono::milliseconds(30000));
    CHECK(ccidTimeoutsFor(0x072F, 0x223E).read == std::chrono::milliseconds(3000));
    CHECK(ccidTimeoutsFor(0x1D6B, 0xCC1D).read == std::chrono::milliseconds(3000));
}
