// Choosing the card reader from the config: the USB reader (or "not connected"), or the simulator.
#include "drivers/card_reader/icao/id_card_reader.hpp"
#include "kiosk/idcard/card_reader_setup.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;

namespace {
std::filesystem::path cardReaderSetupProfiles() {
    return std::filesystem::path(KIOSK_SOURCE_DIR) / "content" / "cards";
}
} // namespace

TEST_CASE("auto without a USB reader is 'not connected', never the simulator", "[card]") {
    DeviceConfig devices; // cardReader = Auto
    devices.simulatedCardProfile = "pham-quang-vinh";
    int attempts = 0;
    auto noUsb = [&attempts]() -> Result<std::unique_ptr<UsbTransport>> {
        ++attempts;
        return makeError(usb_error::kNoDevice, "no reader plugged in");
    };
    std::ostringstream logs;
    Logger logger(logs);
    auto setup = CardReaderSetup::open(devices, cardReaderSetupProfiles(), noUsb, &logger);
    REQUIRE(setup);
    CHECK_FALSE(setup->simulated());
    CHECK(setup->simulatedTransport() == nullptr);
    CHECK(setup->reader().state() == ReaderState::Disconnected);
    CHECK(logs.str().find("device_not_connected") != std::string::npos);
    CHECK(logs.str().find("device_simulated") == std::string::npos);
    // A read asks for the reader again, and fails as "unplugged", with no data from anywhere.
    int before = attempts;
    icao::ReadOptions options;
    auto data = icao::readIdCard(setup->reader(), icao::AccessKey::fromCan("012044"), options);
    REQUIRE_FALSE(data);
    CHECK(icao::readFailureOf(data.error()) == icao::ReadFailure::ReaderUnplugged);
    CHECK(attempts > before);
}

TEST_CASE("the configured simulated card is used only when asked, and verifies", "[card]") {
    DeviceConfig devices;
    devices.cardReader = DeviceChoice::Simulated;
    devices.simulatedCardProfile = "pham-quang-vinh";
    std::filesystem::path trustStore;
    {
        auto setup = CardReaderSetup::open(devices, cardReaderSetupProfiles(), {});
        REQUIRE(setup);
        CHECK(setup->simulated());
        REQUIRE(setup->simulatedTransport() != nullptr);
        trustStore = setup->trustStore();
        CHECK(std::filesystem::exists(trustStore / "csca.pem"));
        icao::ReadOptions options;
        options.trustStore = setup->trustStore();
        auto data = icao::readIdCard(setup->reader(), icao::AccessKey::fromCan("012044"), options);
        REQUIRE(data);
        CHECK(data->personal.fullName == "Phạm Quang Vinh");
        CHECK(data->passiveAuth.outcome == icao::PassiveAuthOutcome::Verified);
    }
    CHECK_FALSE(std::filesystem::exists(trustStore));
}

TEST_CASE("a disabled card reader or a missing profile is an error", "[card]") {
    DeviceConfig devices;
    devices.cardReader = DeviceChoice::None;
    CHECK_FALSE(CardReaderSetup::open(devices, cardReaderSetupProfiles(), {}));
    devices.cardReader = DeviceChoice::Simulated;
    devices.simulatedCardProfile = "nobody";
    CHECK_FALSE(CardReaderSetup::open(devices, cardReaderSetupProfiles(), {}));
}
