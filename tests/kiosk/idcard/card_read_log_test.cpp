// Card read log lines: outcome, protocol and cost, and nothing from the card itself.
#include "drivers/card_reader/sim/simulated_reader.hpp"
#include "kiosk/idcard/card_read_log.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace kiosk;

TEST_CASE("a card read is logged without any personal value", "[card]") {
    auto profile = sim::loadCardProfile(std::string(KIOSK_SOURCE_DIR) +
                                        "/content/cards/nguyen-thi-anh-tuyet.json");
    REQUIRE(profile);
    auto made = sim::makeSimulatedReader(*profile);
    REQUIRE(made);
    icao::ReadStats stats;
    auto key = icao::AccessKey::forCccd(profile->idNumber, sim::mrzDate(profile->dateOfBirth),
                                        sim::mrzDate(profile->dateOfExpiry));
    auto data = icao::readIdCard(*made->reader, key, {}, &stats);
    REQUIRE(data);
    std::ostringstream out;
    Logger logger(out, LogLevel::Debug);
    logCardRead(logger, data, stats);
    auto line = nlohmann::json::parse(out.str());
    CHECK(line["code"] == "KIOSK-2100");
    CHECK(line["protocol"] == "pace");
    CHECK(line["passive_auth"] == "unknown_issuer");
    CHECK(line["apdus"] == stats.apdus);
    for (const std::string& secret : {profile->idNumber, profile->fullName, profile->dateOfBirth,
                                      profile->idNumber.substr(6)}) {
        CHECK(out.str().find(secret) == std::string::npos);
    }
}

TEST_CASE("a failed card read is logged with its reason", "[card]") {
    std::ostringstream out;
    Logger logger(out, LogLevel::Debug);
    Result<icao::CardData> failed = makeError(icao::idcard_error::kWrongAccessKey, "refused");
    logCardRead(logger, failed, {});
    auto line = nlohmann::json::parse(out.str());
    CHECK(line["code"] == "KIOSK-2101");
    CHECK(line["reason"] == "wrong_access_key");
}
