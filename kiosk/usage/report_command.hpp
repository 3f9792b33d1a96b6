// `kioskctl report`: a usage report for a date range as CSV or as the printable summary.
#pragma once

#include "kiosk/i18n/language.hpp"
#include "kiosk/usage/usage_report.hpp"

#include <filesystem>
#include <optional>
#include <ostream>

namespace kiosk {

// The usage database of the default data directory.
std::filesystem::path defaultUsageDatabase();

// One `kioskctl report` request, as the command line (kiosk/cli/kioskctl_cli.cpp) parsed it:
// either both dates or a period.
struct ReportRequest {
    std::optional<UsageDate> from;
    std::optional<UsageDate> to;
    std::optional<ReportPeriod> period;
    bool csv = false;
    Language language = Language::Vietnamese;
    std::filesystem::path database = defaultUsageDatabase();
};

// Returns the exit status: 0 done, 1 the report could not be made, 2 neither both dates nor a
// period were given.
int runReportCommand(const ReportRequest& request, std::ostream& out, std::ostream& err);

} // namespace kiosk
