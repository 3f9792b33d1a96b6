// Choosing the card reader from the config: USB when present, the simulator otherwise.
#include "drivers/card_reader/icao/id_card_reader.hpp"
#include "kiosk/idcard/card_reader_setup.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {
std::filesystem::path profiles() {
    return std::filesystem::path(KIOSK_SOURCE_DIR) / "content" / "cards";
}
} // namespace

TEST_CASE("without a USB reader the configured simulated card is used and verifies", "[card]") {
    DeviceConfig devices;
    devices.simulatedCardProfile = "pham-quang-vinh";
    auto noUsb = []() -> Result<std::unique_ptr<UsbTransport>> {
        return makeError(usb_error::kNoDevice, "no reader plugged in");
    };
    std::filesystem::path trustStore;
    {
        auto setup = CardReaderSetup::open(devices, profiles(), noUsb);
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
    CHECK_FALSE(CardReaderSetup::open(devices, profiles(), {}));
    devices.cardReader = DeviceChoice::Simulated;
    devices.simulatedCardProfile = "nobody";
    CHECK_FALSE(CardReaderSetup::open(devices, profiles(), {}));
}
