// Tests of procedure search: folding away marks and case, matching and ranking on the shipped pack.
#include "kiosk/procedure/procedure_search.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace kiosk;

namespace {

const ProcedureCatalog& procedureSearchShippedCatalog() {
    static const ProcedureCatalog catalog = [] {
        auto loaded = loadProcedureCatalog(std::string(KIOSK_SOURCE_DIR) + "/content");
        REQUIRE(loaded.ok());
        return std::move(*loaded);
    }();
    return catalog;
}

std::vector<std::string> codesFor(std::string_view query) {
    std::vector<std::string> codes;
    for (const SearchHit& hit : searchProcedures(procedureSearchShippedCatalog(), query)) {
        codes.push_back(hit.code);
    }
    return codes;
}

} // namespace

TEST_CASE("folding removes every Vietnamese mark, case and punctuation", "[search]") {
    struct Row {
        const char* typed;
        const char* folded;
    };
    const Row rows[] = {
        {"khai sinh", "khai sinh"},
        {"KHAI SINH", "khai sinh"},
        {"khai sính", "khai sinh"},
        {"Đăng ký kết hôn", "dang ky ket hon"},
        {"ĐĂNG KÝ KẾT HÔN", "dang ky ket hon"},
        {"  thường   trú ", "thuong tru"},
        {"tạm-trú, 2026!", "tam tru 2026"},
        {"ừứửữự ấầẩẫậ ờởỡợớ ỳýỷỹỵ", "uuuuu aaaaa ooooo yyyyy"},
        {"khai si\xCC\x81nh", "khai sinh"}, // decomposed: the combining acute is dropped
        {"", ""},
        {"?!", ""},
    };
    for (const Row& row : rows) {
        INFO(row.typed);
        CHECK(foldForSearch(row.typed) == row.folded);
    }
}

TEST_CASE("typed words find the expected procedure first, with or without accents", "[search]") {
    struct Row {
        const char* query;
        const char* first;
    };
    const Row rows[] = {
        {"khai sinh", "1.001193"},
        {"KHAI SINH", "1.001193"},
        {"khai sính", "1.001193"},
        {"dang ky khai sinh", "1.001193"},
        {"dang ky ket hon", "1.000894"},
        {"Đăng ký kết hôn", "1.000894"},
        {"ket hon", "1.000894"},
        {"khai tu", "1.000656"},
        {"giấy chứng tử", "1.000656"},
        {"giay khai sinh", "1.001193"},
        {"làm giấy kết hôn", "1.000894"},
        {"doc than", "1.004873"},
        {"tam tru", "1.004194"},
        {"thuong tru", "1.004222"},
        {"ho khau", "1.004222"},
        {"sao y", "2.000815"},
        {"chung thuc", "2.000815"},
        {"bao hiem y te", "2.000986"},
        {"marriage", "1.000894"},
        {"birth registration", "1.001193"},
        {"temporary", "1.004194"},
        {"khai", "1.001193"}, // one word of several names: the most used first
    };
    for (const Row& row : rows) {
        INFO(row.query);
        auto codes = codesFor(row.query);
        REQUIRE_FALSE(codes.empty());
        CHECK(codes.front() == row.first);
    }
}

TEST_CASE("every procedure whose name holds the words is listed, most used first", "[search]") {
    // Three names say "khai sinh": the one that is mostly those words comes first.
    auto codes = codesFor("khai sinh");
    REQUIRE(codes.size() == 3);
    CHECK(codes[0] == "1.001193");
    std::sort(codes.begin() + 1, codes.end());
    CHECK(codes[1] == "2.000635");
    CHECK(codes[2] == "2.000986");
}

TEST_CASE("a word start outranks the same letters inside a word", "[search]") {
    ProcedureCatalog catalog;
    Procedure inside;
    inside.code = "9.000001";
    inside.popularity = 1;
    inside.name = {"Xác nhận hộ tịch", "Confirmation"}; // "tich" holds "ich" inside a word
    Procedure start;
    start.code = "9.000002";
    start.popularity = 2;
    start.name = {"Ích lợi", "Benefit"};
    catalog.procedures = {inside, start};
    auto hits = searchProcedures(catalog, "ich");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].code == "9.000002"); // less popular, but the word starts with what was typed
    CHECK(hits[1].code == "9.000001");
}

TEST_CASE("a name match outranks a keyword match", "[search]") {
    ProcedureCatalog catalog;
    Procedure byKeyword;
    byKeyword.code = "9.000001";
    byKeyword.name = {"Thủ tục A", "Procedure A"};
    byKeyword.keywords = {"giấy kết hôn"};
    Procedure byName;
    byName.code = "9.000002";
    byName.name = {"Đăng ký kết hôn", "Marriage"};
    catalog.procedures = {byKeyword, byName};
    auto hits = searchProcedures(catalog, "ket hon");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].code == "9.000002");
}

TEST_CASE("every typed word must be found, and nothing typed finds nothing", "[search]") {
    CHECK(codesFor("khai sinh xyzzy").empty());
    CHECK(codesFor("qqq").empty());
    CHECK(codesFor("").empty());
    CHECK(codesFor("   ").empty());
    CHECK(codesFor(",.").empty());
}

TEST_CASE("procedure keywords load, and a keyword that is not text is refused", "[search]") {
    const Procedure* birth = procedureSearchShippedCatalog().findProcedure("1.001193");
    REQUIRE(birth != nullptr);
    CHECK(std::find(birth->keywords.begin(), birth->keywords.end(), "giấy khai sinh") !=
          birth->keywords.end());

    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/content/procedures/1.001193.json");
    std::ostringstream text;
    text << in.rdbuf();
    auto document = nlohmann::json::parse(text.str());
    document["keywords"] = nlohmann::json::array({"giấy khai sinh", 7, ""});
    auto parsed = parseProcedure(document.dump(), "broken.json");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().message.find("$.keywords[1]: must be a non-empty string") !=
          std::string::npos);
    CHECK(parsed.error().message.find("$.keywords[2]: must be a non-empty string") !=
          std::string::npos);
}
