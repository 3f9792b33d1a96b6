// Usage reports for a date range, read from the daily counts plus the raw rows of recent days.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/usage/usage_event.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace kiosk {

// A calendar date in the kiosk's local time. sys_days is used only as a date type here.
using UsageDate = std::chrono::sys_days;

// Both ends included.
struct DateRange {
    UsageDate from;
    UsageDate to;
};

enum class ReportPeriod { Today, ThisWeek, ThisMonth };

UsageDate kioskToday(std::chrono::system_clock::time_point now, std::chrono::minutes utcOffset);
// ThisWeek starts on Monday (the Vietnamese working week); ThisMonth on the 1st.
DateRange dateRangeFor(ReportPeriod period, UsageDate today);

// Strict YYYY-MM-DD of a real calendar date.
std::optional<UsageDate> parseIsoDate(std::string_view text);
std::string formatIsoDate(UsageDate date);

struct ProcedureFigures {
    std::string code; // mã TTHC
    std::int64_t chosen = 0;
    std::int64_t submitted = 0;
    std::int64_t queued = 0;
    std::int64_t failed = 0;
};

struct NamedCount {
    std::string name; // lesson id, screen name or volunteer code
    std::int64_t count = 0;
};

struct DeviceFaultFigures {
    UsageDevice device;
    FaultCategory fault;
    std::int64_t count = 0;
};

// One bar of the per-day charts.
struct DayFigures {
    UsageDate day;
    std::int64_t sessions = 0;
    std::int64_t assistedSessions = 0;
    std::int64_t dossiers = 0; // submitted or queued
    std::int64_t lessons = 0;
    std::int64_t deviceFaults = 0;
};

struct UsageReport {
    DateRange range;

    std::int64_t sessions = 0;      // started
    std::int64_t sessionsEnded = 0; // ended (the base of the assisted share and durations)
    std::int64_t assistedSessions = 0;
    std::array<std::int64_t, kDurationBucketCount> durations{};
    std::int64_t sessionsVietnamese = 0;
    std::int64_t sessionsEnglish = 0;

    std::vector<ProcedureFigures> procedures; // by code
    std::int64_t dossiersSubmitted = 0;
    std::int64_t dossiersQueued = 0;
    std::int64_t dossiersFailed = 0;

    std::vector<NamedCount> lessons; // by lesson id
    std::int64_t lessonsCompleted = 0;

    std::int64_t ratings = 0;
    int ratingScale = 0;        // the largest scale answered on; 0 without ratings
    double averageRating = 0.0; // on ratingScale; answers on other scales are rescaled

    std::int64_t cardReadsOk = 0;
    std::array<std::int64_t, kCardFailureLast + 1> cardReadFailures{}; // by CardFailure
    std::int64_t receiptsPrinted = 0;
    std::int64_t receiptsFailed = 0;

    std::vector<DeviceFaultFigures> deviceFaults; // by device, then fault
    std::int64_t deviceFaultsTotal = 0;

    std::vector<NamedCount> screens;    // sessions that reached each screen
    std::vector<NamedCount> volunteers; // sessions per volunteer code (when counted)

    std::vector<DayFigures> perDay; // every day of the range, zeros included

    // Share of ended sessions that had a volunteer's help, 0 to 1.
    double assistedShare() const;
    std::int64_t cardReadsFailed() const;
};

// Builds the report inside one read transaction, so a roll-up running meanwhile cannot make a
// day count twice or not at all. Ranges longer than 20 years are refused.
Result<UsageReport> buildUsageReport(sqlite3* db, DateRange range);

// Opens `database` read-only (the kiosk may be writing it) and builds the report.
Result<UsageReport> buildUsageReport(const std::filesystem::path& database, DateRange range);

} // namespace kiosk
