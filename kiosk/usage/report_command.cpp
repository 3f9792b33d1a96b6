// Argument handling and output of `kioskctl report`.
#include "kiosk/usage/report_command.hpp"

#include "kiosk/config/config.hpp"
#include "kiosk/usage/report_export.hpp"
#include "kiosk/usage/usage_log.hpp"

#include <chrono>
#include <optional>

namespace kiosk {
namespace {

int usageError(std::ostream& err, const std::string& problem) {
    err << "kioskctl report: " << problem << "\n"
        << "usage: kioskctl report (--from YYYY-MM-DD --to YYYY-MM-DD | --period "
           "today|week|month) [--csv] [--db FILE] [--lang vi|en]\n";
    return 2;
}

} // namespace

int runReportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::optional<UsageDate> from;
    std::optional<UsageDate> to;
    std::optional<ReportPeriod> period;
    bool csv = false;
    Language language = Language::Vietnamese;
    std::filesystem::path database = usageDatabasePath(PathConfig{}.dataDir);

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag == "--csv") {
            csv = true;
            continue;
        }
        if (i + 1 >= args.size()) {
            return usageError(err, flag + " needs a value");
        }
        const std::string& value = args[++i];
        if (flag == "--from" || flag == "--to") {
            auto date = parseIsoDate(value);
            if (!date) {
                return usageError(err, flag + " must be a date as YYYY-MM-DD");
            }
            (flag == "--from" ? from : to) = *date;
        } else if (flag == "--period") {
            if (value == "today") {
                period = ReportPeriod::Today;
            } else if (value == "week") {
                period = ReportPeriod::ThisWeek;
            } else if (value == "month") {
                period = ReportPeriod::ThisMonth;
            } else {
                return usageError(err, "--period must be today, week or month");
            }
        } else if (flag == "--db") {
            database = value;
        } else if (flag == "--lang") {
            auto parsed = parseLanguage(value);
            if (!parsed) {
                return usageError(err, "--lang must be vi or en");
            }
            language = *parsed;
        } else {
            return usageError(err, "unknown option " + flag);
        }
    }

    DateRange range;
    if (period && !from && !to) {
        // The kiosk's own calendar (UTC+7), like the usage log.
        range = dateRangeFor(*period,
                             kioskToday(std::chrono::system_clock::now(), std::chrono::hours(7)));
    } else if (!period && from && to) {
        range = DateRange{*from, *to};
    } else {
        return usageError(err, "give either --from and --to, or --period");
    }

    auto report = buildUsageReport(database, range);
    if (!report) {
        err << "kioskctl report: " << report.error().message << '\n';
        return 1;
    }
    if (csv) {
        out << usageReportCsv(*report);
        return 0;
    }
    for (const SummaryLine& line : usageReportSummary(*report, language)) {
        if (line.style == SummaryStyle::Heading) {
            out << '\n';
        }
        out << line.label;
        if (!line.value.empty()) {
            out << ": " << line.value;
        }
        out << '\n';
    }
    return 0;
}

} // namespace kiosk
