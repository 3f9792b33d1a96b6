// Tests of the submission payload and status labels, through every shipped procedure.
#include "kiosk/dossier/dossier.hpp"
#include "kiosk/dossier/dossier_status.hpp"
#include "tests/kiosk/dossier/synthetic_answers.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

ProcedureCatalog shippedCatalog() {
    auto catalog = loadProcedureCatalog(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
    REQUIRE(catalog.ok());
    return std::move(catalog).value();
}

} // namespace

TEST_CASE("every shipped procedure accepts a complete synthetic dossier", "[dossier]") {
    ProcedureCatalog catalog = shippedCatalog();
    ValidationContext context{{2026, 11, 25}, &catalog};
    for (const Procedure& procedure : catalog.procedures) {
        INFO(procedure.code);
        FieldValues values = testing::syntheticAnswers(procedure, catalog, context.today);
        auto problems = validateProcedure(procedure, values, context);
        for (const FieldProblem& problem : problems) {
            UNSCOPED_INFO(problem.fieldId << ": " << problem.text.en);
        }
        CHECK(problems.empty());
    }
}

TEST_CASE("the payload carries owner, documents, fees, dates and every answer", "[dossier]") {
    ProcedureCatalog catalog = shippedCatalog();
    const Procedure& birth = *catalog.findProcedure("1.001193");
    Dossier dossier{birth.code, testing::syntheticAnswers(birth, catalog, {2026, 11, 25})};
    dossier.values["applicant_phone"] = "+84 912 345 678";
    SubmissionContext context{"vinh-tuong-01", "VT-20261125-0007",
                              LocalDateTime{{2026, 11, 25}, 15, 30, 5}};
    auto payload = buildPayload(birth, dossier, context);
    CHECK(payload["MaTTHC"] == "1.001193");
    CHECK(payload["TenTTHC"] == "Đăng ký khai sinh");
    CHECK(payload["ChuHoSo"] == "Nguyễn Thị Thử Nghiệm");
    CHECK(payload["MaDoiTuong"] == dossier.values["applicant_id_number"]);
    CHECK(payload["SoDienThoai"] == "0912345678");
    CHECK(payload["LoaiDoiTuong"] == "1");
    CHECK(payload["NgayTiepNhan"] == "20261125153005");
    CHECK(payload["NgayHenTra"] == "20261126160000"); // after 15:00 -> next working day
    CHECK(payload["SoThamChieu"] == "VT-20261125-0007");
    CHECK(payload["TaiLieuNop"].size() == birth.documents.size());
    CHECK(payload["TaiLieuNop"][0]["LoaiBan"] == "ban_chinh");
    CHECK(payload["DanhSachLePhi"][0]["Gia"] == 0);
    CHECK(payload["DuLieuBieuMau"].size() == dossier.values.size());
    CHECK(payload["DuLieuBieuMau"]["child_sex"] == dossier.values["child_sex"]);
}

TEST_CASE("answers that belong to no field never reach the payload", "[dossier]") {
    ProcedureCatalog catalog = shippedCatalog();
    const Procedure& death = *catalog.findProcedure("1.000656");
    Dossier dossier{death.code, testing::syntheticAnswers(death, catalog, {2026, 11, 25})};
    dossier.values["card.photo"] = "base64...";
    auto payload = buildPayload(death, dossier, {"k", "VT-1", {{2026, 11, 25}, 9, 0, 0}});
    CHECK_FALSE(payload["DuLieuBieuMau"].contains("card.photo"));
}

TEST_CASE("dossier codes follow TT 01/2018 Art. 19", "[dossier]") {
    CHECK(isDossierCode("000.00.01.H22-261125-0007"));
    CHECK_FALSE(isDossierCode("000.00.01.H22-261125-007"));
    CHECK_FALSE(isDossierCode("VT-20261125-0007"));
}

TEST_CASE("status codes round-trip and have plain words in both languages", "[dossier]") {
    for (int i = 0; i <= static_cast<int>(DossierStatus::Interoperating); ++i) {
        auto status = static_cast<DossierStatus>(i);
        auto code = dossierStatusCode(status);
        INFO(code);
        CHECK(dossierStatusFromCode(code) == status);
        CHECK_FALSE(dossierStatusLabel(status).vi.empty());
        CHECK_FALSE(dossierStatusLabel(status).en.empty());
    }
    CHECK(dossierStatusLabel(DossierStatus::Releasing).vi == "Đã có kết quả, mời đến nhận");
    CHECK_FALSE(dossierStatusFromCode("lost"));
}
