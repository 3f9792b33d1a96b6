// A submission waits for the gateway without holding the devices: a card read asked for while
// the dossier waits is answered first, and the delivery arrives as an event with the code.
#include "kiosk/app/kiosk_services.hpp"
#include "kiosk/app/scripted_resident.hpp"
#include "tests/kiosk/runtime/runtime_rig.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const Procedure& birthRegistration(KioskRuntime& runtime) {
    const Procedure* procedure = runtime.catalog()->findProcedure("1.001193");
    REQUIRE(procedure != nullptr);
    return *procedure;
}

// The scripted resident fills in a birth registration from the home screen and sends it.
void submitBirthRegistration(testing::RuntimeRig& rig) {
    const Procedure& birth = birthRegistration(*rig.runtime);
    ScriptedResident resident(rig.flow(), std::chrono::steady_clock::now(),
                              [&rig] { rig.runtime->update(std::chrono::steady_clock::now()); });
    resident.startProcedure(birth);
    FieldValues answers = syntheticAnswers(birth, *rig.runtime->catalog(), {2026, 11, 25});
    for (int guard = 0; rig.state().screen == Screen::FormGroup && guard < 12; ++guard) {
        resident.fillCurrentGroup(birth, answers);
        resident.tap(intent::Next{});
    }
    REQUIRE(rig.state().screen == Screen::Documents);
    resident.tap(intent::Next{});
    resident.tap(intent::Next{});
    resident.tap(intent::SetConsent{true});
    resident.tap(intent::Submit{});
}

} // namespace

TEST_CASE("a card read is answered while a submission still waits for the gateway",
          "[runtime][submission]") {
    testing::RuntimeRig rig;
    rig.gateway.stopServer(); // the dossier waits the whole delivery wait, then counts as queued
    auto catalog = loadProcedureCatalog(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
    REQUIRE(catalog.ok());
    const Procedure& birth = *catalog->findProcedure("1.001193");
    ServiceQueue events;
    KioskServices services(rig.config, rig.logger, true, events);
    services.submit(effect::SubmitDossier{birth, syntheticAnswers(birth, *catalog, {2026, 11, 25}),
                                          Language::Vietnamese});
    services.readCard("026168004817"); // the simulated card
    std::vector<std::string> order;
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (order.size() < 2 && std::chrono::steady_clock::now() < deadline) {
        for (ServiceEvent& event : events.take()) {
            if (auto* read = std::get_if<service::CardReadDone>(&event)) {
                CHECK_FALSE(read->failure());
                order.push_back("card");
            } else if (auto* done = std::get_if<service::SubmitDone>(&event)) {
                CHECK(done->outcome.state == SubmissionState::Queued);
                order.push_back("submission");
            }
        }
        std::this_thread::sleep_for(5ms);
    }
    REQUIRE(order.size() == 2);
    CHECK(order[0] == "card");
    CHECK(order[1] == "submission");
}

TEST_CASE("a resident's dossier is accepted through the runtime with the gateway's code",
          "[runtime][submission]") {
    testing::RuntimeRig rig;
    rig.start();
    submitBirthRegistration(rig);
    REQUIRE(rig.runUntil([&] { return rig.state().screen == Screen::Result; }));
    const SubmissionOutcome& outcome = rig.state().dossier.outcome;
    CHECK(outcome.state == SubmissionState::Accepted);
    CHECK_FALSE(outcome.dossierCode.empty());
    // The receipt follows on its own, for the reference the submission was committed under.
    CHECK(rig.runUntil([&] { return rig.state().dossier.outcome.receiptPrinted; }));
    REQUIRE(rig.gateway.received().size() == 1);
}

TEST_CASE("a dossier the commune's system refuses is told as refused and kept, not promised a "
          "resend",
          "[runtime][submission]") {
    testing::RuntimeRig rig;
    // A secret the gateway does not know: every delivery is refused (401) for good.
    std::ofstream(rig.config.gateway.credentialFile, std::ios::trunc)
        << "not-the-gateways-secret-0123456789\n";
    rig.start();
    submitBirthRegistration(rig);
    REQUIRE(rig.runUntil([&] { return rig.state().screen == Screen::Result; }));
    const SubmissionOutcome& outcome = rig.state().dossier.outcome;
    CHECK(outcome.state == SubmissionState::Queued);
    CHECK(outcome.refused);
    CHECK_FALSE(outcome.localReference.empty());
    CHECK(outcome.dossierCode.empty());
    CHECK(rig.gateway.received().empty());
    CHECK_THAT(rig.logs.str(), Catch::Contains("outbox_needs_attention"));
}
