// Scripted resident journeys through every shipped procedure, tap by tap, at the flow level.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/dossier/synthetic_answers.hpp"
#include "tests/kiosk/flow/flow_journey.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct Journey : testing::FlowJourney {
    void answer(const Field& field, const std::string& value) {
        tap(intent::EditField{field.id});
        REQUIRE(flow.state().screen == Screen::FieldEditor);
        if (field.type == FieldType::Select) {
            tap(intent::PickItem{value});
        } else if (field.type == FieldType::Date) {
            auto date = parseDate(value);
            REQUIRE(date);
            typeText(std::to_string(date->year));
            tap(intent::EditDone{});
            tap(intent::PickDatePart{date->month});
            tap(intent::PickDatePart{date->day});
        } else {
            typeText(value);
            tap(intent::EditDone{});
        }
        INFO("field " << field.id << " = " << value);
        REQUIRE(flow.state().screen == Screen::FormGroup);
        CHECK(flow.state().dossier.values.at(field.id) == value);
    }

    // Kiosk channel, identity from the card: the ID number that opens the chip is typed and
    // the read starts.
    void startWithCard(const std::string& procedureCode) {
        tap(intent::ChooseProcedure{procedureCode});
        tap(intent::Next{});
        tap(intent::ChooseChannel{SubmitChannel::Kiosk});
        tap(intent::ChooseIdentity{IdentitySource::Card});
        REQUIRE(flow.state().screen == Screen::FieldEditor);
        typeText("026190001234");
        tap(intent::EditDone{});
    }
};

CardHolder readMotherCard() {
    CardHolder card;
    card.fullName = "Nguyễn Thị Ánh Tuyết";
    card.idNumber = "026190001234";
    card.dateOfBirth = CivilDate{1990, 1, 5};
    card.sex = Sex::Female;
    return card;
}

} // namespace

TEST_CASE("a resident can fill in and submit every shipped procedure by typing",
          "[flow][dossier]") {
    Journey probe;
    REQUIRE(probe.catalog.procedures.size() >= 8);
    for (const Procedure& listed : probe.catalog.procedures) {
        Journey j;
        const Procedure& procedure = *j.catalog.findProcedure(listed.code);
        INFO("procedure " << procedure.code);
        FieldValues answers =
            testing::syntheticAnswers(procedure, j.catalog, CivilDate{2026, 11, 25});

        j.tap(intent::Open{Screen::ProcedureCategories});
        j.tap(intent::ChooseCategory{procedure.category});
        CHECK(j.flow.state().screen == Screen::ProcedureList);
        j.tap(intent::ChooseProcedure{procedure.code});
        CHECK(j.flow.state().screen == Screen::ProcedureInfo);
        j.tap(intent::Next{});
        CHECK(j.flow.state().screen == Screen::SubmitChannel);
        j.tap(intent::ChooseChannel{SubmitChannel::Kiosk});
        CHECK(j.flow.state().screen == Screen::Identity);
        j.tap(intent::ChooseIdentity{IdentitySource::Typed});
        REQUIRE(j.flow.state().screen == Screen::FormGroup);

        for (std::size_t g = 0; g < procedure.groups.size(); ++g) {
            REQUIRE(j.flow.state().dossier.groupIndex == g);
            for (const Field& field : procedure.groups[g].fields) {
                j.answer(field, answers.at(field.id));
            }
            j.tap(intent::Next{});
            INFO("group " << g);
            REQUIRE(j.flow.state().dossier.problems.empty());
        }
        REQUIRE(j.flow.state().screen == Screen::Documents);
        j.tap(intent::Next{});
        REQUIRE(j.flow.state().screen == Screen::Review);
        j.tap(intent::Next{});
        REQUIRE(j.flow.state().screen == Screen::Consent);
        j.tap(intent::Submit{}); // no consent yet: nothing happens
        CHECK(j.flow.state().screen == Screen::Consent);
        j.tap(intent::SetConsent{true});
        j.tap(intent::Submit{});
        REQUIRE(j.flow.state().screen == Screen::Submitting);
        auto effects = j.flow.takeEffects();
        REQUIRE(effects.size() == 1);
        CHECK(std::holds_alternative<effect::SubmitDossier>(effects[0]));
        CHECK(j.flow.state().dossier.values == answers);

        SubmissionOutcome outcome;
        outcome.state = SubmissionState::Accepted;
        outcome.localReference = "VT-20261125-0001";
        j.flow.submissionFinished(outcome);
        CHECK(j.flow.state().screen == Screen::Result);
        effects = j.flow.takeEffects();
        REQUIRE(effects.size() == 1);
        CHECK(std::holds_alternative<effect::PrintReceipt>(effects[0]));
        j.tap(intent::Back{}); // a submitted dossier cannot be re-opened
        CHECK(j.flow.state().screen == Screen::Result);
        j.tap(intent::Rate{3});
        j.tap(intent::Finish{});
        CHECK(j.flow.state().screen == Screen::Home);
        CHECK(j.flow.state().dossier.values.empty());
    }
}

TEST_CASE("Next on a form group with a missing answer stays and names the field",
          "[flow][dossier]") {
    Journey j;
    j.tap(intent::Open{Screen::ProcedureCategories});
    j.tap(intent::ChooseProcedure{"1.001193"});
    j.tap(intent::Next{});
    j.tap(intent::ChooseChannel{SubmitChannel::Kiosk});
    j.tap(intent::ChooseIdentity{IdentitySource::Typed});
    j.tap(intent::Next{});
    CHECK(j.flow.state().screen == Screen::FormGroup);
    CHECK(j.flow.state().dossier.groupIndex == 0);
    REQUIRE_FALSE(j.flow.state().dossier.problems.empty());
    CHECK(j.flow.state().dossier.problems.front().messageId == "required");
}

TEST_CASE("a wrong ID number is refused in the editor with a Vietnamese reason",
          "[flow][dossier]") {
    Journey j;
    const Procedure* procedure = j.catalog.findProcedure("1.004222");
    REQUIRE(procedure);
    const Field* idField = nullptr;
    for (const FieldGroup& group : procedure->groups) {
        for (const Field& field : group.fields) {
            if (field.type == FieldType::IdNumber && idField == nullptr) {
                idField = &field;
            }
        }
    }
    REQUIRE(idField);
    j.tap(intent::ChooseProcedure{"1.004222"});
    j.tap(intent::Next{});
    j.tap(intent::ChooseChannel{SubmitChannel::Kiosk});
    j.tap(intent::ChooseIdentity{IdentitySource::Typed});
    j.tap(intent::EditField{idField->id});
    j.typeText("999012345678"); // 999 is no province code
    j.tap(intent::EditDone{});
    CHECK(j.flow.state().screen == Screen::FieldEditor);
    REQUIRE(j.flow.state().dossier.edit->problem);
    CHECK(j.flow.state().dossier.edit->problem->messageId == "id_number.province");
    CHECK(j.flow.state().dossier.edit->problem->text.vi.find("mã tỉnh") != std::string::npos);
    j.tap(intent::EditCancel{});
    CHECK(j.flow.state().screen == Screen::FormGroup);
    CHECK(j.flow.state().dossier.values.count(idField->id) == 0);
}

TEST_CASE("the card path asks for the ID number, then fills the form from the card",
          "[flow][dossier]") {
    Journey j;
    j.startWithCard("1.004194");
    REQUIRE(j.flow.state().screen == Screen::CardRead);
    auto effects = j.flow.takeEffects();
    REQUIRE(effects.size() == 1);
    REQUIRE(std::holds_alternative<effect::ReadCard>(effects[0]));
    CHECK(std::get<effect::ReadCard>(effects[0]).idNumber == "026190001234");

    j.flow.cardReadFailed(CardReadFailure::CardRemoved);
    CHECK(j.flow.state().dossier.cardStep == CardStep::Failed);
    j.tap(intent::Next{}); // try again
    CHECK(j.flow.state().dossier.cardStep == CardStep::Reading);
    CHECK(j.flow.takeEffects().size() == 1);

    j.flow.cardRead(readMotherCard());
    CHECK(j.flow.state().dossier.cardStep == CardStep::Read);
    j.tap(intent::Next{});
    REQUIRE(j.flow.state().screen == Screen::FormGroup);
    bool filledName = false;
    for (const auto& [field, value] : j.flow.state().dossier.values) {
        if (value == "Nguyễn Thị Ánh Tuyết") {
            filledName = true;
            CHECK(j.flow.state().dossier.prefilled.count(field) == 1);
        }
    }
    CHECK(filledName);
}

TEST_CASE("a mother who registers her child's birth with her card does not type herself again",
          "[flow][dossier][prefill]") {
    Journey j;
    j.startWithCard("1.001193");
    j.flow.cardRead(readMotherCard());
    j.tap(intent::Next{});
    REQUIRE(j.flow.state().screen == Screen::FormGroup);
    const DossierDraft& dossier = j.flow.state().dossier;
    CHECK(dossier.values.count("mother_full_name") == 0); // who she is is not known yet

    j.tap(intent::EditField{"relationship"});
    j.tap(intent::PickItem{"mother"});
    CHECK(dossier.values.at("mother_full_name") == "Nguyễn Thị Ánh Tuyết");
    CHECK(dossier.values.at("mother_birth_year") == "1990");
    CHECK(dossier.prefilled.count("mother_id_number") == 1);

    j.tap(intent::EditField{"relationship"});
    j.tap(intent::PickItem{"father"}); // not so: the card holder is a woman, but a tap is a tap
    CHECK(dossier.values.count("mother_full_name") == 0);
    CHECK(dossier.values.at("father_full_name") == "Nguyễn Thị Ánh Tuyết");
}

TEST_CASE("ending the session wipes every answer, the card data and the editor",
          "[flow][dossier]") {
    Journey j;
    j.tap(intent::ChooseProcedure{"1.004194"});
    j.tap(intent::Next{});
    j.tap(intent::ChooseChannel{SubmitChannel::Kiosk});
    j.tap(intent::ChooseIdentity{IdentitySource::Card});
    j.typeText("026190001234");
    j.tap(intent::StartOver{});
    CHECK(j.flow.state().dossier.cardAccessNumber.empty());
    CHECK_FALSE(j.flow.state().dossier.edit);
    CHECK(j.flow.state().dossier.procedureCode.empty());
    CHECK(j.flow.takeEffects().empty());
}

TEST_CASE("the date editor goes year, month, day and Back steps back through them",
          "[flow][dossier]") {
    Journey j;
    const Procedure* procedure = j.catalog.findProcedure("1.001193");
    const Field* dateField = nullptr;
    for (const FieldGroup& group : procedure->groups) {
        for (const Field& field : group.fields) {
            if (field.type == FieldType::Date && dateField == nullptr) {
                dateField = &field;
            }
        }
    }
    REQUIRE(dateField);
    j.tap(intent::ChooseProcedure{"1.001193"});
    j.tap(intent::Next{});
    j.tap(intent::ChooseChannel{SubmitChannel::Kiosk});
    j.tap(intent::ChooseIdentity{IdentitySource::Typed});
    j.tap(intent::EditField{dateField->id});
    j.typeText("1850");
    j.tap(intent::EditDone{});
    CHECK(j.flow.state().dossier.edit->problem); // not a plausible year
    input::KeyDef backspace;
    backspace.action = input::KeyAction::Backspace;
    for (int i = 0; i < 4; ++i) {
        j.tap(intent::PressKey{backspace});
    }
    j.typeText("2026");
    j.tap(intent::EditDone{});
    CHECK(j.flow.state().dossier.edit->date.stage == DatePick::Stage::Month);
    j.tap(intent::PickDatePart{11});
    CHECK(j.flow.state().dossier.edit->date.stage == DatePick::Stage::Day);
    j.tap(intent::Back{});
    CHECK(j.flow.state().dossier.edit->date.stage == DatePick::Stage::Month);
    j.tap(intent::PickDatePart{11});
    j.tap(intent::PickDatePart{20});
    CHECK(j.flow.state().screen == Screen::FormGroup);
    CHECK(j.flow.state().dossier.values.at(dateField->id) == "20/11/2026");
}

TEST_CASE("a lookup asks the gateway and shows the answer", "[flow][lookup]") {
    Journey j;
    j.tap(intent::Open{Screen::Lookup});
    j.tap(intent::EditField{kLookupCodeField});
    j.typeText("000.00.01.h22-261125-0007");
    j.tap(intent::EditDone{});
    CHECK(j.flow.state().screen == Screen::Lookup);
    CHECK(j.flow.state().lookup.code == "000.00.01.H22-261125-0007");
    j.tap(intent::LookupSubmit{});
    CHECK(j.flow.state().screen == Screen::LookupResult);
    auto effects = j.flow.takeEffects();
    REQUIRE(effects.size() == 1);
    CHECK(std::get<effect::LookupDossier>(effects[0]).code == "000.00.01.H22-261125-0007");
    LookupState answer;
    answer.found = true;
    answer.statusCode = "processing";
    j.flow.lookupFinished(answer);
    CHECK(j.flow.state().lookup.found);
    CHECK_FALSE(j.flow.state().lookup.searching);
    CHECK(j.flow.state().lookup.code == "000.00.01.H22-261125-0007");
}
