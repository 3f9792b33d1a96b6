// The kiosk's card key on the simulated reader: a BAC-only card asks for the dates, then opens.
#include "kiosk/idcard/card_access.hpp"
#include "kiosk/idcard/card_reader_setup.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

std::filesystem::path profiles() {
    return std::filesystem::path(KIOSK_SOURCE_DIR) / "content" / "cards";
}

Result<std::unique_ptr<UsbTransport>> noUsb() {
    return makeError(usb_error::kNoDevice, "no reader plugged in");
}

} // namespace

TEST_CASE("the ID number alone opens a PACE card", "[card]") {
    DeviceConfig devices;
    devices.cardReader = DeviceChoice::Simulated;
    devices.simulatedCardProfile = "nguyen-thi-anh-tuyet";
    auto setup = CardReaderSetup::open(devices, profiles(), noUsb);
    REQUIRE(setup);
    icao::ReadOptions options;
    options.trustStore = setup->trustStore();
    auto data = icao::readIdCard(setup->reader(), cardAccessKey("026168004817", "", ""), options);
    REQUIRE(data);
    CHECK(data->access == icao::AccessProtocol::Pace);
}

TEST_CASE("a BAC-only card asks for the dates, then opens with them", "[card]") {
    DeviceConfig devices;
    devices.cardReader = DeviceChoice::Simulated;
    devices.simulatedCardProfile = "tran-van-duc"; // offers no PACE
    auto setup = CardReaderSetup::open(devices, profiles(), noUsb);
    REQUIRE(setup);
    icao::ReadOptions options;
    options.trustStore = setup->trustStore();

    auto numberOnly =
        icao::readIdCard(setup->reader(), cardAccessKey("026090031592", "", ""), options);
    REQUIRE_FALSE(numberOnly);
    CHECK(icao::readFailureOf(numberOnly.error()) == icao::ReadFailure::NeedsMrzKey);

    // A wrong birth date does not open it, and says so as a wrong key.
    auto wrongDate = icao::readIdCard(setup->reader(),
                                      cardAccessKey("026090031592", "901103", "301102"), options);
    REQUIRE_FALSE(wrongDate);
    CHECK(icao::readFailureOf(wrongDate.error()) == icao::ReadFailure::WrongAccessKey);

    // Born 02/11/1990, card valid until 02/11/2030 (the profile's dates, as the flow sends them).
    auto withDates = icao::readIdCard(setup->reader(),
                                      cardAccessKey("026090031592", "901102", "301102"), options);
    REQUIRE(withDates);
    CHECK(withDates->access == icao::AccessProtocol::Bac);
    CHECK(withDates->personal.fullName == "Trần Văn Đức");
}
