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

TEST_CASE("an appointment is always a working day after the moment of receipt", "[dossier]") {
    // Every hour of every day of 2025-2027 (holiday table years), for same-day up to 7-day
    // procedures and for both the usual 15:00 cut-off and a late one, set past the results hour.
    for (int cutoff : {15, 17}) {
        for (int workingDays : {0, 1, 3, 5, 7}) {
            ProcessingTime time = days(workingDays);
            time.cutoffHour = cutoff;
            for (long day = daysSinceEpoch({2025, 1, 1}); day <= daysSinceEpoch({2027, 12, 31});
                 ++day) {
                for (int hour = 0; hour < 24; ++hour) {
                    const LocalDateTime received = at(dateFromDays(day), hour, 30);
                    const LocalDateTime due = computeAppointment(received, time);
                    if (!(due > received) || !isWorkingDay(due.date)) {
                        FAIL("received " << formatDate(received.date) << " " << hour
                                         << ":30, cut-off " << cutoff << ":00, " << workingDays
                                         << " working days: due " << formatDate(due.date) << " "
                                         << due.hour << ":00");
                    }
                }
            }
        }
    }
}

TEST_CASE("the sample receipt's appointment is what the calendar computes", "[dossier]") {
    // Wednesday 25/11/2026 14:05, 3 working days: Monday 30/11, never the Saturday before.
    auto due = computeAppointment(at({2026, 11, 25}, 14, 5), days(3));
    CHECK(due == at({2026, 11, 30}, kAppointmentHour, 0));
    CHECK(weekday(due.date) == 0);
}
