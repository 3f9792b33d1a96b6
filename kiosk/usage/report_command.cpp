// The output of `kioskctl report` (parsed in kiosk/cli/kioskctl_cli.cpp).
#include "kiosk/usage/report_command.hpp"

#include "kiosk/config/config.hpp"
#include "kiosk/usage/report_export.hpp"
#include "kiosk/usage/usage_log.hpp"

#include <chrono>

namespace kiosk {

std::filesystem::path defaultUsageDatabase() {
    return usageDatabasePath(PathConfig{}.dataDir);
}

int runReportCommand(const ReportRequest& request, std::ostream& out, std::ostream& err) {
    DateRange range;
    if (request.period && !request.from && !request.to) {
        // The kiosk's own calendar (UTC+7), like the usage log.
        range = dateRangeFor(*request.period,
                             kioskToday(std::chrono::system_clock::now(), std::chrono::hours(7)));
    } else if (!request.period && request.from && request.to) {
        range = DateRange{*request.from, *request.to};
    } else {
        err << "kioskctl report: give either --from and --to, or --period\n";
        return 2;
    }

    auto report = buildUsageReport(request.database, range);
    if (!report) {
        err << "kioskctl report: " << report.error().message << '\n';
        return 1;
    }
    if (request.csv) {
        out << usageReportCsv(*report);
        return 0;
    }
    for (const SummaryLine& line : usageReportSummary(*report, request.language)) {
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
