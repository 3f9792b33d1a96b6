// Tests of the 12-digit personal ID number checks.
#include "kiosk/validation/id_number.hpp"
#include "kiosk/validation/province_codes.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("province code table has the 63 former provinces from 001 to 096", "[validation]") {
    CHECK(provinceCodes().size() == 63);
    CHECK(findProvinceCode("001")->name == "Hà Nội");
    CHECK(findProvinceCode("017")->name == "Hòa Bình");
    CHECK(findProvinceCode("025")->name == "Phú Thọ");
    CHECK(findProvinceCode("026")->name == "Vĩnh Phúc");
    CHECK(findProvinceCode("079")->name == "Hồ Chí Minh");
    CHECK(findProvinceCode("096")->name == "Cà Mau");
    CHECK_FALSE(findProvinceCode("003"));
    CHECK_FALSE(findProvinceCode("097"));
    CHECK_FALSE(findProvinceCode("110"));
}

TEST_CASE("valid ID numbers pass, including former Vĩnh Phúc and Hòa Bình codes", "[validation]") {
    struct Row {
        const char* number;
        CivilDate birth;
        Sex sex;
    };
    const Row rows[] = {
        {"026150001234", {1950, 1, 5}, Sex::Female},
        {"026187654321", {1987, 3, 2}, Sex::Female},
        {"017099000001", {1999, 12, 31}, Sex::Male},
        {"025301000007", {2001, 6, 1}, Sex::Female},
        {"001224123456", {2024, 2, 29}, Sex::Male},
        {"079190000000", {1990, 7, 7}, Sex::Female},
        {"096 200 123 456", {2000, 1, 1}, Sex::Male},
        {"026.1.60.123456", {1960, 1, 1}, Sex::Female},
    };
    for (const Row& row : rows) {
        INFO(row.number);
        CHECK_FALSE(checkIdNumber(row.number, row.birth, row.sex));
        CHECK_FALSE(checkIdNumber(row.number, std::nullopt, std::nullopt));
    }
}

TEST_CASE("invalid ID numbers name what is wrong", "[validation]") {
    struct Row {
        const char* number;
        std::optional<CivilDate> birth;
        std::optional<Sex> sex;
        const char* message;
    };
    const Row rows[] = {
        {"02615000123", std::nullopt, std::nullopt, "id_number.length"},
        {"0261500012345", std::nullopt, std::nullopt, "id_number.length"},
        {"", std::nullopt, std::nullopt, "id_number.length"},
        {"02615000123A", std::nullopt, std::nullopt, "id_number.digits"},
        {"003150001234", std::nullopt, std::nullopt, "id_number.province"},
        {"110150001234", std::nullopt, std::nullopt, "id_number.province"},
        {"225150001234", std::nullopt, std::nullopt, "id_number.province"},
        {"000150001234", std::nullopt, std::nullopt, "id_number.province"},
        {"026250001234", CivilDate{1950, 1, 5}, std::nullopt, "id_number.century"},
        {"026151001234", CivilDate{1950, 1, 5}, std::nullopt, "id_number.year"},
        {"026149001234", CivilDate{1950, 1, 5}, std::nullopt, "id_number.year"},
        {"026150001234", CivilDate{1950, 1, 5}, Sex::Male, "id_number.sex"},
        {"026350001234", CivilDate{2050, 1, 5}, Sex::Male, "id_number.sex"},
    };
    for (const Row& row : rows) {
        INFO(row.number);
        auto problem = checkIdNumber(row.number, row.birth, row.sex);
        REQUIRE(problem);
        CHECK(problem->messageId == row.message);
        CHECK_FALSE(problem->text.vi.empty());
        CHECK_FALSE(problem->text.en.empty());
    }
}

TEST_CASE("ID number messages carry their parameters in both languages", "[validation]") {
    auto problem = checkIdNumber("12345", std::nullopt, std::nullopt);
    REQUIRE(problem);
    CHECK(problem->params.at("count") == "5");
    CHECK(problem->text.vi.find("5") != std::string::npos);
    CHECK(problem->text.en.find("(this has 5)") != std::string::npos);
}

TEST_CASE("century and sex digit decode as NĐ 137/2015 describes", "[validation]") {
    auto parts = splitIdNumber("026787000001");
    REQUIRE(parts);
    CHECK(parts->century == 2200);
    CHECK(parts->sex == Sex::Female);
    CHECK(parts->birthYear() == 2287);
    CHECK_FALSE(splitIdNumber("02658700000"));
}
