// The CSCA list a content pack carries: cards verify against it, and the trust list shows it.
#include "drivers/card_reader/icao/id_card_reader.hpp"
#include "drivers/card_reader/icao/sod.hpp"
#include "drivers/card_reader/sim/simulated_reader.hpp"
#include "drivers/card_reader/sim/test_pki.hpp"
#include "kiosk/idcard/card_holder.hpp"
#include "kiosk/idcard/card_trust_command.hpp"

#include <catch2/catch.hpp>
#include <fstream>
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

TEST_CASE("a CSCA's revocation list in the pack revokes its document signer, a forged one does not",
          "[card]") {
    auto dir = std::filesystem::temp_directory_path() / ("kiosk-crl-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "csca");
    auto profile = sim::loadCardProfile(std::filesystem::path(KIOSK_SOURCE_DIR) / "content" /
                                        "cards" / "pham-quang-vinh.json");
    REQUIRE(profile);
    auto made = sim::makeSimulatedReader(*profile);
    REQUIRE(made);
    REQUIRE(sim::writeCscaCertificate(made->pki, dir / "csca" / "vnm-csca.pem"));
    icao::ReadOptions options;
    options.moreTrustStores = {dir / "csca"};
    auto read = [&] {
        return icao::readIdCard(*made->reader, icao::AccessKey::fromCan("012044"), options);
    };

    SECTION("a list that names nobody changes nothing") {
        REQUIRE(sim::writeRevocationList(made->pki, dir / "csca" / "vnm.crl",
                                         sim::RevocationListKind::RevokesNothing));
        auto card = read();
        REQUIRE(card);
        CHECK(card->passiveAuth.outcome == icao::PassiveAuthOutcome::Verified);
    }
    SECTION("a list that names the signer: the card says so, in every layer") {
        REQUIRE(sim::writeRevocationList(made->pki, dir / "csca" / "vnm.crl",
                                         sim::RevocationListKind::RevokesSigner));
        auto card = read();
        REQUIRE(card);
        CHECK(card->passiveAuth.outcome == icao::PassiveAuthOutcome::SignerRevoked);
        CHECK(icao::cardAuthenticity(*card) == icao::CardAuthenticity::SignerRevoked);
        CHECK(icao::cardAuthenticityName(icao::cardAuthenticity(*card)) == "signer_revoked");
        CHECK(cardHolderFrom(*card).verification == CardVerification::SignerRevoked);
        std::ostringstream out;
        CHECK(runCardTrustList({dir / "csca"}, out) == 0);
        CHECK(out.str().find("revocation list of") != std::string::npos);
        CHECK(out.str().find("1 revoked") != std::string::npos);
        CHECK(out.str().find("[vnm.crl]") != std::string::npos);
    }
    SECTION("a list signed by another key is ignored: it cannot revoke") {
        REQUIRE(sim::writeRevocationList(made->pki, dir / "csca" / "vnm.crl",
                                         sim::RevocationListKind::ForgedRevokesSigner));
        auto card = read();
        REQUIRE(card);
        CHECK(card->passiveAuth.outcome == icao::PassiveAuthOutcome::Verified);
    }
    SECTION("certificate and list in one PEM file are both read") {
        REQUIRE(sim::writeRevocationList(made->pki, dir / "vnm.crl",
                                         sim::RevocationListKind::RevokesSigner));
        std::ifstream crl(dir / "vnm.crl");
        std::ofstream bundle(dir / "csca" / "vnm-csca.pem", std::ios::app);
        bundle << crl.rdbuf();
        bundle.close();
        auto card = read();
        REQUIRE(card);
        CHECK(card->passiveAuth.outcome == icao::PassiveAuthOutcome::SignerRevoked);
        CHECK(icao::listTrustAnchors(dir / "csca").size() == 1);
        CHECK(icao::listRevocationLists(dir / "csca").size() == 1);
    }
    std::filesystem::remove_all(dir);
}
