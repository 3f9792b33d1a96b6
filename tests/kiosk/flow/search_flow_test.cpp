// The procedure search at the flow level: open it, type, see results live, choose one, go back.
#include "tests/kiosk/flow/flow_journey.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct Search : testing::FlowJourney {
    Search() {
        tap(intent::Open{Screen::ProcedureCategories});
        tap(intent::OpenProcedureSearch{});
    }

    const ProcedureSearchState& search() const { return flow.state().search; }
};

} // namespace

TEST_CASE("the search opens from the categories with an empty box and the keyboard up",
          "[flow][search]") {
    Search s;
    REQUIRE(s.flow.state().screen == Screen::ProcedureSearch);
    REQUIRE(s.search().composer);
    CHECK(s.search().composer->text().empty());
    CHECK(s.search().shown == SearchKeyboard::Shown);
    CHECK(s.search().results.empty());
}

TEST_CASE("results follow each key the resident types", "[flow][search]") {
    Search s;
    s.typeText("ket");
    REQUIRE_FALSE(s.search().results.empty());
    CHECK(s.search().results.front() == "1.000894");
    s.typeText(" hon");
    CHECK(s.search().results.front() == "1.000894");
    s.typeText(" zzz");
    CHECK(s.search().results.empty()); // the screen says so kindly and offers the categories
    for (int i = 0; i < 4; ++i) {
        s.key(input::KeyAction::Backspace);
    }
    CHECK(s.search().results.front() == "1.000894");
}

TEST_CASE("typing with Telex tones finds the same procedure as typing without", "[flow][search]") {
    Search s;
    s.typeText("khai sinhs"); // Telex: "sinhs" composes "sính"
    CHECK(s.search().composer->text() == "khai sính");
    REQUIRE_FALSE(s.search().results.empty());
    CHECK(s.search().results.front() == "1.001193");
}

TEST_CASE("in English the search types plain letters, not Telex", "[flow][search]") {
    Search s;
    s.tap(intent::SetLanguage{Language::English});
    s.tap(intent::OpenProcedureSearch{});
    s.typeText("marriage");
    CHECK(s.search().composer->text() == "marriage");
    REQUIRE_FALSE(s.search().results.empty());
    CHECK(s.search().results.front() == "1.000894");
}

TEST_CASE("choosing a result opens its explanation and Back returns to the same results",
          "[flow][search]") {
    Search s;
    s.typeText("tam tru");
    REQUIRE_FALSE(s.search().results.empty());
    std::vector<std::string> before = s.search().results;
    s.tap(intent::ChooseProcedure{before.front()});
    REQUIRE(s.flow.state().screen == Screen::ProcedureInfo);
    CHECK(s.flow.state().dossier.procedureCode == "1.004194");
    CHECK(s.flow.state().dossier.categoryId == "residence");
    s.tap(intent::Back{});
    REQUIRE(s.flow.state().screen == Screen::ProcedureSearch);
    CHECK(s.search().composer->text() == "tam tru");
    CHECK(s.search().results == before);
    s.tap(intent::Back{});
    CHECK(s.flow.state().screen == Screen::ProcedureCategories);
}

TEST_CASE("Done puts the keyboard away and touching the box brings it back", "[flow][search]") {
    Search s;
    s.typeText("sao y");
    s.key(input::KeyAction::Done);
    CHECK(s.flow.state().screen == Screen::ProcedureSearch);
    CHECK(s.search().shown == SearchKeyboard::Hidden);
    CHECK_FALSE(s.search().results.empty());
    s.tap(intent::ShowSearchKeyboard{});
    CHECK(s.search().shown == SearchKeyboard::Shown);
}

TEST_CASE("See all puts the keyboard away to show every result", "[flow][search]") {
    Search s;
    s.typeText("dang ky");
    REQUIRE(s.search().results.size() > 1);
    s.tap(intent::ShowSearchResults{});
    CHECK(s.flow.state().screen == Screen::ProcedureSearch);
    CHECK(s.search().shown == SearchKeyboard::Hidden);
    CHECK(s.search().composer->text() == "dang ky");
}

TEST_CASE("a new search starts empty", "[flow][search]") {
    Search s;
    s.typeText("khai tu");
    s.tap(intent::Back{});
    s.tap(intent::OpenProcedureSearch{});
    CHECK(s.search().composer->text().empty());
    CHECK(s.search().results.empty());
}

TEST_CASE("what the resident types in the search never reaches the log", "[flow][search]") {
    Search s;
    s.typeText("giay chung tu");
    s.tap(intent::ChooseProcedure{s.search().results.front()});
    std::string logs = s.logs.str();
    CHECK(logs.find("procedure_search_chosen") != std::string::npos);
    CHECK(logs.find("\"rank\":1") != std::string::npos);
    CHECK(logs.find("giay") == std::string::npos);
    CHECK(logs.find("chung") == std::string::npos);
}

TEST_CASE("ending the session wipes the search", "[flow][search]") {
    Search s;
    s.typeText("ho khau");
    s.tap(intent::StartOver{});
    CHECK_FALSE(s.search().composer);
    CHECK(s.search().results.empty());
}
