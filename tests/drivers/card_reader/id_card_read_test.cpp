// End-to-end chip ID card reads through CCID framing on the simulated reader, and every fault.
#include "drivers/card_reader/icao/lds.hpp"
#include "drivers/card_reader/icao/sod.hpp"
#include "tests/drivers/card_reader/sim_card_fixture.hpp"

using namespace kiosk;
using namespace kiosk::icao;
using namespace kiosk::testing;

namespace {

struct Setup {
    sim::CardProfile profile;
    sim::SimulatedReader sim;
    std::unique_ptr<TrustStore> trust;
};

Setup makeSetup(const std::string& name,
                sim::SimulatedReaderModel model = sim::SimulatedReaderModel::ExtendedApdu) {
    sim::CardProfile profile = loadProfile(name);
    auto made = sim::makeSimulatedReader(profile, model);
    REQUIRE(made);
    Setup setup{profile, std::move(*made), nullptr};
    setup.trust = std::make_unique<TrustStore>(setup.sim.pki, name);
    return setup;
}

ReadOptions optionsFor(const Setup& setup) {
    ReadOptions options;
    options.trustStore = setup.trust->path();
    return options;
}

ReadFailure failureOfRead(Setup& setup, const AccessKey& key) {
    auto result = readIdCard(*setup.sim.reader, key, optionsFor(setup));
    REQUIRE_FALSE(result);
    return readFailureOf(result.error());
}

} // namespace

TEST_CASE("every simulated resident's card reads end to end and verifies", "[card]") {
    auto names = sim::listCardProfiles(cardProfileDirectory());
    REQUIRE(names.size() >= 3);
    for (const auto& name : names) {
        for (auto model :
             {sim::SimulatedReaderModel::ExtendedApdu, sim::SimulatedReaderModel::ShortApdu}) {
            INFO(name << (model == sim::SimulatedReaderModel::ShortApdu ? " short" : " extended"));
            Setup setup = makeSetup(name, model);
            ReadStats stats;
            auto data = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile),
                                   optionsFor(setup), &stats);
            REQUIRE(data);
            const auto& p = setup.profile;
            CHECK(data->access ==
                  (p.paceParameterId != 0 ? AccessProtocol::Pace : AccessProtocol::Bac));
            CHECK(data->ldsVersion == "0107");
            CHECK(data->mrz.checkDigitsValid);
            CHECK(data->mrz.documentNumber == p.idNumber.substr(3));
            CHECK(data->mrz.optionalData1.substr(0, 12) == p.idNumber);
            CHECK(data->mrz.primaryIdentifier == p.mrzSurname);
            CHECK(data->mrz.secondaryIdentifier == p.mrzGivenNames);
            REQUIRE(data->hasPersonalData);
            CHECK(data->personal.idNumber == p.idNumber);
            CHECK(data->personal.fullName == p.fullName);
            CHECK(data->personal.dateOfBirth == p.dateOfBirth);
            CHECK(data->personal.sex == p.sex);
            CHECK(data->personal.nationality == p.nationality);
            CHECK(data->personal.ethnicity == p.ethnicity);
            CHECK(data->personal.religion == p.religion);
            CHECK(data->personal.placeOfOrigin == p.placeOfOrigin);
            CHECK(data->personal.placeOfResidence == p.placeOfResidence);
            CHECK(data->personal.identifyingMarks == p.identifyingMarks);
            CHECK(data->personal.dateOfIssue == p.dateOfIssue);
            CHECK(data->personal.dateOfExpiry == p.dateOfExpiry);
            CHECK(data->personal.fatherName == p.fatherName);
            CHECK(data->personal.motherName == p.motherName);
            CHECK(data->personal.spouseName == p.spouseName);
            CHECK(data->personal.oldIdNumber == p.oldIdNumber);
            CHECK(data->passiveAuth.outcome == PassiveAuthOutcome::Verified);
            CHECK(data->passiveAuth.signatureValid);
            CHECK(data->passiveAuth.hashesMatch);
            CHECK(data->passiveAuth.chainValid);
            // DG2 is skipped by default and DG3 is EAC-protected; COM, 1, 13, 14, 15, SOD read.
            CHECK(data->listedGroups == std::vector<int>{1, 2, 3, 13, 14, 15});
            CHECK(data->file(2) == nullptr);
            CHECK(data->file(3) == nullptr);
            CHECK(data->file(14) != nullptr);
            CHECK(data->file(15) != nullptr);
            CHECK(data->file(29) != nullptr);
            CHECK(stats.apdus > 0);
            CHECK(stats.bytesReceived > data->file(13)->bytes.size());
        }
    }
}

TEST_CASE("an extended-length reader reads DG13 in one block", "[card]") {
    Setup extended = makeSetup("nguyen-thi-anh-tuyet");
    ReadStats extendedStats;
    REQUIRE(readIdCard(*extended.sim.reader, accessKeyFor(extended.profile), optionsFor(extended),
                       &extendedStats));
    Setup shortOnly = makeSetup("nguyen-thi-anh-tuyet", sim::SimulatedReaderModel::ShortApdu);
    ReadStats shortStats;
    REQUIRE(readIdCard(*shortOnly.sim.reader, accessKeyFor(shortOnly.profile),
                       optionsFor(shortOnly), &shortStats));
    CHECK(extendedStats.apdus < shortStats.apdus);
    CHECK(extendedStats.attempts == 1);
}

TEST_CASE("a card refusing extended length is read again with short blocks", "[card]") {
    Setup setup = makeSetup("ha-thi-mai");
    ReadStats stats;
    auto data =
        readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), optionsFor(setup), &stats);
    REQUIRE(data);
    CHECK(stats.attempts == 2);
    CHECK(data->personal.fullName == "Hà Thị Mai");
    CHECK(data->personal.ethnicity == "Sán Dìu");
}

TEST_CASE("no answer to an extended-length APDU is retried once in short mode, not 'removed'",
          "[card]") {
    Setup setup = makeSetup("nguyen-thi-anh-tuyet");
    setup.sim.transport->faults().muteOnExtendedApdu = true;
    ReadStats stats;
    auto data =
        readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), optionsFor(setup), &stats);
    REQUIRE(data);
    CHECK(stats.attempts == 2);
    CHECK_FALSE(data->personal.fullName.empty());
}

TEST_CASE("a card removed during an extended read is still told as removed", "[card]") {
    Setup setup = makeSetup("nguyen-thi-anh-tuyet");
    setup.sim.transport->faults().muteOnExtendedApdu = true;
    setup.sim.transport->faults().removeCardAtMessage = setup.sim.transport->messageCount() + 12;
    auto data = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), optionsFor(setup));
    REQUIRE_FALSE(data);
    CHECK(readFailureOf(data.error()) == ReadFailure::CardRemoved);
}

TEST_CASE("a DG13 the card refuses leaves DG1 and the signature: a partial read, said so",
          "[card]") {
    Setup setup = makeSetup("nguyen-thi-anh-tuyet");
    setup.sim.transport->card()->faults().selectStatus[0x010D] = 0x6F00; // "no precise diagnosis"
    auto data = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), optionsFor(setup));
    REQUIRE(data);
    CHECK_FALSE(data->hasPersonalData);
    CHECK(data->unreadGroups == std::vector<int>{13});
    CHECK_FALSE(data->mrz.documentNumber.empty());
    CHECK(data->passiveAuth.outcome == PassiveAuthOutcome::Verified);
}

TEST_CASE("the face photo is read only when asked for", "[card]") {
    Setup setup = makeSetup("tran-van-duc");
    ReadOptions options = optionsFor(setup);
    options.readFacePhoto = true;
    auto data = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), options);
    REQUIRE(data);
    REQUIRE(data->file(2) != nullptr);
    CHECK(data->passiveAuth.outcome == PassiveAuthOutcome::Verified);
}

TEST_CASE("wrong ID number or dates read as a wrong access key", "[card]") {
    Setup setup = makeSetup("tran-van-duc");
    auto key = AccessKey::forCccd("026090031593", sim::mrzDate(setup.profile.dateOfBirth),
                                  sim::mrzDate(setup.profile.dateOfExpiry));
    CHECK(failureOfRead(setup, key) == ReadFailure::WrongAccessKey);
    auto wrongDate = AccessKey::forCccd(setup.profile.idNumber, "900211",
                                        sim::mrzDate(setup.profile.dateOfExpiry));
    CHECK(failureOfRead(setup, wrongDate) == ReadFailure::WrongAccessKey);
    // The card is still usable with the right key afterwards.
    CHECK(readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), optionsFor(setup)));
}

TEST_CASE("a CAN alone opens a PACE card: a BAC-only card asks for the MRZ dates", "[card]") {
    Setup pace = makeSetup("nguyen-thi-anh-tuyet");
    auto data = readIdCard(*pace.sim.reader, AccessKey::fromCan("004817"), optionsFor(pace));
    REQUIRE(data);
    CHECK(data->access == AccessProtocol::Pace);
    CHECK(data->personal.fullName == "Nguyễn Thị Ánh Tuyết");

    Setup bacOnly = makeSetup("tran-van-duc");
    CHECK(failureOfRead(bacOnly, AccessKey::fromCan("031592")) == ReadFailure::NeedsMrzKey);
}

TEST_CASE("a wrong CAN on a PACE card reads as a wrong access key", "[card]") {
    Setup setup = makeSetup("pham-quang-vinh");
    CHECK(failureOfRead(setup, AccessKey::fromCan("012045")) == ReadFailure::WrongAccessKey);
    auto wrongId = AccessKey::forCccd("026075012045", sim::mrzDate(setup.profile.dateOfBirth),
                                      sim::mrzDate(setup.profile.dateOfExpiry));
    CHECK(failureOfRead(setup, wrongId) == ReadFailure::WrongAccessKey);
}

TEST_CASE("a PACE card whose PACE fails is not read with BAC instead (no downgrade)", "[card]") {
    Setup setup = makeSetup("nguyen-thi-anh-tuyet");
    setup.sim.transport->card()->faults().refusePace = true;
    auto data = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), optionsFor(setup));
    REQUIRE_FALSE(data);
    CHECK(data.error().message.find("not falling back to BAC") != std::string::npos);
    // Asked for explicitly (a volunteer's choice), BAC still opens it.
    ReadOptions bac = optionsFor(setup);
    bac.access = AccessPreference::BacOnly;
    auto withBac = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), bac);
    REQUIRE(withBac);
    CHECK(withBac->access == AccessProtocol::Bac);
}

TEST_CASE("BAC can be chosen on a card that offers PACE", "[card]") {
    Setup setup = makeSetup("pham-quang-vinh");
    ReadOptions options = optionsFor(setup);
    options.access = AccessPreference::BacOnly;
    auto data = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), options);
    REQUIRE(data);
    CHECK(data->access == AccessProtocol::Bac);
    options.access = AccessPreference::PaceOnly;
    Setup bacOnly = makeSetup("tran-van-duc");
    options.trustStore = bacOnly.trust->path();
    auto refused = readIdCard(*bacOnly.sim.reader, accessKeyFor(bacOnly.profile), options);
    REQUIRE_FALSE(refused);
    CHECK(readFailureOf(refused.error()) == ReadFailure::Unsupported);
}

TEST_CASE("an SOD signed under another CSCA reads with an unknown issuer", "[card]") {
    Setup setup = makeSetup("pham-quang-vinh");
    auto otherPki = sim::generateTestPki();
    REQUIRE(otherPki);
    TrustStore otherTrust(*otherPki, "other");
    ReadOptions options;
    options.trustStore = otherTrust.path();
    auto data = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), options);
    REQUIRE(data);
    CHECK(data->passiveAuth.outcome == PassiveAuthOutcome::UnknownIssuer);
    CHECK(data->passiveAuth.signatureValid);
    CHECK(data->passiveAuth.hashesMatch);

    ReadOptions noStore;
    auto unchecked = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), noStore);
    REQUIRE(unchecked);
    CHECK(unchecked->passiveAuth.outcome == PassiveAuthOutcome::UnknownIssuer);
}

TEST_CASE("a data group altered after signing fails passive authentication", "[card]") {
    Setup setup = makeSetup("pham-quang-vinh");
    auto data = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), optionsFor(setup));
    REQUIRE(data);
    auto files = data->files;
    for (auto& file : files) {
        if (file.number == 13) {
            file.bytes[file.bytes.size() - 3] ^= 0x01;
        }
    }
    auto report = verifyPassiveAuth(data->file(29)->bytes, files, setup.trust->path());
    CHECK(report.outcome == PassiveAuthOutcome::NotVerified);
    CHECK(report.signatureValid);
    CHECK_FALSE(report.hashesMatch);
    CHECK(report.mismatchedGroups == std::vector<int>{13});

    Bytes sod = data->file(29)->bytes;
    sod[sod.size() - 5] ^= 0x01; // inside the signature value
    auto forged = verifyPassiveAuth(sod, data->files, setup.trust->path());
    CHECK(forged.outcome == PassiveAuthOutcome::NotVerified);
    CHECK_FALSE(forged.signatureValid);
}

TEST_CASE("card removed mid-read asks the resident to keep the card still", "[card]") {
    Setup setup = makeSetup("nguyen-thi-anh-tuyet");
    setup.sim.transport->faults().removeCardAtMessage = 8;
    CHECK(failureOfRead(setup, accessKeyFor(setup.profile)) == ReadFailure::CardRemoved);
    CHECK(setup.sim.reader->state() == ReaderState::NoCard);
}

TEST_CASE("no card on the reader is reported as such", "[card]") {
    Setup setup = makeSetup("nguyen-thi-anh-tuyet");
    setup.sim.transport->removeCard();
    CHECK(setup.sim.reader->state() == ReaderState::NoCard);
    CHECK(failureOfRead(setup, accessKeyFor(setup.profile)) == ReadFailure::NoCard);
}

TEST_CASE("a wrong secure messaging MAC from the card is malformed", "[card]") {
    Setup setup = makeSetup("nguyen-thi-anh-tuyet");
    setup.sim.transport->card()->faults().corruptMacAtResponse = 5;
    CHECK(failureOfRead(setup, accessKeyFor(setup.profile)) == ReadFailure::Malformed);
}

TEST_CASE("a truncated reader frame is malformed", "[card]") {
    Setup setup = makeSetup("nguyen-thi-anh-tuyet");
    setup.sim.transport->faults().truncateAtMessage = 9;
    CHECK(failureOfRead(setup, accessKeyFor(setup.profile)) == ReadFailure::Malformed);
}

TEST_CASE("status word errors from the card are categorised", "[card]") {
    SECTION("DG13 missing is tolerated, DG1 missing is not") {
        Setup setup = makeSetup("tran-van-duc");
        setup.sim.transport->card()->faults().selectStatus[dataGroupFileId(13)] = 0x6A82;
        auto data = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), optionsFor(setup));
        REQUIRE(data);
        CHECK_FALSE(data->hasPersonalData);
        CHECK(data->passiveAuth.outcome == PassiveAuthOutcome::Verified);

        setup.sim.transport->card()->faults().selectStatus[dataGroupFileId(1)] = 0x6982;
        CHECK(failureOfRead(setup, accessKeyFor(setup.profile)) == ReadFailure::Malformed);
    }
    SECTION("no eMRTD application") {
        Setup setup = makeSetup("tran-van-duc");
        auto& faults = setup.sim.transport->card()->faults();
        faults.hideApplication = true;
        CHECK(failureOfRead(setup, accessKeyFor(setup.profile)) == ReadFailure::Unsupported);
    }
    SECTION("GET RESPONSE and wrong-Le answers are followed") {
        // Exercised by the APDU tests; here a mid-session card error ends the read cleanly.
        Setup setup = makeSetup("tran-van-duc");
        auto& faults = setup.sim.transport->card()->faults();
        faults.statusAtApdu = 6;
        faults.status = 0x6F00;
        CHECK(failureOfRead(setup, accessKeyFor(setup.profile)) == ReadFailure::Malformed);
    }
}

TEST_CASE("slow answers with time extensions still read", "[card]") {
    Setup setup = makeSetup("pham-quang-vinh");
    setup.sim.transport->faults().timeExtensionsPerAnswer = 3;
    auto data = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), optionsFor(setup));
    REQUIRE(data);
    CHECK(data->personal.fullName == "Phạm Quang Vinh");
}

TEST_CASE("a reader unplugged mid-read is reported as unplugged", "[card]") {
    Setup setup = makeSetup("pham-quang-vinh");
    setup.sim.transport->faults().unplugAtMessage = 10;
    CHECK(failureOfRead(setup, accessKeyFor(setup.profile)) == ReadFailure::ReaderUnplugged);
    CHECK(setup.sim.reader->state() == ReaderState::Disconnected);
}

TEST_CASE("card data is wiped on request", "[card]") {
    Setup setup = makeSetup("nguyen-thi-anh-tuyet");
    auto data = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), optionsFor(setup));
    REQUIRE(data);
    data->wipe();
    CHECK(data->personal.fullName.empty());
    CHECK(data->mrz.documentNumber.empty());
    CHECK(data->files.empty());
    CHECK_FALSE(data->hasPersonalData);
}

TEST_CASE("reader state follows slot changes from the interrupt endpoint", "[card]") {
    Setup setup = makeSetup("tran-van-duc");
    auto& reader = *setup.sim.reader;
    CHECK(reader.state() == ReaderState::CardPresent); // first answer from GetSlotStatus
    setup.sim.transport->removeCard();
    CHECK(reader.state() == ReaderState::NoCard);
    auto image = sim::personalise(setup.profile, setup.sim.pki);
    REQUIRE(image);
    setup.sim.transport->insertCard(std::make_unique<sim::SimulatedIcaoCard>(std::move(*image)));
    CHECK(reader.state() == ReaderState::CardPresent);
    CHECK(readIdCard(reader, accessKeyFor(setup.profile), optionsFor(setup)));
    setup.sim.transport->unplug();
    CHECK(reader.state() == ReaderState::Disconnected);
    CHECK(failureOfRead(setup, accessKeyFor(setup.profile)) == ReadFailure::ReaderUnplugged);
}

TEST_CASE("the read block size can be capped for cards with small buffers", "[card]") {
    Setup setup = makeSetup("tran-van-duc");
    ReadOptions options = optionsFor(setup);
    ReadStats uncapped;
    REQUIRE(readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), options, &uncapped));
    options.maxReadBlock = 64;
    ReadStats capped;
    auto data = readIdCard(*setup.sim.reader, accessKeyFor(setup.profile), options, &capped);
    REQUIRE(data);
    CHECK(capped.apdus > uncapped.apdus + 20);
    CHECK(data->passiveAuth.outcome == PassiveAuthOutcome::Verified);
}
