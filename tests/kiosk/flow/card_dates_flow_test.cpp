// The BAC fallback at the flow level: a card that needs the two dates, and the rating scale.
#include "tests/kiosk/flow/flow_journey.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct CardJourney : testing::FlowJourney {
    // From the identity choice to the first read with the ID number typed.
    void readWithNumber() {
        tap(intent::ChooseProcedure{"1.004194"});
        tap(intent::Next{});
        tap(intent::ChooseChannel{SubmitChannel::Kiosk});
        tap(intent::ChooseIdentity{IdentitySource::Card});
        typeText("026090031592");
        tap(intent::EditDone{});
        REQUIRE(flow.state().screen == Screen::CardRead);
        auto effects = flow.takeEffects();
        REQUIRE(effects.size() == 1);
        const auto& read = std::get<effect::ReadCard>(effects[0]);
        CHECK(read.dateOfBirth.empty()); // PACE with the CAN first
        CHECK(read.dateOfExpiry.empty());
    }

    void enterDate(const char* fieldId, int year, int month, int day) {
        tap(intent::EditField{fieldId});
        REQUIRE(flow.state().screen == Screen::FieldEditor);
        typeText(std::to_string(year));
        tap(intent::EditDone{});
        tap(intent::PickDatePart{month});
        tap(intent::PickDatePart{day});
        REQUIRE(flow.state().screen == Screen::CardDates);
    }
};

} // namespace

TEST_CASE("a card without PACE asks for the two dates instead of failing", "[flow][card]") {
    CardJourney j;
    j.readWithNumber();
    j.flow.cardReadFailed(CardReadFailure::NeedsDates);
    CHECK(j.flow.state().screen == Screen::CardDates);
    CHECK(j.flow.state().dossier.cardStep == CardStep::Idle); // not counted as a failed read
    CHECK(j.logs.str().find("id_card_needs_dates") != std::string::npos);
    // Back leaves for the identity choice, not for a failed reading screen.
    j.tap(intent::Back{});
    CHECK(j.flow.state().screen == Screen::Identity);
}

TEST_CASE("the two dates go on the date pads, then the card is read again with BAC",
          "[flow][card]") {
    CardJourney j;
    j.readWithNumber();
    j.flow.cardReadFailed(CardReadFailure::NeedsDates);
    j.tap(intent::Next{});
    CHECK(j.flow.takeEffects().empty()); // nothing to read with yet
    j.enterDate(kCardBirthField, 1990, 11, 2);
    CHECK(j.flow.state().dossier.cardBirthDate == "02/11/1990");
    j.enterDate(kCardExpiryField, 2030, 11, 2); // expiry years lie ahead
    CHECK(j.flow.state().dossier.cardExpiryDate == "02/11/2030");
    j.tap(intent::Next{});
    REQUIRE(j.flow.state().screen == Screen::CardRead);
    auto effects = j.flow.takeEffects();
    REQUIRE(effects.size() == 1);
    const auto& read = std::get<effect::ReadCard>(effects[0]);
    CHECK(read.idNumber == "026090031592");
    CHECK(read.dateOfBirth == "901102");
    CHECK(read.dateOfExpiry == "301102");

    CardHolder card;
    card.fullName = "Trần Văn Đức";
    j.flow.cardRead(std::move(card));
    CHECK(j.flow.state().dossier.cardStep == CardStep::Read);
    j.tap(intent::Next{});
    CHECK(j.flow.state().screen == Screen::FormGroup);
}

TEST_CASE("dates that do not open the card bring the resident back to them with the reason",
          "[flow][card]") {
    CardJourney j;
    j.readWithNumber();
    j.flow.cardReadFailed(CardReadFailure::NeedsDates);
    j.enterDate(kCardBirthField, 1990, 11, 3);
    j.enterDate(kCardExpiryField, 2030, 11, 2);
    j.tap(intent::Next{});
    j.flow.takeEffects();
    j.flow.cardReadFailed(CardReadFailure::WrongAccessKey);
    REQUIRE(j.flow.state().screen == Screen::CardDates);
    CHECK(j.flow.state().dossier.cardStep == CardStep::Failed);
    CHECK(j.flow.state().dossier.cardFailure == CardReadFailure::WrongAccessKey);
    // Fixing a date clears the message; reading again uses the new date.
    j.enterDate(kCardBirthField, 1990, 11, 2);
    CHECK_FALSE(j.flow.state().dossier.cardFailure);
    j.tap(intent::Next{});
    auto effects = j.flow.takeEffects();
    REQUIRE(effects.size() == 1);
    CHECK(std::get<effect::ReadCard>(effects[0]).dateOfBirth == "901102");
}

TEST_CASE("a birth date in the future is refused on the day pad", "[flow][card]") {
    CardJourney j;
    j.readWithNumber();
    j.flow.cardReadFailed(CardReadFailure::NeedsDates);
    j.tap(intent::EditField{kCardBirthField});
    j.typeText("2026");
    j.tap(intent::EditDone{});
    j.tap(intent::PickDatePart{12});
    j.tap(intent::PickDatePart{30});
    CHECK(j.flow.state().screen == Screen::FieldEditor);
    CHECK(j.flow.state().dossier.edit->problem);
    CHECK(j.flow.state().dossier.cardBirthDate.empty());
}

TEST_CASE("the resident may type the details instead of giving the dates", "[flow][card]") {
    CardJourney j;
    j.readWithNumber();
    j.flow.cardReadFailed(CardReadFailure::NeedsDates);
    j.tap(intent::ChooseIdentity{IdentitySource::Typed});
    CHECK(j.flow.state().screen == Screen::FormGroup);
}

TEST_CASE("the card dates are wiped with the session and never logged", "[flow][card]") {
    CardJourney j;
    j.readWithNumber();
    j.flow.cardReadFailed(CardReadFailure::NeedsDates);
    j.enterDate(kCardBirthField, 1990, 11, 2);
    j.enterDate(kCardExpiryField, 2030, 11, 2);
    CHECK(j.logs.str().find("1990") == std::string::npos);
    CHECK(j.logs.str().find("02/11") == std::string::npos);
    j.tap(intent::StartOver{});
    CHECK(j.flow.state().dossier.cardBirthDate.empty());
    CHECK(j.flow.state().dossier.cardExpiryDate.empty());
}

TEST_CASE("a rating is kept only when it is on the configured scale", "[flow][rating]") {
    for (int scale : {3, 5}) {
        CardJourney j;
        j.config.usage.ratingScale = scale;
        INFO("scale " << scale);
        j.tap(intent::Rate{scale});
        REQUIRE(j.flow.state().dossier.rating);
        CHECK(*j.flow.state().dossier.rating == scale);
        j.tap(intent::Rate{scale + 1});
        CHECK(*j.flow.state().dossier.rating == scale);
        j.tap(intent::Rate{0});
        CHECK(*j.flow.state().dossier.rating == scale);
        j.tap(intent::Rate{1});
        CHECK(*j.flow.state().dossier.rating == 1);
    }
}
