// The CSCA list a content pack carries: cards verify against it, and the trust list shows it.
#include "drivers/card_reader/icao/id_card_reader.hpp"
#include "drivers/card_reader/sim/simulated_reader.hpp"
#include "kiosk/idcard/card_trust_command.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <unistd.h>

using namespace kiosk;

TEST_CASE("a content pack's csca/ folder is trusted and listed with its expiry", "[card]") {
    auto dir =
        std::filesystem::temp_directory_path() / ("kiosk-trust-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "pack" / "csca");
    std::filesystem::create_directories(dir / "etc-csca");
    auto profile = sim::loadCardProfile(std::filesystem::path(KIOSK_SOURCE_DIR) / "content" /
                                        "cards" / "pham-quang-vinh.json");
    REQUIRE(profile);
    auto made = sim::makeSimulatedReader(*profile);
    REQUIRE(made);
    REQUIRE(sim::writeCscaCertificate(made->pki, dir / "pack" / "csca" / "vnm-csca.pem"));

    icao::ReadOptions options;
    options.trustStore = dir / "etc-csca"; // empty: alone, the issuer is unknown
    auto unknown = icao::readIdCard(*made->reader, icao::AccessKey::fromCan("012044"), options);
    REQUIRE(unknown);
    CHECK(unknown->passiveAuth.outcome == icao::PassiveAuthOutcome::UnknownIssuer);
    options.moreTrustStores = {dir / "pack" / "csca"};
    auto known = icao::readIdCard(*made->reader, icao::AccessKey::fromCan("012044"), options);
    REQUIRE(known);
    CHECK(known->passiveAuth.outcome == icao::PassiveAuthOutcome::Verified);

    std::ostringstream out;
    CHECK(runCardTrustList({dir / "etc-csca", dir / "pack" / "csca"}, out) == 0);
    CHECK(out.str().find("0 certificates") != std::string::npos);
    CHECK(out.str().find("1 certificate\n") != std::string::npos);
    CHECK(out.str().find("valid until 20") != std::string::npos);
    CHECK(out.str().find("vnm-csca.pem") != std::string::npos);
    std::ostringstream none;
    CHECK(runCardTrustList({dir / "etc-csca"}, none) == 1);
    std::filesystem::remove_all(dir);
}
