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

} // namespace

TEST_CASE("card data fills the applicant's fields in the fields' own forms", "[dossier]") {
    ProcedureCatalog catalog = shipped();
    const Procedure& birth = *catalog.findProcedure("1.001193");
    CardHolder card;
    card.fullName = "Nguyễn Thị Thử Nghiệm";
    card.dateOfBirth = CivilDate{1990, 1, 5};
    card.sex = Sex::Female;
    card.idNumber = "026 190 001 234";
    card.placeOfResidence = "Thôn Đông, Xã Vĩnh Tường, Phú Thọ";
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
