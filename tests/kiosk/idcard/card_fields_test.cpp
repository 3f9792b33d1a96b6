// What a read hands to the form: altered data never, and a verdict that says exactly what was
// proven (genuine only after Active Authentication; an unknown issuer is not a forgery).
#include "drivers/card_reader/icao/sod.hpp"
#include "kiosk/idcard/card_holder.hpp"
#include "tests/drivers/card_reader/sim_card_fixture.hpp"

namespace {

struct CardFieldsRig {
    kiosk::sim::CardProfile profile;
    kiosk::sim::SimulatedReader sim;
    std::unique_ptr<kiosk::testing::TrustStore> trust;

    CardFieldsRig() {
        profile = kiosk::testing::loadProfile("nguyen-thi-anh-tuyet");
        auto made = kiosk::sim::makeSimulatedReader(profile);
        REQUIRE(made);
        sim = std::move(*made);
        trust = std::make_unique<kiosk::testing::TrustStore>(sim.pki, "fields");
    }
    kiosk::icao::CardData read(const std::filesystem::path& store) {
        kiosk::icao::ReadOptions options;
        options.trustStore = store;
        auto data =
            kiosk::icao::readIdCard(*sim.reader, kiosk::testing::accessKeyFor(profile), options);
        REQUIRE(data);
        return std::move(*data);
    }
};

} // namespace

TEST_CASE("an original card pre-fills the form and is called genuine", "[card][dossier]") {
    CardFieldsRig rig;
    auto outcome = kiosk::cardReadResultFrom(rig.read(rig.trust->path()));
    const auto* holder = std::get_if<kiosk::CardHolder>(&outcome);
    REQUIRE(holder);
    CHECK(holder->idNumber == rig.profile.idNumber);
    CHECK(holder->fullName == rig.profile.fullName);
    CHECK(holder->verification == kiosk::CardVerification::Genuine);
}

TEST_CASE("a cloned chip's data is the issuer's, but the verdict says the chip is not proven",
          "[card][dossier]") {
    CardFieldsRig rig;
    rig.sim.transport->card()->faults().clonedChip = true;
    auto outcome = kiosk::cardReadResultFrom(rig.read(rig.trust->path()));
    const auto* holder = std::get_if<kiosk::CardHolder>(&outcome);
    REQUIRE(holder);
    CHECK(holder->verification == kiosk::CardVerification::ChipNotProven);
}

TEST_CASE("a data group altered after signing pre-fills nothing", "[card][dossier]") {
    CardFieldsRig rig;
    rig.sim.transport->card()->faults().alterDataGroup = 13;
    kiosk::icao::CardData data = rig.read(rig.trust->path());
    // The altered DG13 still parses: the hash is what gives it away.
    CHECK(data.hasPersonalData);
    CHECK(data.passiveAuth.mismatchedGroups == std::vector<int>{13});
    auto outcome = kiosk::cardReadResultFrom(data);
    REQUIRE(std::holds_alternative<kiosk::CardReadFailure>(outcome));
    CHECK(std::get<kiosk::CardReadFailure>(outcome) == kiosk::CardReadFailure::DataAltered);
}

TEST_CASE("an unknown issuer and a forged signature are told apart", "[card][dossier]") {
    CardFieldsRig rig;
    auto otherPki = kiosk::sim::generateTestPki();
    REQUIRE(otherPki);
    kiosk::testing::TrustStore otherTrust(*otherPki, "fields-other");
    kiosk::icao::CardData unknown = rig.read(otherTrust.path());
    CHECK(kiosk::cardHolderFrom(unknown).verification == kiosk::CardVerification::UnknownIssuer);

    kiosk::icao::CardData forged = rig.read(rig.trust->path());
    kiosk::Bytes sod = forged.file(29)->bytes;
    sod[sod.size() - 5] ^= 0x01; // inside the signature value
    forged.passiveAuth = kiosk::icao::verifyPassiveAuth(sod, forged.files, rig.trust->path());
    CHECK_FALSE(forged.passiveAuth.signatureValid);
    CHECK(kiosk::icao::cardAuthenticity(forged) == kiosk::icao::CardAuthenticity::SignatureInvalid);
    CHECK(kiosk::cardHolderFrom(forged).verification == kiosk::CardVerification::SignatureInvalid);
    // And the same forged SOD with no CSCA at all is still a bad signature, not "unknown".
    forged.passiveAuth = kiosk::icao::verifyPassiveAuth(sod, forged.files, {});
    CHECK(kiosk::icao::cardAuthenticity(forged) == kiosk::icao::CardAuthenticity::SignatureInvalid);
}
