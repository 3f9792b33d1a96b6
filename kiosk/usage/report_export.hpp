// Usage report exports: CSV with small counts suppressed, and a printable summary as plain lines.
#pragma once

#include "kiosk/i18n/language.hpp"
#include "kiosk/usage/usage_report.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

// Counts from 1 to 4 are shown as "<5": in a small village, "2 dossiers for procedure X on
// Tuesday" can point at a person. Zero is shown as it is.
constexpr std::int64_t kSmallCountLimit = 5;
std::string suppressedCount(std::int64_t count);

// Columns: section,date,item,detail,value. Every count passes through suppressedCount; shares
// and averages are left out when the count they rest on is suppressed.
std::string usageReportCsv(const UsageReport& report);

enum class SummaryStyle { Title, Heading, Item };

// One line of the printed summary: the receipt code puts `label` left and `value` right.
struct SummaryLine {
    SummaryStyle style;
    std::string label;
    std::string value;
};

// The same figures (suppressed the same way) for the receipt printer, in `language`.
std::vector<SummaryLine> usageReportSummary(const UsageReport& report, Language language);

} // namespace kiosk
