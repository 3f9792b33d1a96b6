// Report queries: daily counts for rolled-up days, grouped raw rows for the rest.
#include "kiosk/usage/usage_report.hpp"

#include "kiosk/usage/usage_store.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

namespace kiosk {
namespace {

using namespace std::chrono;

struct CountRow {
    std::int64_t day;
    UsageKind kind;
    std::string code;
    int outcome;
    int value;
    Assisted assisted;
    std::int64_t count;
};

std::vector<NamedCount> toNamedCounts(const std::map<std::string, std::int64_t>& counts) {
    std::vector<NamedCount> out;
    out.reserve(counts.size());
    for (const auto& [name, count] : counts) {
        out.push_back(NamedCount{name, count});
    }
    return out;
}

// Folds the rows into the report; rows may repeat a key (aggregate and raw parts).
UsageReport assemble(DateRange range, const std::vector<CountRow>& rows) {
    UsageReport report;
    report.range = range;
    std::int64_t firstDay = range.from.time_since_epoch().count();
    std::int64_t dayCount = (range.to - range.from).count() + 1;
    report.perDay.resize(static_cast<std::size_t>(dayCount));
    for (std::int64_t i = 0; i < dayCount; ++i) {
        report.perDay[static_cast<std::size_t>(i)].day = range.from + days(i);
    }
    std::map<std::string, ProcedureFigures> procedures;
    std::map<std::string, std::int64_t> lessons;
    std::map<std::string, std::int64_t> screens;
    std::map<std::string, std::int64_t> volunteers;
    std::map<std::pair<int, int>, std::int64_t> faults;
    std::vector<std::pair<const CountRow*, std::int64_t>> ratingRows;

    for (const CountRow& row : rows) {
        std::int64_t index = row.day - firstDay;
        if (index < 0 || index >= dayCount) {
            continue;
        }
        DayFigures& day = report.perDay[static_cast<std::size_t>(index)];
        switch (row.kind) {
        case UsageKind::SessionStarted:
            report.sessions += row.count;
            day.sessions += row.count;
            if (row.code == "vi") {
                report.sessionsVietnamese += row.count;
            } else if (row.code == "en") {
                report.sessionsEnglish += row.count;
            }
            break;
        case UsageKind::SessionEnded:
            report.sessionsEnded += row.count;
            if (row.value >= 0 && row.value < kDurationBucketCount) {
                report.durations[static_cast<std::size_t>(row.value)] += row.count;
            }
            if (row.assisted == Assisted::Yes) {
                report.assistedSessions += row.count;
                day.assistedSessions += row.count;
            }
            break;
        case UsageKind::ScreenReached:
            screens[row.code] += row.count;
            break;
        case UsageKind::ProcedureChosen: {
            ProcedureFigures& figures = procedures[row.code];
            figures.code = row.code;
            figures.chosen += row.count;
            break;
        }
        case UsageKind::Dossier: {
            ProcedureFigures& figures = procedures[row.code];
            figures.code = row.code;
            switch (static_cast<DossierOutcome>(row.outcome)) {
            case DossierOutcome::Submitted:
                figures.submitted += row.count;
                report.dossiersSubmitted += row.count;
                day.dossiers += row.count;
                break;
            case DossierOutcome::Queued:
                figures.queued += row.count;
                report.dossiersQueued += row.count;
                day.dossiers += row.count;
                break;
            case DossierOutcome::Failed:
                figures.failed += row.count;
                report.dossiersFailed += row.count;
                break;
            }
            break;
        }
        case UsageKind::CardRead:
            if (row.outcome == 0) {
                report.cardReadsOk += row.count;
            } else if (row.outcome > 0 && row.outcome <= kCardFailureLast) {
                report.cardReadFailures[static_cast<std::size_t>(row.outcome)] += row.count;
            }
            break;
        case UsageKind::Receipt:
            (row.outcome == 0 ? report.receiptsPrinted : report.receiptsFailed) += row.count;
            break;
        case UsageKind::LessonCompleted:
            lessons[row.code] += row.count;
            report.lessonsCompleted += row.count;
            day.lessons += row.count;
            break;
        case UsageKind::Satisfaction:
            report.ratings += row.count;
            report.ratingScale = std::max(report.ratingScale, row.outcome);
            ratingRows.emplace_back(&row, row.count);
            break;
        case UsageKind::DeviceFault: {
            int device = -1;
            for (int candidate = 0; candidate <= kUsageDeviceLast; ++candidate) {
                if (row.code == usageDeviceName(static_cast<UsageDevice>(candidate))) {
                    device = candidate;
                }
            }
            if (device >= 0) {
                faults[{device, row.outcome}] += row.count;
                report.deviceFaultsTotal += row.count;
                day.deviceFaults += row.count;
            }
            break;
        }
        case UsageKind::VolunteerAssisted:
            volunteers[row.code] += row.count;
            break;
        }
    }

    if (report.ratings > 0) {
        // Rescale each answer linearly onto the largest scale: 1 stays 1, the top stays the top.
        double sum = 0;
        double top = report.ratingScale;
        for (const auto& [row, count] : ratingRows) {
            double scale = row->outcome;
            double rescaled = 1.0 + (row->value - 1.0) * (top - 1.0) / (scale - 1.0);
            sum += rescaled * static_cast<double>(count);
        }
        report.averageRating = sum / static_cast<double>(report.ratings);
    }
    for (auto& [code, figures] : procedures) {
        report.procedures.push_back(figures);
    }
    report.lessons = toNamedCounts(lessons);
    report.screens = toNamedCounts(screens);
    report.volunteers = toNamedCounts(volunteers);
    for (const auto& [key, count] : faults) {
        report.deviceFaults.push_back(DeviceFaultFigures{
            static_cast<UsageDevice>(key.first), static_cast<FaultCategory>(key.second), count});
    }
    return report;
}

Status readRows(sqlite3* db, const char* sql, std::int64_t from, std::int64_t to,
                std::vector<CountRow>& rows) {
    if (from > to) {
        return ok();
    }
    auto statement = usagedb::Statement::prepare(db, sql);
    if (!statement) {
        return statement.error();
    }
    statement->bind(1, from).bind(2, to);
    int rc = SQLITE_ROW;
    while ((rc = statement->step()) == SQLITE_ROW) {
        rows.push_back(
            CountRow{statement->columnInt(0), static_cast<UsageKind>(statement->columnInt(1)),
                     statement->columnText(2), static_cast<int>(statement->columnInt(3)),
                     static_cast<int>(statement->columnInt(4)),
                     static_cast<Assisted>(statement->columnInt(5)), statement->columnInt(6)});
    }
    if (rc != SQLITE_DONE) {
        return usagedb::sqliteError(db, rc, "reading usage counts");
    }
    return ok();
}

} // namespace

UsageDate kioskToday(system_clock::time_point now, minutes utcOffset) {
    return UsageDate(days(usagedb::dayOfMinute(usagedb::unixMinute(now), utcOffset)));
}

DateRange dateRangeFor(ReportPeriod period, UsageDate today) {
    switch (period) {
    case ReportPeriod::Today:
        return {today, today};
    case ReportPeriod::ThisWeek: {
        std::chrono::weekday weekDay(today);
        // iso_encoding: Monday 1 .. Sunday 7.
        auto sinceMonday = days(weekDay.iso_encoding() - 1);
        return {today - sinceMonday, today};
    }
    case ReportPeriod::ThisMonth: {
        year_month_day date(today);
        return {sys_days(date.year() / date.month() / day(1)), today};
    }
    }
    return {today, today};
}

std::optional<UsageDate> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return std::nullopt;
            }
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    auto y = number(0, 4);
    auto m = number(5, 2);
    auto d = number(8, 2);
    if (!y || !m || !d) {
        return std::nullopt;
    }
    year_month_day date{year(*y), month(static_cast<unsigned>(*m)), day(static_cast<unsigned>(*d))};
    if (!date.ok()) {
        return std::nullopt;
    }
    return sys_days(date);
}

std::string formatIsoDate(UsageDate date) {
    year_month_day ymd(date);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

double UsageReport::assistedShare() const {
    if (sessionsEnded == 0) {
        return 0.0;
    }
    return static_cast<double>(assistedSessions) / static_cast<double>(sessionsEnded);
}

std::int64_t UsageReport::cardReadsFailed() const {
    std::int64_t total = 0;
    for (std::int64_t count : cardReadFailures) {
        total += count;
    }
    return total;
}

Result<UsageReport> buildUsageReport(sqlite3* db, DateRange range) {
    if (range.to < range.from) {
        return makeError("report.bad_range", "the report range ends before it starts");
    }
    if (range.to - range.from > days(366 * 20)) {
        return makeError("report.bad_range", "a report covers at most 20 years");
    }
    std::int64_t from = range.from.time_since_epoch().count();
    std::int64_t to = range.to.time_since_epoch().count();
    if (auto status = usagedb::exec(db, "BEGIN"); !status) {
        return status.error();
    }
    auto finish = [db](Error error) -> Result<UsageReport> {
        usagedb::exec(db, "ROLLBACK");
        return error;
    };
    auto through = usagedb::rolledUpThrough(db);
    if (!through) {
        return finish(through.error());
    }
    std::vector<CountRow> rows;
    std::int64_t lastAggregated = std::min(to, *through);
    auto status = readRows(db,
                           "SELECT day, kind, code, outcome, value, assisted, count "
                           "FROM usage_daily WHERE day BETWEEN ?1 AND ?2",
                           from, lastAggregated, rows);
    if (status) {
        status = readRows(db,
                          "SELECT day, kind, code, outcome, value, assisted, count(*) "
                          "FROM usage_event WHERE day BETWEEN ?1 AND ?2 "
                          "GROUP BY day, kind, code, outcome, value, assisted",
                          std::max(from, *through + 1), to, rows);
    }
    if (!status) {
        return finish(status.error());
    }
    usagedb::exec(db, "COMMIT");
    return assemble(range, rows);
}

Result<UsageReport> buildUsageReport(const std::filesystem::path& database, DateRange range) {
    std::error_code error;
    if (!std::filesystem::exists(database, error)) {
        return makeError("report.no_database", database.string() + ": no usage database there");
    }
    auto db = usagedb::openDatabase(database, usagedb::OpenMode::ReadOnly);
    if (!db) {
        return db.error();
    }
    auto version = usagedb::queryText(db->get(), "PRAGMA user_version");
    if (!version) {
        return version.error();
    }
    if (*version != std::to_string(usagedb::kSchemaVersion)) {
        return makeError("report.bad_database",
                         database.string() + ": not a usage database of this kiosk version");
    }
    return buildUsageReport(db->get(), range);
}

} // namespace kiosk
