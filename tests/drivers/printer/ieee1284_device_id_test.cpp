// Parsing the IEEE 1284 device ID and choosing a profile from it.
#include "drivers/printer/ieee1284_device_id.hpp"
#include "drivers/printer/printer_profile.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

Bytes withLength(const std::string& text) {
    auto total = text.size() + 2;
    Bytes out(total);
    out[0] = static_cast<std::uint8_t>(total >> 8);
    out[1] = static_cast<std::uint8_t>(total & 0xFF);
    std::copy(text.begin(), text.end(), out.begin() + 2);
    return out;
}

} // namespace

TEST_CASE("an Epson TM-T20 device ID is parsed into its fields", "[printer]") {
    auto id = parseIeee1284DeviceId(withLength("MFG:EPSON;CMD:ESC/POS;MDL:TM-T20;CLS:PRINTER;"));
    REQUIRE(id);
    CHECK(id->manufacturer() == "EPSON");
    CHECK(id->model() == "TM-T20");
    CHECK(id->speaksEscPos());
}

TEST_CASE("long key names and spaces are accepted", "[printer]") {
    auto id = parseIeee1284DeviceId(
        withLength("MANUFACTURER: Xprinter ;MODEL:XP-58IIH;COMMAND SET:ESC/POS"));
    REQUIRE(id);
    CHECK(id->manufacturer() == "Xprinter");
    CHECK(id->model() == "XP-58IIH");
    CHECK(id->speaksEscPos());
}

TEST_CASE("a label printer speaking TSPL is not taken for ESC/POS", "[printer]") {
    auto id = parseIeee1284DeviceId(withLength("MFG:Xprinter;CMD:TSPL;MDL:XP-360B;"));
    REQUIRE(id);
    CHECK_FALSE(id->speaksEscPos());
}

TEST_CASE("short or field-less device IDs are errors", "[printer]") {
    CHECK_FALSE(parseIeee1284DeviceId(Bytes{}));
    CHECK_FALSE(parseIeee1284DeviceId(Bytes{0x00}));
    CHECK_FALSE(parseIeee1284DeviceId(Bytes{0x00, 0x01}));
    CHECK_FALSE(parseIeee1284DeviceId(withLength("no fields here")));
}

TEST_CASE("a length longer than the reply is clamped to what arrived", "[printer]") {
    Bytes reply = withLength("MFG:EPSON;MDL:TM-T82;");
    reply[1] = 0xFF;
    auto id = parseIeee1284DeviceId(reply);
    REQUIRE(id);
    CHECK(id->model() == "TM-T82");
}

TEST_CASE("the 1284 model picks a profile and unknown models keep the configured one",
          "[printer]") {
    const auto& fallback = *findPrinterProfile("generic-58");
    CHECK(profileForDevice("TM-T20II", 0x04B8, fallback).id == "epson-tm-t20");
    CHECK(profileForDevice("TM-T82III", 0x04B8, fallback).id == "epson-tm-t82");
    CHECK(profileForDevice("XP-80C", 0x1FC9, fallback).id == "xprinter-80");
    CHECK(profileForDevice("POS58", 0x0416, fallback).id == "generic-58");
    CHECK(profileForDevice("", 0x04B8, fallback).id == "generic-58");
}

TEST_CASE("profiles have the physical widths of 58 and 80 mm paper", "[printer]") {
    CHECK(findPrinterProfile("generic-58")->widthDots == 384);
    CHECK(findPrinterProfile("generic-80")->widthDots == 576);
    CHECK(findPrinterProfile("no-such-printer") == nullptr);
    for (const auto& profile : printerProfiles()) {
        CHECK(profile.bandHeight > 0);
        CHECK(profile.maxWriteSlice > 0);
        CHECK(profile.widthDots % 8 == 0);
    }
}
