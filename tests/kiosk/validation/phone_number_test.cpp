// Tests of Vietnamese mobile number normalisation and checks.
#include "kiosk/validation/phone_number.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("mobile numbers in every common written form are accepted", "[validation]") {
    const std::pair<const char*, const char*> rows[] = {
        {"0912345678", "0912345678"},      {"091 234 5678", "0912345678"},
        {"0912.345.678", "0912345678"},    {"+84912345678", "0912345678"},
        {"+84 912 345 678", "0912345678"}, {"84912345678", "0912345678"},
        {"0321234567", "0321234567"},      {"0551234567", "0551234567"},
        {"0701234567", "0701234567"},      {"0861234567", "0861234567"},
        {"0991234567", "0991234567"},
    };
    for (const auto& [input, normalised] : rows) {
        INFO(input);
        CHECK_FALSE(checkPhone(input));
        CHECK(normalisePhone(input) == std::optional<std::string>(normalised));
    }
}

TEST_CASE("wrong mobile numbers are refused with the reason", "[validation]") {
    const std::pair<const char*, const char*> rows[] = {
        {"091234567", "phone.format"},  {"09123456789", "phone.format"},
        {"1912345678", "phone.format"}, {"+1 912 345 6789", "phone.format"},
        {"0912abc678", "phone.format"}, {"", "phone.format"},
        {"0241234567", "phone.prefix"}, {"0311234567", "phone.prefix"},
        {"0501234567", "phone.prefix"}, {"0801234567", "phone.prefix"},
        {"0951234567", "phone.prefix"}, {"+84241234567", "phone.prefix"},
    };
    for (const auto& [input, message] : rows) {
        INFO(input);
        auto problem = checkPhone(input);
        REQUIRE(problem);
        CHECK(problem->messageId == message);
    }
}
