// Tests of working days and appointment dates.
#include "kiosk/dossier/working_calendar.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

ProcessingTime days(int workingDays) {
    ProcessingTime time;
    time.workingDays = workingDays;
    return time;
}

LocalDateTime at(CivilDate date, int hour, int minute) {
    return LocalDateTime{date, hour, minute, 0};
}

} // namespace

TEST_CASE("weekends and public holidays are not working days", "[dossier]") {
    CHECK(isWorkingDay({2026, 11, 25}));       // Wednesday
    CHECK_FALSE(isWorkingDay({2026, 11, 28})); // Saturday
    CHECK_FALSE(isWorkingDay({2026, 11, 29})); // Sunday
    CHECK_FALSE(isWorkingDay({2025, 9, 2}));   // National Day
    CHECK_FALSE(isWorkingDay({2026, 1, 1}));
    CHECK_FALSE(isWorkingDay({2025, 1, 29})); // Tết
    for (const PublicHoliday& holiday : publicHolidays()) {
        INFO(formatDate(holiday.date));
        CHECK(weekday(holiday.date) < 5); // only weekday rows belong in the table
    }
}

TEST_CASE("a same-day procedure received before 15:00 is due that afternoon", "[dossier]") {
    auto due = computeAppointment(at({2026, 11, 25}, 14, 59), days(0));
    CHECK(due == at({2026, 11, 25}, kAppointmentHour, 0));
}

TEST_CASE("received at or after 15:00 counts from the next working day", "[dossier]") {
    CHECK(computeAppointment(at({2026, 11, 25}, 15, 0), days(0)).date == CivilDate{2026, 11, 26});
    // Friday after 15:00 -> Monday.
    CHECK(computeAppointment(at({2026, 11, 27}, 16, 30), days(0)).date == CivilDate{2026, 11, 30});
    // Saturday morning -> Monday.
    CHECK(computeAppointment(at({2026, 11, 28}, 9, 0), days(0)).date == CivilDate{2026, 11, 30});
}

TEST_CASE("working days skip weekends and holidays", "[dossier]") {
    // Monday + 3 working days = Thursday.
    CHECK(computeAppointment(at({2026, 11, 23}, 10, 0), days(3)).date == CivilDate{2026, 11, 26});
    // Thursday after 15:00: start Friday, +3 -> Wednesday.
    CHECK(computeAppointment(at({2026, 11, 26}, 15, 30), days(3)).date == CivilDate{2026, 12, 2});
    // 28/8/2025 (Thursday) + 3 working days skips 1-2/9 (holidays) -> 4/9.
    CHECK(computeAppointment(at({2025, 8, 28}, 8, 0), days(3)).date == CivilDate{2025, 9, 4});
    // Friday 24/1/2025 + 1 skips the whole Tết week -> Monday 3/2.
    CHECK(computeAppointment(at({2025, 1, 24}, 8, 0), days(1)).date == CivilDate{2025, 2, 3});
}

TEST_CASE("Vietnam time is UTC+7 and the compact form round-trips", "[dossier]") {
    // 2026-11-25 07:30:00 UTC = 14:30 in Vĩnh Tường.
    LocalDateTime local = vietnamTimeFromUnix(1795591800);
    CHECK(formatCompact(local) == "20261125143000");
    CHECK(unixFromVietnamTime(local) == 1795591800);
    CHECK(parseCompact("20261125143000") == std::optional<LocalDateTime>(local));
    CHECK_FALSE(parseCompact("20261131143000"));
    CHECK_FALSE(parseCompact("2026112514300"));
}
