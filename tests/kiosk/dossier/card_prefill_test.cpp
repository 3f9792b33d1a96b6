// Tests of pre-filling from the chip card and of receipt assembly.
#include "drivers/card_reader/icao/card_data.hpp"
#include "kiosk/dossier/card_prefill.hpp"
#include "kiosk/dossier/receipt_info.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

ProcedureCatalog shipped() {
    auto catalog = loadProcedureCatalog(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
    REQUIRE(catalog.ok());
    return std::move(catalog).value();
}

CardHolder motherCard() {
    CardHolder card;
    card.fullName = "Nguyễn Thị Thử Nghiệm";
    card.dateOfBirth = CivilDate{1990, 1, 5};
    card.sex = Sex::Female;
    card.idNumber = "026190001234";
    card.nationality = "Việt Nam";
    card.ethnicity = "Kinh";
    card.placeOfResidence = "Thôn Đông, Xã Vĩnh Tường, Phú Thọ";
    return card;
}

} // namespace

TEST_CASE("card data fills the applicant's fields in the fields' own forms", "[dossier]") {
    ProcedureCatalog catalog = shipped();
    const Procedure& birth = *catalog.findProcedure("1.001193");
    CardHolder card = motherCard();
    card.idNumber = "026 190 001 234"; // as some readers space it
    FieldValues values = prefillFromCard(birth, card, catalog);
    CHECK(values.at("applicant_full_name") == "Nguyễn Thị Thử Nghiệm");
    CHECK(values.at("applicant_date_of_birth") == "05/01/1990");
    CHECK(values.at("applicant_sex") == "female");
    CHECK(values.at("applicant_id_number") == "026190001234");
    CHECK(values.count("child_full_name") == 0);
    ValidationContext context{{2026, 11, 25}, &catalog};
    for (const char* id : {"applicant_full_name", "applicant_date_of_birth", "applicant_sex",
                           "applicant_id_number"}) {
        INFO(id);
        CHECK_FALSE(validateField(*birth.findField(id), values.at(id), values, context));
    }
}

TEST_CASE("card values that cannot be converted are left for the resident", "[dossier]") {
    ProcedureCatalog catalog = shipped();
    const Procedure& birth = *catalog.findProcedure("1.001193");
    icao::CardData read;
    read.hasPersonalData = true;
    read.personal.dateOfBirth = "31021990"; // no 31 February
    read.personal.sex = "?";
    CardHolder card = cardHolderFrom(read);
    CHECK_FALSE(card.dateOfBirth);
    CHECK_FALSE(card.sex);
    CHECK(prefillFromCard(birth, card, catalog).empty());
}

TEST_CASE("the card's sex words and date texts become typed values once, at the reader",
          "[dossier][card]") {
    CHECK(cardSexOf("Nam") == Sex::Male);
    CHECK(cardSexOf("Nữ") == Sex::Female);
    CHECK(cardSexOf("F") == Sex::Female);
    CHECK_FALSE(cardSexOf("Nu"));
    CHECK(cardDateOf("05011990") == CivilDate{1990, 1, 5});
    CHECK(cardDateOf("05/01/1990") == CivilDate{1990, 1, 5});
    CHECK_FALSE(cardDateOf("0501199"));
    icao::CardData read;
    read.hasPersonalData = true;
    read.personal.fullName = "Trần Văn Đức";
    read.personal.idNumber = "026058001234";
    read.personal.dateOfBirth = "14/03/1958";
    read.personal.sex = "Nam";
    read.passiveAuth.outcome = icao::PassiveAuthOutcome::UnknownIssuer;
    read.passiveAuth.signatureValid = true; // a sound signature by a signer not trusted here
    read.passiveAuth.hashesMatch = true;
    read.unreadGroups = {14};
    CardHolder card = cardHolderFrom(read);
    CHECK(card.fullName == "Trần Văn Đức");
    CHECK(card.dateOfBirth == CivilDate{1958, 3, 14});
    CHECK(card.sex == Sex::Male);
    CHECK(card.verification == CardVerification::UnknownIssuer);
    CHECK(card.unreadGroups == std::vector<int>{14});
}

TEST_CASE("a receipt carries the person only at submission, never on a reprint", "[dossier]") {
    ProcedureCatalog catalog = shipped();
    const Procedure& copies = *catalog.findProcedure("2.000815");
    OutboxEntry entry;
    entry.localReference = "VT-20261125-0007";
    entry.procedureCode = copies.code;
    entry.createdAt = unixFromVietnamTime({{2026, 11, 25}, 14, 30, 0});
    entry.appointmentAt = unixFromVietnamTime({{2026, 11, 25}, 16, 0, 0});
    FieldValues answers{{"applicant_full_name", "Lê Văn Thử"},
                        {"applicant_id_number", "026190001234"}};
    ReceiptInfo first = makeReceiptInfo(copies, entry, &answers);
    REQUIRE(first.person.has_value());
    CHECK(first.person->fullName == "Lê Văn Thử");
    CHECK(first.documents.size() == copies.documents.size());
    CHECK(first.fee.amountDong == 2000);
    CHECK(formatClock(first.receivedAt) == "14:30");
    CHECK(first.dossierCode.empty());
    ReceiptInfo again = makeReceiptInfo(copies, entry, nullptr);
    CHECK(again.reprint);
    CHECK_FALSE(again.person.has_value());
}

TEST_CASE("a parent's or spouse's fields take the card's data only when the card holder is "
          "that person",
          "[dossier][prefill]") {
    ProcedureCatalog catalog = shipped();
    CardHolder card = motherCard();
    ValidationContext context{{2026, 11, 25}, &catalog};
    SECTION("a birth registration by the mother") {
        const Procedure& birth = *catalog.findProcedure("1.001193");
        CHECK(prefillFromCard(birth, card, catalog).count("mother_full_name") == 0);
        FieldValues values = prefillFromCard(birth, card, catalog, {{"relationship", "mother"}});
        CHECK(values.at("mother_full_name") == "Nguyễn Thị Thử Nghiệm");
        CHECK(values.at("mother_birth_year") == "1990");
        CHECK(values.at("mother_id_number") == "026190001234");
        CHECK(values.at("mother_nationality") == "Việt Nam");
        CHECK(values.at("mother_residence") == "Thôn Đông, Xã Vĩnh Tường, Phú Thọ");
        CHECK(values.count("mother_ethnicity") == 1);
        CHECK(values.count("father_full_name") == 0);
        for (const char* id : {"mother_full_name", "mother_birth_year", "mother_id_number",
                               "mother_nationality", "mother_residence", "mother_ethnicity"}) {
            INFO(id);
            CHECK_FALSE(validateField(*birth.findField(id), values.at(id), values, context));
        }
    }
    SECTION("a marriage: the applicant's sex, itself from the card, says which spouse") {
        const Procedure& marriage = *catalog.findProcedure("1.000894");
        FieldValues values = prefillFromCard(marriage, card, catalog);
        CHECK(values.at("applicant_sex") == "female");
        CHECK(values.at("wife_full_name") == "Nguyễn Thị Thử Nghiệm");
        CHECK(values.at("wife_date_of_birth") == "05/01/1990");
        CHECK(values.at("wife_sex") == "female");
        CHECK(values.count("husband_full_name") == 0);
        card.sex = Sex::Male;
        values = prefillFromCard(marriage, card, catalog);
        CHECK(values.count("wife_full_name") == 0);
        CHECK(values.at("husband_full_name") == "Nguyễn Thị Thử Nghiệm");
    }
}

TEST_CASE("the card's data follows the relationship answer and never replaces what the "
          "resident typed",
          "[dossier][prefill]") {
    ProcedureCatalog catalog = shipped();
    const Procedure& birth = *catalog.findProcedure("1.001193");
    CardHolder card = motherCard();
    FieldValues values = prefillFromCard(birth, card, catalog);
    std::set<std::string> prefilled;
    for (const auto& [id, value] : values) {
        prefilled.insert(id);
    }
    CHECK_FALSE(refreshConditionalPrefill(birth, card, catalog, values, prefilled));

    values["relationship"] = "mother";
    CHECK(refreshConditionalPrefill(birth, card, catalog, values, prefilled));
    CHECK(values.at("mother_full_name") == "Nguyễn Thị Thử Nghiệm");
    CHECK(prefilled.count("mother_full_name") == 1);

    // The resident corrects the mother's residence: it is theirs now, not the card's.
    values["mother_residence"] = "Thôn Tây, Xã Vĩnh Tường, Phú Thọ";
    prefilled.erase("mother_residence");
    // A name the resident typed for the father before saying who they are stays.
    values["father_full_name"] = "Trần Văn Cha";

    values["relationship"] = "father"; // a wrong tap, put right
    CHECK(refreshConditionalPrefill(birth, card, catalog, values, prefilled));
    CHECK(values.count("mother_full_name") == 0);
    CHECK(prefilled.count("mother_full_name") == 0);
    CHECK(values.at("mother_residence") == "Thôn Tây, Xã Vĩnh Tường, Phú Thọ");
    CHECK(values.at("father_full_name") == "Trần Văn Cha");
    CHECK(values.at("father_id_number") == "026190001234");
    CHECK(prefilled.count("father_full_name") == 0);
    CHECK(prefilled.count("father_id_number") == 1);
}

TEST_CASE("a refused dossier's receipt information says so, a waiting one does not",
          "[dossier][receipt]") {
    ProcedureCatalog catalog = shipped();
    const Procedure& birth = *catalog.findProcedure("1.001193");
    OutboxEntry entry;
    entry.localReference = "VT-20261125-0007";
    entry.state = OutboxState::Pending;
    CHECK_FALSE(makeReceiptInfo(birth, entry, nullptr).refused);
    entry.state = OutboxState::NeedsAttention;
    CHECK(makeReceiptInfo(birth, entry, nullptr).refused);
}
