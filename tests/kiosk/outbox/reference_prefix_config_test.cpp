// Tests of the [gateway] reference_prefix configuration key.
#include "kiosk/config/config.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("the offline reference prefix defaults to VT and accepts short capitals", "[outbox]") {
    CHECK(Config{}.gateway.referencePrefix == "VT");
    auto config = parseConfig("[gateway]\nreference_prefix = TT\n", "kiosk.ini");
    REQUIRE(config.ok());
    CHECK(config->gateway.referencePrefix == "TT");
}

TEST_CASE("a reference prefix that would garble receipts is refused", "[outbox]") {
    for (const char* value : {"vt", "VINHTUONG", "V-T", "VT1"}) {
        INFO(value);
        auto config =
            parseConfig(std::string("[gateway]\nreference_prefix = ") + value + "\n", "kiosk.ini");
        REQUIRE_FALSE(config.ok());
        CHECK_THAT(config.error().message, Catch::Contains("reference_prefix"));
    }
}
