// Tests of calendar dates: parsing, real dates, weekdays.
#include "kiosk/validation/civil_date.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("dates are read day first as Vietnamese write them", "[validation]") {
    CHECK(parseDate("25/11/2026") == std::optional<CivilDate>(CivilDate{2026, 11, 25}));
    CHECK(parseDate("5-1-1950") == std::optional<CivilDate>(CivilDate{1950, 1, 5}));
    CHECK(parseDate("05.01.1950") == std::optional<CivilDate>(CivilDate{1950, 1, 5}));
    CHECK(parseDate("2024-02-29") == std::optional<CivilDate>(CivilDate{2024, 2, 29}));
}

TEST_CASE("impossible calendar dates are refused", "[validation]") {
    for (const char* text : {"29/02/2023", "31/04/2020", "00/01/2000", "32/01/2000", "10/13/2000",
                             "29/02/1900", "1/1/20", "hôm qua", ""}) {
        INFO(text);
        CHECK_FALSE(parseDate(text));
    }
    CHECK(parseDate("29/02/2000"));
}

TEST_CASE("day arithmetic and weekdays agree with the calendar", "[validation]") {
    CHECK(daysSinceEpoch({1970, 1, 1}) == 0);
    CHECK(dateFromDays(daysSinceEpoch({2026, 11, 25})) == CivilDate{2026, 11, 25});
    CHECK(dateFromDays(daysSinceEpoch({1900, 3, 1}) - 1) == CivilDate{1900, 2, 28});
    CHECK(kiosk::weekday({2026, 11, 25}) == 2); // a Wednesday
    CHECK(kiosk::weekday({2025, 9, 2}) == 1);   // a Tuesday
    CHECK(formatDate({1950, 1, 5}) == "05/01/1950");
}
