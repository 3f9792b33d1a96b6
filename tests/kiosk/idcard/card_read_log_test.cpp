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

TEST_CASE("a cloned chip's read is logged as not authentic, an original's as genuine", "[card]") {
    auto profile =
        sim::loadCardProfile(std::string(KIOSK_SOURCE_DIR) + "/content/cards/pham-quang-vinh.json");
    REQUIRE(profile);
    auto made = sim::makeSimulatedReader(*profile);
    REQUIRE(made);
    auto trust = std::filesystem::temp_directory_path() /
                 ("kiosk-log-csca-" + std::to_string(reinterpret_cast<std::uintptr_t>(&made)));
    std::filesystem::create_directories(trust);
    REQUIRE(sim::writeCscaCertificate(made->pki, trust / "csca.pem"));
    icao::ReadOptions options;
    options.trustStore = trust;
    auto key = icao::AccessKey::forCccd(profile->idNumber, sim::mrzDate(profile->dateOfBirth),
                                        sim::mrzDate(profile->dateOfExpiry));
    std::ostringstream out;
    Logger logger(out, LogLevel::Debug);
    icao::ReadStats stats;
    logCardRead(logger, icao::readIdCard(*made->reader, key, options, &stats), stats);
    auto original = nlohmann::json::parse(out.str());
    CHECK(original["passive_auth"] == "verified");
    CHECK(original["active_auth"] == "passed");
    CHECK(original["authenticity"] == "genuine");

    made->transport->card()->faults().clonedChip = true;
    std::ostringstream cloneOut;
    Logger cloneLogger(cloneOut, LogLevel::Debug);
    logCardRead(cloneLogger, icao::readIdCard(*made->reader, key, options, &stats), stats);
    std::istringstream lines(cloneOut.str());
    std::string first;
    std::string second;
    std::getline(lines, first);
    std::getline(lines, second);
    auto read = nlohmann::json::parse(first);
    CHECK(read["active_auth"] == "failed");
    CHECK(read["authenticity"] == "chip_not_proven");
    auto warning = nlohmann::json::parse(second);
    CHECK(warning["code"] == "KIOSK-2102");
    CHECK(warning["active_auth"] == "failed");
    std::filesystem::remove_all(trust);
}
