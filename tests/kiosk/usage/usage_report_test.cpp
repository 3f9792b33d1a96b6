// Usage reports on known synthetic data: every figure, both the rolled-up and the raw part.
#include "kiosk/usage/usage_log.hpp"
#include "kiosk/usage/usage_report.hpp"
#include "tests/kiosk/usage/usage_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono;

namespace {

constexpr sys_days kUsageReportToday = sys_days(year(2026) / November / day(25)); // a Wednesday

struct Visit {
    Language language = Language::Vietnamese;
    Assisted assisted = Assisted::No;
    seconds duration{120};
    const char* procedure = nullptr;
    std::optional<DossierOutcome> dossier = std::nullopt;
    std::optional<CardFailure> card = std::nullopt;
    bool receipt = false;
    const char* lesson = nullptr;
    int rating = 0;
    int ratingScale = 5;
};

void recordVisit(UsageLog& log, const Visit& visit) {
    UsageSession session{*newUsageSessionId(), visit.assisted, 0};
    REQUIRE(log.record(UsageEvent::sessionStarted(session, visit.language)).ok());
    REQUIRE(log.record(UsageEvent::screenReached(session, Screen::Home)).ok());
    if (visit.procedure != nullptr) {
        auto code = *ProcedureCode::parse(visit.procedure);
        REQUIRE(log.record(UsageEvent::procedureChosen(session, code)).ok());
        if (visit.card) {
            REQUIRE(log.record(UsageEvent::cardRead(session, *visit.card)).ok());
        }
        if (visit.dossier) {
            REQUIRE(log.record(UsageEvent::dossier(session, code, *visit.dossier)).ok());
        }
        if (visit.receipt) {
            REQUIRE(log.record(UsageEvent::receipt(session, ReceiptOutcome::Printed)).ok());
        }
    }
    if (visit.lesson != nullptr) {
        REQUIRE(
            log.record(UsageEvent::lessonCompleted(session, *LessonId::parse(visit.lesson))).ok());
    }
    if (visit.rating > 0) {
        auto rating = *Rating::make(visit.rating, visit.ratingScale);
        REQUIRE(log.record(UsageEvent::satisfaction(session, rating)).ok());
    }
    REQUIRE(log.record(UsageEvent::sessionEnded(session, visit.duration)).ok());
}

// October 31st (outside the range), November 3rd and 10th (rolled up) and today (raw rows).
void recordMonth(const std::filesystem::path& path) {
    FakeWallClock clock(localTime(kUsageReportToday, 8));
    UsageLogOptions options;
    options.databasePath = path;
    options.flushInterval = hours(1);
    UsageLog log(options, nullptr, clock.function());

    clock.set(localTime(sys_days(year(2026) / October / day(31)), 16));
    for (int i = 0; i < 4; ++i) {
        recordVisit(log, Visit{.procedure = "1.001193", .dossier = DossierOutcome::Submitted});
    }

    clock.set(localTime(sys_days(year(2026) / November / day(3)), 9, 30));
    const int ratings[] = {5, 4, 4, 5, 3, 5};
    for (int i = 0; i < 6; ++i) {
        Visit visit{.assisted = i < 2 ? Assisted::Yes : Assisted::No,
                    .duration = seconds(400),
                    .procedure = "1.001193",
                    .dossier = i < 5 ? DossierOutcome::Submitted : DossierOutcome::Failed,
                    .card = i < 5 ? CardFailure::None : CardFailure::AccessDenied,
                    .receipt = i < 5,
                    .lesson = i < 3 ? "vneid-01" : nullptr,
                    .rating = ratings[i]};
        recordVisit(log, visit);
    }

    clock.set(localTime(sys_days(year(2026) / November / day(10)), 23, 59));
    for (int i = 0; i < 2; ++i) {
        recordVisit(log, Visit{.language = Language::English,
                               .duration = seconds(30),
                               .procedure = "2.000528",
                               .dossier = DossierOutcome::Queued});
    }
    REQUIRE(
        log.record(UsageEvent::deviceFault(UsageDevice::Printer, FaultCategory::PaperOut)).ok());

    clock.set(localTime(kUsageReportToday, 8, 5));
    log.flush();
    log.runMaintenance();

    recordVisit(log, Visit{.assisted = Assisted::Yes, .lesson = "vneid-01"});
    recordVisit(log, Visit{.lesson = "vneid-01", .rating = 3, .ratingScale = 3});
    recordVisit(log, Visit{.lesson = "cash-free-payment-02"});
}

const DayFigures& dayOf(const UsageReport& report, unsigned dayOfMonth) {
    return report.perDay.at(dayOfMonth - 1);
}

} // namespace

TEST_CASE("a month report adds rolled-up days and today's raw rows correctly", "[report]") {
    TempDir dir;
    recordMonth(dir / "usage.db");
    CHECK(queryCount(dir / "usage.db", "SELECT value FROM usage_meta") ==
          (kUsageReportToday - days(1)).time_since_epoch().count());

    auto report = buildUsageReport(dir / "usage.db",
                                   dateRangeFor(ReportPeriod::ThisMonth, kUsageReportToday));
    REQUIRE(report.ok());
    CHECK(report->range.from == sys_days(year(2026) / November / day(1)));
    CHECK(report->range.to == kUsageReportToday);

    CHECK(report->sessions == 11);
    CHECK(report->sessionsEnded == 11);
    CHECK(report->sessionsVietnamese == 9);
    CHECK(report->sessionsEnglish == 2);
    CHECK(report->assistedSessions == 3);
    CHECK(report->assistedShare() == Approx(3.0 / 11.0));
    CHECK(report->durations[static_cast<int>(DurationBucket::UnderOneMinute)] == 2);
    CHECK(report->durations[static_cast<int>(DurationBucket::OneToThreeMinutes)] == 3);
    CHECK(report->durations[static_cast<int>(DurationBucket::FiveToTenMinutes)] == 6);

    REQUIRE(report->procedures.size() == 2);
    CHECK(report->procedures[0].code == "1.001193");
    CHECK(report->procedures[0].chosen == 6);
    CHECK(report->procedures[0].submitted == 5);
    CHECK(report->procedures[0].failed == 1);
    CHECK(report->procedures[1].code == "2.000528");
    CHECK(report->procedures[1].queued == 2);
    CHECK(report->dossiersSubmitted == 5);
    CHECK(report->dossiersQueued == 2);
    CHECK(report->dossiersFailed == 1);

    CHECK(report->lessonsCompleted == 6);
    REQUIRE(report->lessons.size() == 2);
    CHECK(report->lessons[0].name == "cash-free-payment-02");
    CHECK(report->lessons[0].count == 1);
    CHECK(report->lessons[1].name == "vneid-01");
    CHECK(report->lessons[1].count == 5);

    // Six answers on 5 faces summing 26, one top answer on 3 faces counted as 5.
    CHECK(report->ratings == 7);
    CHECK(report->ratingScale == 5);
    CHECK(report->averageRating == Approx(31.0 / 7.0));

    CHECK(report->cardReadsOk == 5);
    CHECK(report->cardReadFailures[static_cast<int>(CardFailure::AccessDenied)] == 1);
    CHECK(report->cardReadsFailed() == 1);
    CHECK(report->receiptsPrinted == 5);
    CHECK(report->receiptsFailed == 0);

    REQUIRE(report->deviceFaults.size() == 1);
    CHECK(report->deviceFaults[0].device == UsageDevice::Printer);
    CHECK(report->deviceFaults[0].fault == FaultCategory::PaperOut);
    CHECK(report->deviceFaultsTotal == 1);

    REQUIRE(report->screens.size() == 1);
    CHECK(report->screens[0].name == "home");
    CHECK(report->screens[0].count == 11);

    REQUIRE(report->perDay.size() == 25);
    CHECK(dayOf(*report, 3).sessions == 6);
    CHECK(dayOf(*report, 3).assistedSessions == 2);
    CHECK(dayOf(*report, 3).dossiers == 5);
    CHECK(dayOf(*report, 3).lessons == 3);
    CHECK(dayOf(*report, 10).sessions == 2);
    CHECK(dayOf(*report, 10).dossiers == 2);
    CHECK(dayOf(*report, 10).deviceFaults == 1);
    CHECK(dayOf(*report, 25).sessions == 3);
    CHECK(dayOf(*report, 25).assistedSessions == 1);
    CHECK(dayOf(*report, 25).lessons == 3);
    CHECK(dayOf(*report, 4).sessions == 0);
}

TEST_CASE("a report of today only sees today's raw rows", "[report]") {
    TempDir dir;
    recordMonth(dir / "usage.db");
    auto report =
        buildUsageReport(dir / "usage.db", dateRangeFor(ReportPeriod::Today, kUsageReportToday));
    REQUIRE(report.ok());
    CHECK(report->sessions == 3);
    CHECK(report->lessonsCompleted == 3);
    CHECK(report->perDay.size() == 1);
}

TEST_CASE("a custom range ending before the roll-up reads only daily counts", "[report]") {
    TempDir dir;
    recordMonth(dir / "usage.db");
    auto report =
        buildUsageReport(dir / "usage.db", DateRange{sys_days(year(2026) / October / day(30)),
                                                     sys_days(year(2026) / November / day(3))});
    REQUIRE(report.ok());
    CHECK(report->sessions == 10);
    CHECK(report->dossiersSubmitted == 9);
}

TEST_CASE("report ranges: today, this week from Monday, this month from the 1st", "[report]") {
    auto today = dateRangeFor(ReportPeriod::Today, kUsageReportToday);
    CHECK(today.from == kUsageReportToday);
    CHECK(today.to == kUsageReportToday);
    auto week = dateRangeFor(ReportPeriod::ThisWeek, kUsageReportToday);
    CHECK(week.from == sys_days(year(2026) / November / day(23)));
    auto sunday = dateRangeFor(ReportPeriod::ThisWeek, sys_days(year(2026) / November / day(29)));
    CHECK(sunday.from == sys_days(year(2026) / November / day(23)));
    auto month = dateRangeFor(ReportPeriod::ThisMonth, kUsageReportToday);
    CHECK(month.from == sys_days(year(2026) / November / day(1)));
}

TEST_CASE("kiosk days follow Vietnam time, not UTC", "[report]") {
    // 18:30 UTC on the 24th is 01:30 on the 25th in Vietnam.
    auto utcEvening = sys_days(year(2026) / November / day(24)) + hours(18) + minutes(30);
    CHECK(kioskToday(utcEvening, hours(7)) == kUsageReportToday);
    CHECK(kioskToday(utcEvening, hours(0)) == kUsageReportToday - days(1));
}

TEST_CASE("report dates are strict YYYY-MM-DD calendar dates", "[report]") {
    CHECK(parseIsoDate("2026-11-25") == kUsageReportToday);
    CHECK(parseIsoDate("2024-02-29").has_value());
    for (const char* bad : {"", "2026-11-5", "2026/11/25", "2025-02-29", "2026-13-01", "2026-11-31",
                            "26-11-25", "2026-11-25x", "２026-11-25"}) {
        INFO(bad);
        CHECK_FALSE(parseIsoDate(bad).has_value());
    }
    CHECK(formatIsoDate(kUsageReportToday) == "2026-11-25");
    CHECK(formatIsoDate(sys_days(year(2027) / January / day(3))) == "2027-01-03");
}

TEST_CASE("a report refuses a backwards range and a missing database", "[report]") {
    TempDir dir;
    auto backwards = buildUsageReport(dir / "usage.db",
                                      DateRange{kUsageReportToday, kUsageReportToday - days(1)});
    REQUIRE_FALSE(backwards.ok());
    recordMonth(dir / "usage.db");
    auto reversed = buildUsageReport(dir / "usage.db",
                                     DateRange{kUsageReportToday, kUsageReportToday - days(1)});
    REQUIRE_FALSE(reversed.ok());
    CHECK(reversed.error().code == "report.bad_range");
    auto missing =
        buildUsageReport(dir / "nothing.db", DateRange{kUsageReportToday, kUsageReportToday});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "report.no_database");
    CHECK_FALSE(std::filesystem::exists(dir / "nothing.db"));
}

TEST_CASE("sessions per volunteer are counted by pseudonymous code", "[report]") {
    TempDir dir;
    FakeWallClock clock(localTime(kUsageReportToday, 9));
    {
        UsageLogOptions options;
        options.databasePath = dir / "usage.db";
        UsageLog log(options, nullptr, clock.function());
        auto lan = *VolunteerCode::parse("vol-0a1b2c3d");
        auto binh = *VolunteerCode::parse("vol-99999999");
        for (int i = 0; i < 7; ++i) {
            UsageSession session{*newUsageSessionId(), Assisted::Yes, 0};
            log.record(UsageEvent::volunteerAssisted(session, i < 5 ? lan : binh));
        }
    }
    auto report =
        buildUsageReport(dir / "usage.db", DateRange{kUsageReportToday, kUsageReportToday});
    REQUIRE(report.ok());
    REQUIRE(report->volunteers.size() == 2);
    CHECK(report->volunteers[0].name == "vol-0a1b2c3d");
    CHECK(report->volunteers[0].count == 5);
    CHECK(report->volunteers[1].count == 2);
}
