// Structured logs: one JSON object per line, catalog codes, and a generated dictionary.
#include "kiosk/log/logger.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using namespace kiosk;

TEST_CASE("a log line is one JSON object with the catalog code", "[log]") {
    std::ostringstream out;
    Logger logger(out, LogLevel::Debug);
    logger.log(LogEvent::ScreenChanged, {{"screen", LogToken("home")}, {"count", 3}});
    auto line = nlohmann::json::parse(out.str());
    CHECK(line["code"] == "KIOSK-1100");
    CHECK(line["event"] == "screen_changed");
    CHECK(line["level"] == "debug");
    CHECK(line["screen"] == "home");
    CHECK(line["count"] == 3);
    CHECK(out.str().back() == '\n');
}

TEST_CASE("events below the minimum level are dropped", "[log]") {
    std::ostringstream out;
    Logger logger(out, LogLevel::Info);
    logger.log(LogEvent::ScreenChanged);
    CHECK(out.str().empty());
    logger.log(LogEvent::SessionStarted);
    CHECK_FALSE(out.str().empty());
}

TEST_CASE("the log catalog has unique codes and names in enum order", "[log]") {
    std::set<int> codes;
    std::set<std::string_view> names;
    auto catalog = logCatalog();
    REQUIRE(catalog.size() == static_cast<std::size_t>(LogEvent::Count));
    for (std::size_t i = 0; i < catalog.size(); ++i) {
        CHECK(static_cast<std::size_t>(catalog[i].event) == i);
        CHECK(codes.insert(catalog[i].code).second);
        CHECK(names.insert(catalog[i].name).second);
        CHECK_FALSE(catalog[i].meaning.empty());
    }
}

TEST_CASE("docs/log-events.md is the dictionary generated from the catalog", "[log]") {
    std::ifstream file(std::string(KIOSK_SOURCE_DIR) + "/docs/log-events.md");
    REQUIRE(file);
    std::stringstream text;
    text << file.rdbuf();
    // Regenerate with: kioskctl log-dictionary > docs/log-events.md
    CHECK(text.str() == logDictionaryMarkdown());
}
