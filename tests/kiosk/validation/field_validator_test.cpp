// Tests of field rules applied to a resident's answers.
#include "kiosk/validation/field_validator.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

Field makeField(const char* id, FieldType type, bool required = true) {
    Field field;
    field.id = id;
    field.type = type;
    field.required = required;
    field.label = {"nhãn", "label"};
    return field;
}

const ValidationContext kContext{{2026, 11, 25}, nullptr};

} // namespace

TEST_CASE("required fields report a missing answer at the field", "[validation]") {
    Field field = makeField("applicant_full_name", FieldType::Name);
    auto problem = validateField(field, "   ", {}, kContext);
    REQUIRE(problem);
    CHECK(problem->fieldId == "applicant_full_name");
    CHECK(problem->messageId == "required");
    CHECK(problem->text.vi == "Xin điền thông tin này.");
    CHECK_FALSE(validateField(makeField("email", FieldType::Email, false), "", {}, kContext));
}

TEST_CASE("length limits count Vietnamese letters, not bytes", "[validation]") {
    Field field = makeField("name", FieldType::Name);
    field.rule.maxLength = 12;
    field.rule.minLength = 2;
    CHECK(validateField(field, "Nguyễn Thị Ánh", {}, kContext)->messageId == "too_long");
    CHECK_FALSE(validateField(field, "Đỗ Thị Ánh", {}, kContext));
    CHECK(validateField(field, "Đ", {}, kContext)->messageId == "too_short");
    CHECK(validateField(field, "Nguyễn Thị Ánh Tuyết", {}, kContext)->params.at("max") == "12");
    CHECK(countCodePoints("Ánh") == 3);
}

TEST_CASE("names refuse digits and stray symbols", "[validation]") {
    Field field = makeField("name", FieldType::Name);
    CHECK_FALSE(validateField(field, "Hà Thị Bích-Ngọc", {}, kContext));
    CHECK_FALSE(validateField(field, "H'Hen Niê", {}, kContext));
    CHECK(validateField(field, "Nguyen Van 2", {}, kContext)->messageId == "name.characters");
    CHECK(validateField(field, "Lan@", {}, kContext)->messageId == "name.characters");
}

TEST_CASE("dates must be real, not in the future, and in range", "[validation]") {
    Field field = makeField("dob", FieldType::Date);
    field.rule.notFuture = true;
    field.rule.notBefore = "1900-01-01";
    CHECK_FALSE(validateField(field, "05/01/1950", {}, kContext));
    CHECK_FALSE(validateField(field, "25/11/2026", {}, kContext));
    CHECK(validateField(field, "26/11/2026", {}, kContext)->messageId == "date.future");
    CHECK(validateField(field, "31/12/1899", {}, kContext)->messageId == "date.too_early");
    CHECK(validateField(field, "30/02/1950", {}, kContext)->messageId == "date.not_real");
    CHECK(validateField(field, "năm 1950", {}, kContext)->messageId == "date.format");
    Field recent = makeField("child_dob", FieldType::Date);
    recent.rule.maxAgeDays = 365;
    CHECK(validateField(recent, "01/01/2020", {}, kContext)->messageId == "date.too_old");
}

TEST_CASE("numbers must be whole and inside the range", "[validation]") {
    Field field = makeField("copies", FieldType::Number);
    field.rule.minValue = 1;
    field.rule.maxValue = 10;
    CHECK_FALSE(validateField(field, "3", {}, kContext));
    CHECK(validateField(field, "0", {}, kContext)->messageId == "number.range");
    CHECK(validateField(field, "ba", {}, kContext)->messageId == "number.not_number");
    CHECK(validateField(field, "2.5", {}, kContext)->messageId == "number.not_number");
}

TEST_CASE("an ID number is cross-checked against the same person's birth date and sex",
          "[validation]") {
    Field field = makeField("id", FieldType::IdNumber);
    field.rule.dateOfBirthField = "dob";
    field.rule.sexField = "sex";
    FieldValues values{{"dob", "05/01/1950"}, {"sex", "female"}};
    CHECK_FALSE(validateField(field, "026150001234", values, kContext));
    values["sex"] = "male";
    CHECK(validateField(field, "026150001234", values, kContext)->messageId == "id_number.sex");
    values["dob"] = "05/01/1951";
    CHECK(validateField(field, "026150001234", values, kContext)->messageId == "id_number.year");
}

TEST_CASE("an optional group left empty is fine but a started one must be complete",
          "[validation]") {
    FieldGroup group;
    group.id = "father";
    group.optional = true;
    group.fields = {makeField("father_name", FieldType::Name),
                    makeField("father_year", FieldType::Number)};
    CHECK(validateGroup(group, {}, kContext).empty());
    auto problems = validateGroup(group, {{"father_name", "Trần Văn Bình"}}, kContext);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].fieldId == "father_year");
}

TEST_CASE("emails and patterns are checked", "[validation]") {
    Field email = makeField("email", FieldType::Email);
    CHECK_FALSE(validateField(email, "lan.nguyen@gmail.com", {}, kContext));
    CHECK(validateField(email, "lan.nguyen@", {}, kContext)->messageId == "email.format");
    Field coded = makeField("code", FieldType::Text);
    coded.rule.pattern = "[A-Z]{2}\\d{3}";
    CHECK_FALSE(validateField(coded, "AB123", {}, kContext));
    CHECK(validateField(coded, "ab123", {}, kContext)->messageId == "pattern");
}

TEST_CASE("an optional field becomes required when another answer asks for it", "[validation]") {
    Field address = makeField("residence_address", FieldType::Text, false);
    address.rule.requiredIf = FieldRule::Condition{"want_residence", "yes"};
    CHECK_FALSE(validateField(address, "", {{"want_residence", "no"}}, kContext));
    CHECK_FALSE(validateField(address, "", {}, kContext));
    auto problem = validateField(address, "", {{"want_residence", "yes"}}, kContext);
    REQUIRE(problem);
    CHECK(problem->messageId == "required");
}
