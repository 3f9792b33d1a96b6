// Tests of procedure, list and category loading, for the shipped content and broken files.
#include "kiosk/procedure/procedure_loader.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace kiosk;

namespace {

const std::filesystem::path kProcedureLoaderContent =
    std::filesystem::path(KIOSK_SOURCE_DIR) / "content";

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

nlohmann::json birthProcedure() {
    return nlohmann::json::parse(
        readText(kProcedureLoaderContent / "procedures" / "1.001193.json"));
}

std::string problemsOf(const nlohmann::json& document) {
    auto parsed = parseProcedure(document.dump(), "broken.json");
    REQUIRE_FALSE(parsed.ok());
    return parsed.error().message;
}

} // namespace

TEST_CASE("every shipped procedure, list and category loads without a problem", "[dossier]") {
    auto catalog = loadProcedureCatalog(kProcedureLoaderContent);
    INFO((catalog ? std::string() : catalog.error().message));
    REQUIRE(catalog.ok());
    CHECK(catalog->procedures.size() >= 9);
    for (const char* code : {"1.001193", "2.000986", "1.000656", "1.000894", "1.004873", "2.000635",
                             "1.004222", "1.004194", "2.000815"}) {
        INFO(code);
        const Procedure* procedure = catalog->findProcedure(code);
        REQUIRE(procedure != nullptr);
        CHECK_FALSE(procedure->groups.empty());
        CHECK_FALSE(procedure->documents.empty());
        CHECK(procedure->handOff.portalUrl ==
              std::string("https://dichvucong.gov.vn/p/home/"
                          "dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=") +
                  code);
        CHECK(procedure->payloadFields.count("ChuHoSo") == 1);
    }
    CHECK(catalog->procedures.front().code == "1.001193"); // most popular first
    CHECK(catalog->findProcedure("1.001193")->name.vi == "Đăng ký khai sinh");
    CHECK(catalog->findProcedure("2.000815")->fee.kind == FeeKind::PerPage);
    CHECK(catalog->findProcedure("2.000815")->fee.amountDong == 2000);
    CHECK(catalog->findProcedure("1.004222")->fee.amountDong == 20000);
    CHECK(catalog->findProcedure("2.000986")->processing.workingDays == 3);
}

TEST_CASE("shipped picker lists hold the real sets", "[dossier]") {
    auto catalog = loadProcedureCatalog(kProcedureLoaderContent);
    REQUIRE(catalog.ok());
    CHECK(catalog->findList("ethnicity")->items.size() == 54);
    CHECK(catalog->findList("ethnicity")->items.front().label.vi == "Kinh");
    CHECK(catalog->findList("province")->items.size() == 34);
    CHECK(catalog->findList("province")->find("phu-tho") != nullptr);
    CHECK(catalog->findList("commune")->find("xa-vinh-tuong") != nullptr);
    CHECK(catalog->findList("commune")->sampleData);
    CHECK(catalog->findList("village")->sampleData);
    CHECK_FALSE(catalog->findList("sex")->sampleData);
    CHECK(catalog->findList("sex")->items.size() == 2);
}

TEST_CASE("a missing English translation is named with its path", "[dossier]") {
    auto document = birthProcedure();
    document["groups"][1]["fields"][0]["label"].erase("en");
    std::string problems = problemsOf(document);
    CHECK(problems == "broken.json: $.groups[1].fields[0].label.en: missing English translation");
}

TEST_CASE("a broken procedure file reports every problem at once", "[dossier]") {
    auto document = birthProcedure();
    document["code"] = "1001193";
    document["groups"][0]["fields"][0]["type"] = "fullname";
    document["groups"][0]["fields"][1]["rule"]["not_before"] = "1/1/1900";
    document["fee"]["kind"] = "cheap";
    document["processing"]["cutoff"] = "3pm";
    document["payload"]["ChuHoSo"] = "nobody";
    document.erase("purpose");
    std::string problems = problemsOf(document);
    CHECK_THAT(problems,
               Catch::Contains("broken.json: $.code: \"1001193\" is not a procedure code"));
    CHECK_THAT(problems, Catch::Contains("$.groups[0].fields[0].type: \"fullname\" is not one of"));
    CHECK_THAT(problems, Catch::Contains("$.groups[0].fields[1].rule.not_before: must be a date"));
    CHECK_THAT(problems, Catch::Contains("$.fee.kind: must be free, fixed"));
    CHECK_THAT(problems, Catch::Contains("$.processing.cutoff: must be a time written HH:MM"));
    CHECK_THAT(problems, Catch::Contains("$.payload.ChuHoSo: names field \"nobody\""));
    CHECK_THAT(problems, Catch::Contains("$.purpose: is missing"));
}

TEST_CASE("duplicate field ids, unknown rules and non-JSON are refused", "[dossier]") {
    auto document = birthProcedure();
    document["groups"][1]["fields"][0]["id"] = "applicant_full_name";
    document["groups"][1]["fields"][1]["rule"]["maximum"] = 3;
    std::string problems = problemsOf(document);
    CHECK_THAT(problems, Catch::Contains("\"applicant_full_name\" is used twice"));
    CHECK_THAT(problems, Catch::Contains("rule.maximum: is not a known rule"));
    auto notJson = parseProcedure("{ \"code\": ", "x.json");
    REQUIRE_FALSE(notJson.ok());
    CHECK(notJson.error().message == "x.json: $: is not valid JSON");
}

TEST_CASE("cross-checks name unknown categories, picker lists and card fields", "[dossier]") {
    auto catalog = loadProcedureCatalog(kProcedureLoaderContent);
    REQUIRE(catalog.ok());
    Procedure procedure = *catalog->findProcedure("1.001193");
    procedure.category = "taxes";
    procedure.groups[0].fields[2].picker = "genders";
    procedure.groups[0].fields[0].prefill = "card.nickname";
    auto problems = crossCheckProcedure(procedure, *catalog, "p.json");
    REQUIRE(problems.size() == 3);
    CHECK(problems[0] == "p.json: $.category: \"taxes\" is not in categories.json");
    CHECK_THAT(problems[1], Catch::Contains("\"card.nickname\" is not a card field"));
    CHECK_THAT(problems[2], Catch::Contains("list \"genders\" is not in lists/"));
}

TEST_CASE("a content directory with a broken file fails with the file name", "[dossier]") {
    auto dir = std::filesystem::temp_directory_path() / "kiosk-procedure-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::filesystem::copy(kProcedureLoaderContent, dir, std::filesystem::copy_options::recursive);
    std::ofstream(dir / "procedures" / "1.000656.json") << "[]";
    auto catalog = loadProcedureCatalog(dir);
    REQUIRE_FALSE(catalog.ok());
    CHECK_THAT(catalog.error().message, Catch::Contains("1.000656.json: $: must be an object"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("every shipped hand-off step has a picture in the pack", "[dossier][images]") {
    auto catalog = loadProcedureCatalog(kProcedureLoaderContent);
    REQUIRE(catalog.ok());
    for (const Procedure& procedure : catalog->procedures) {
        INFO(procedure.code);
        for (const auto* steps : {&procedure.handOff.steps, &procedure.handOff.vneidSteps}) {
            for (const HandOffStep& step : *steps) {
                CHECK_FALSE(step.image.empty());
                CHECK(std::filesystem::is_regular_file(kProcedureLoaderContent / step.image));
            }
        }
    }
    CHECK(catalog->findProcedure("2.000986")->handOff.vneidSteps[1].image ==
          "images/handoff/vneid-tthc.png");
}

TEST_CASE("a hand-off picture missing from the pack is named with its path", "[dossier][images]") {
    auto dir = std::filesystem::temp_directory_path() / "kiosk-procedure-image-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::filesystem::copy(kProcedureLoaderContent, dir, std::filesystem::copy_options::recursive);
    std::filesystem::remove(dir / "images" / "handoff" / "portal-submit.png");
    auto catalog = loadProcedureCatalog(dir);
    REQUIRE_FALSE(catalog.ok());
    CHECK_THAT(catalog.error().message,
               Catch::Contains("1.001193.json: $.handoff.steps[2].image: image file "
                               "\"images/handoff/portal-submit.png\" is not in the content pack"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("a hand-off picture outside the pack is refused", "[dossier][images]") {
    auto document = birthProcedure();
    document["handoff"]["steps"][0]["image"] = "../secret.png";
    CHECK_THAT(problemsOf(document),
               Catch::Contains("$.handoff.steps[0].image: \"../secret.png\" must be a path "
                               "inside the content pack"));
}

TEST_CASE("fee amounts must agree with the fee kind", "[dossier]") {
    auto document = birthProcedure();
    document["fee"]["kind"] = "fixed";
    document["fee"]["amount_dong"] = 0;
    CHECK_THAT(problemsOf(document),
               Catch::Contains("$.fee.amount_dong: must be more than 0 for a fixed fee"));
    document["fee"]["kind"] = "ask_at_desk";
    document["fee"]["amount_dong"] = 5000;
    CHECK_THAT(problemsOf(document),
               Catch::Contains("$.fee.amount_dong: must be 0 when the fee kind is ask_at_desk"));
}

TEST_CASE("cross-checked ID fields must point at a date and a sex picker", "[dossier]") {
    auto document = birthProcedure();
    // applicant_id_number's rule names applicant_date_of_birth and applicant_sex.
    document["groups"][0]["fields"][1]["type"] = "text";
    document["groups"][0]["fields"][2]["picker"] = "yes_no";
    std::string problems = problemsOf(document);
    CHECK_THAT(problems, Catch::Contains("\"applicant_date_of_birth\" is not a date field"));
    CHECK_THAT(problems, Catch::Contains("\"applicant_sex\" is not a field with the sex picker"));
}

TEST_CASE("duplicate group and document ids are refused", "[dossier]") {
    auto document = birthProcedure();
    document["groups"][1]["id"] = document["groups"][0]["id"];
    document["documents"][1]["id"] = document["documents"][0]["id"];
    std::string problems = problemsOf(document);
    CHECK_THAT(problems, Catch::Contains("$.groups[1].id: group \"applicant\" is used twice"));
    CHECK_THAT(problems, Catch::Contains("$.documents[1].id: document"));
}

TEST_CASE("a picker item's parent must exist in another list", "[dossier]") {
    auto dir = std::filesystem::temp_directory_path() / "kiosk-parent-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::filesystem::copy(kProcedureLoaderContent, dir, std::filesystem::copy_options::recursive);
    auto village = nlohmann::json::parse(readText(dir / "lists" / "village.json"));
    village["items"][0]["parent"] = "xa-khong-co";
    std::ofstream(dir / "lists" / "village.json") << village.dump();
    auto catalog = loadProcedureCatalog(dir);
    REQUIRE_FALSE(catalog.ok());
    CHECK_THAT(catalog.error().message,
               Catch::Contains("village.json: $.items[0].parent: \"xa-khong-co\" is not an item"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("a conditional requirement must name an existing field", "[dossier]") {
    auto document = birthProcedure();
    document["groups"][0]["fields"][6]["rule"]["required_if"] = {{"field", "nobody"},
                                                                 {"equals", "yes"}};
    CHECK_THAT(problemsOf(document),
               Catch::Contains("applicant_email.rule.required_if: names field \"nobody\""));
}

TEST_CASE("a card pre-fill condition must ask a select field and list its answers", "[dossier]") {
    auto document = birthProcedure();
    nlohmann::json& mother = document["groups"][2]["fields"][0];
    REQUIRE(mother["id"] == "mother_full_name");
    SECTION("a field that is not a select") {
        mother["prefill_when"] = {{"field", "applicant_phone"}, {"any_of", {"mother"}}};
        CHECK_THAT(problemsOf(document),
                   Catch::Contains("mother_full_name.prefill_when: \"applicant_phone\" is not "
                                   "a select field"));
    }
    SECTION("a field that does not exist") {
        mother["prefill_when"] = {{"field", "nobody"}, {"any_of", {"mother"}}};
        CHECK_THAT(problemsOf(document),
                   Catch::Contains("prefill_when: names field \"nobody\" which does not exist"));
    }
    SECTION("no answers") {
        mother["prefill_when"] = {{"field", "relationship"}, {"any_of", nlohmann::json::array()}};
        CHECK_THAT(problemsOf(document),
                   Catch::Contains("prefill_when.any_of: must list at least one answer"));
    }
    SECTION("no source to pre-fill from") {
        mother.erase("prefill");
        CHECK_THAT(problemsOf(document),
                   Catch::Contains("prefill_when: needs a prefill source to apply"));
    }
    SECTION("an answer the picker list does not have") {
        auto catalog = loadProcedureCatalog(kProcedureLoaderContent);
        REQUIRE(catalog.ok());
        Procedure procedure = *catalog->findProcedure("1.001193");
        Field* field = nullptr;
        for (FieldGroup& group : procedure.groups) {
            for (Field& candidate : group.fields) {
                if (candidate.id == "mother_full_name") {
                    field = &candidate;
                }
            }
        }
        REQUIRE(field != nullptr);
        REQUIRE(field->prefillWhen);
        field->prefillWhen->anyOf = {"me"};
        auto problems = crossCheckProcedure(procedure, *catalog, "p.json");
        REQUIRE(problems.size() == 1);
        CHECK_THAT(problems[0], Catch::Contains("prefill_when.any_of: \"me\" is not an item of "
                                                "list \"relationship\""));
    }
}
