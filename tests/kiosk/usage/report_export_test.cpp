// CSV export and printed summary: small counts are suppressed everywhere they appear.
#include "kiosk/usage/report_export.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace std::chrono;

namespace {

constexpr sys_days kFirst = sys_days(year(2026) / November / day(1));

UsageReport smallReport() {
    UsageReport report;
    report.range = DateRange{kFirst, kFirst + days(1)};
    report.sessions = 23;
    report.sessionsEnded = 22;
    report.assistedSessions = 3;
    report.sessionsVietnamese = 20;
    report.sessionsEnglish = 3;
    report.procedures.push_back(ProcedureFigures{"1.001193", 9, 7, 0, 2});
    report.dossiersSubmitted = 7;
    report.dossiersFailed = 2;
    report.lessons.push_back(NamedCount{"vneid-01", 5});
    report.lessonsCompleted = 5;
    report.ratings = 4;
    report.ratingScale = 5;
    report.averageRating = 4.75;
    report.deviceFaults.push_back(
        DeviceFaultFigures{UsageDevice::CardReader, FaultCategory::Disconnected, 1});
    report.deviceFaultsTotal = 1;
    report.perDay = {DayFigures{kFirst, 19, 2, 6, 5, 0},
                     DayFigures{kFirst + days(1), 4, 1, 1, 0, 1}};
    return report;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        out.push_back(line);
    }
    return out;
}

bool reportExportContains(const std::vector<std::string>& haystack, const std::string& needle) {
    return std::find(haystack.begin(), haystack.end(), needle) != haystack.end();
}

} // namespace

TEST_CASE("counts from 1 to 4 are shown as <5, zero and 5 as they are", "[report]") {
    CHECK(suppressedCount(0) == "0");
    CHECK(suppressedCount(1) == "<5");
    CHECK(suppressedCount(4) == "<5");
    CHECK(suppressedCount(5) == "5");
    CHECK(suppressedCount(1234) == "1234");
}

TEST_CASE("the CSV export suppresses small counts and what could reveal them", "[report]") {
    auto csv = lines(usageReportCsv(smallReport()));
    REQUIRE_FALSE(csv.empty());
    CHECK(csv[0] == "section,date,item,detail,value");
    CHECK(reportExportContains(csv, "report,,from,,2026-11-01"));
    CHECK(reportExportContains(csv, "report,,to,,2026-11-02"));
    CHECK(reportExportContains(csv, "sessions,,started,,23"));
    CHECK(reportExportContains(csv, "sessions,,assisted,,<5"));
    CHECK(reportExportContains(csv, "sessions,,language,en,<5"));
    CHECK(reportExportContains(csv, "dossiers,,1.001193,submitted,7"));
    CHECK(reportExportContains(csv, "dossiers,,1.001193,failed,<5"));
    CHECK(reportExportContains(csv, "dossiers,,1.001193,queued,0"));
    CHECK(reportExportContains(csv, "lessons,,vneid-01,,5"));
    CHECK(reportExportContains(csv, "rating,,answers,,<5"));
    CHECK(reportExportContains(csv, "device_fault,,card_reader,disconnected,<5"));
    CHECK(reportExportContains(csv, "day,2026-11-01,sessions,,19"));
    CHECK(reportExportContains(csv, "day,2026-11-02,sessions,,<5"));
    CHECK(reportExportContains(csv, "day,2026-11-02,device_faults,,<5"));
    // A percentage or an average over a suppressed count would give the count away.
    for (const std::string& line : csv) {
        CHECK(line.find("assisted_percent") == std::string::npos);
        CHECK(line.find("average") == std::string::npos);
        // No bare small number anywhere in the value column.
        auto comma = line.rfind(',');
        std::string value = line.substr(comma + 1);
        INFO(line);
        CHECK_FALSE((value == "1" || value == "2" || value == "3" || value == "4"));
    }
}

TEST_CASE("the CSV export shows shares and averages resting on enough answers", "[report]") {
    UsageReport report = smallReport();
    report.assistedSessions = 11;
    report.ratings = 8;
    auto csv = lines(usageReportCsv(report));
    CHECK(reportExportContains(csv, "sessions,,assisted_percent,,50"));
    CHECK(reportExportContains(csv, "rating,,average,5,4.8"));
}

TEST_CASE("the printed summary carries the same suppressed figures in Vietnamese", "[report]") {
    auto summary = usageReportSummary(smallReport(), Language::Vietnamese);
    REQUIRE_FALSE(summary.empty());
    CHECK(summary[0].style == SummaryStyle::Title);
    CHECK(summary[0].label == "BÁO CÁO SỬ DỤNG");
    auto find = [&](const std::string& label) -> std::string {
        for (const SummaryLine& line : summary) {
            if (line.label == label) {
                return line.value;
            }
        }
        return "(missing)";
    };
    CHECK(find("Lượt sử dụng") == "23");
    CHECK(find("Có tình nguyện viên hỗ trợ") == "<5");
    CHECK(find("Đã nộp") == "7");
    CHECK(find("Lỗi") == "<5");
    CHECK(find("  1.001193") == "7");
    CHECK(find("Mức hài lòng trung bình") == "-");
    CHECK(find("Sự cố thiết bị") == "<5");

    auto english = usageReportSummary(smallReport(), Language::English);
    CHECK(english[0].label == "USAGE REPORT");
}

TEST_CASE("the printed summary shows no count from 1 to 4 anywhere", "[report]") {
    // Every figure small: nothing but "<5", "0" or "-" may reach the paper.
    UsageReport report;
    report.range = DateRange{kFirst, kFirst + days(6)};
    report.sessions = 4;
    report.sessionsEnded = 4;
    report.assistedSessions = 2;
    report.procedures.push_back(ProcedureFigures{"1.001193", 3, 2, 2, 1});
    report.dossiersSubmitted = 2;
    report.dossiersQueued = 2;
    report.dossiersFailed = 1;
    report.lessonsCompleted = 3;
    report.ratings = 2;
    report.ratingScale = 5;
    report.averageRating = 5.0;
    report.cardReadsOk = 4;
    report.cardReadFailures[1] = 1;
    report.cardReadFailures[2] = 2;
    report.receiptsPrinted = 2;
    report.receiptsFailed = 1;
    report.deviceFaults.push_back(
        DeviceFaultFigures{UsageDevice::Printer, FaultCategory::PaperOut, 3});
    report.deviceFaultsTotal = 3;
    for (Language language : {Language::Vietnamese, Language::English}) {
        for (const SummaryLine& line : usageReportSummary(report, language)) {
            if (line.value.empty() || line.value.starts_with("2026-")) {
                continue; // headings without a figure, and the range
            }
            INFO(line.label << " = " << line.value);
            CHECK((line.value == "<5" || line.value == "0" || line.value == "-"));
        }
    }
}
