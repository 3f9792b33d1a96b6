// A dossier the kiosk could not store: the resident keeps a way forward (phone hand-off, a
// volunteer's retry) with the answers in memory only until the session ends (issue 19.2).
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/dossier/synthetic_answers.hpp"
#include "tests/kiosk/flow/flow_journey.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

// Fills in the birth registration by typing and submits it; the flow then waits on Submitting.
void fillAndSubmit(testing::FlowJourney& j, const FieldValues& answers) {
    j.tap(intent::Open{Screen::ProcedureCategories});
    j.tap(intent::ChooseProcedure{"1.001193"});
    j.tap(intent::Next{});
    j.tap(intent::ChooseChannel{SubmitChannel::Kiosk});
    j.tap(intent::ChooseIdentity{IdentitySource::Typed});
    const Procedure& procedure = *j.catalog.findProcedure("1.001193");
    for (std::size_t g = 0; g < procedure.groups.size(); ++g) {
        for (const Field& field : procedure.groups[g].fields) {
            j.tap(intent::EditField{field.id});
            if (field.type == FieldType::Select) {
                j.tap(intent::PickItem{answers.at(field.id)});
            } else if (field.type == FieldType::Date) {
                auto date = parseDate(answers.at(field.id));
                j.typeText(std::to_string(date->year));
                j.tap(intent::EditDone{});
                j.tap(intent::PickDatePart{date->month});
                j.tap(intent::PickDatePart{date->day});
            } else {
                j.typeText(answers.at(field.id));
                j.tap(intent::EditDone{});
            }
        }
        j.tap(intent::Next{});
    }
    j.tap(intent::Next{}); // documents
    j.tap(intent::Next{}); // review
    REQUIRE(j.flow.state().screen == Screen::Consent);
    j.tap(intent::SetConsent{true});
    j.tap(intent::Submit{});
    REQUIRE(j.flow.state().screen == Screen::Submitting);
    j.flow.takeEffects();
}

} // namespace

TEST_CASE("a dossier that could not be stored keeps its answers in memory for a retry, and the "
          "session's end wipes them",
          "[flow][dossier][storage]") {
    testing::FlowJourney j;
    const Procedure& procedure = *j.catalog.findProcedure("1.001193");
    FieldValues answers = testing::syntheticAnswers(procedure, j.catalog, CivilDate{2026, 11, 25});
    fillAndSubmit(j, answers);

    SubmissionOutcome failed;
    failed.state = SubmissionState::Failed;
    failed.failureReason = "outbox.full";
    j.flow.submissionFinished(failed);
    REQUIRE(j.flow.state().screen == Screen::Result);
    CHECK(j.flow.takeEffects().empty()); // no receipt for a dossier that was not stored
    CHECK(j.flow.state().dossier.values == answers);

    SECTION("the phone hand-off is offered and Back returns to the result") {
        j.tap(intent::Open{Screen::PhoneHandOff});
        CHECK(j.flow.state().screen == Screen::PhoneHandOff);
        j.tap(intent::Back{});
        CHECK(j.flow.state().screen == Screen::Result);
        CHECK(j.flow.state().dossier.values == answers);
    }
    SECTION("a retry submits the same answers again once the fault is cleared") {
        j.tap(intent::Submit{});
        REQUIRE(j.flow.state().screen == Screen::Submitting);
        auto effects = j.flow.takeEffects();
        REQUIRE(effects.size() == 1);
        CHECK(std::holds_alternative<effect::SubmitDossier>(effects[0]));
        CHECK(j.flow.state().dossier.values == answers);
        SubmissionOutcome accepted;
        accepted.state = SubmissionState::Queued;
        accepted.localReference = "VT-20261125-0002";
        j.flow.submissionFinished(accepted);
        CHECK(j.flow.state().screen == Screen::Result);
        j.tap(intent::Submit{}); // a stored dossier is never submitted twice
        CHECK(j.flow.state().screen == Screen::Result);
    }
    j.tap(intent::Finish{});
    CHECK(j.flow.state().screen == Screen::Home);
    CHECK(j.flow.state().dossier.values.empty());
}
