// CSV and printable-summary rendering of a usage report, with small-count suppression.
#include "kiosk/usage/report_export.hpp"

#include <cmath>
#include <cstdio>

namespace kiosk {
namespace {

bool suppressed(std::int64_t count) {
    return count > 0 && count < kSmallCountLimit;
}

std::string percent(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) {
        return "0";
    }
    return std::to_string(
        std::llround(100.0 * static_cast<double>(part) / static_cast<double>(whole)));
}

std::string oneDecimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

class CsvWriter {
public:
    // Every field is a fixed word, a date, a code or a number: none needs quoting.
    void row(std::string_view section, std::string_view date, std::string_view item,
             std::string_view detail, std::string_view value) {
        out_ += section;
        out_ += ',';
        out_ += date;
        out_ += ',';
        out_ += item;
        out_ += ',';
        out_ += detail;
        out_ += ',';
        out_ += value;
        out_ += "\r\n"; // RFC 4180 line ends, which spreadsheet programs expect
    }
    void count(std::string_view section, std::string_view item, std::string_view detail,
               std::int64_t value) {
        row(section, "", item, detail, suppressedCount(value));
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

struct Words {
    const char* title;
    const char* from;
    const char* to;
    const char* sessions;
    const char* assisted;
    const char* dossiers;
    const char* submitted;
    const char* queued;
    const char* failed;
    const char* byProcedure;
    const char* lessons;
    const char* rating;
    const char* ratingCount;
    const char* cardReads;
    const char* cardOk;
    const char* cardFailed;
    const char* receipts;
    const char* printed;
    const char* faults;
    const char* note;
};

constexpr Words kVietnamese{"BÁO CÁO SỬ DỤNG",
                            "Từ ngày",
                            "Đến ngày",
                            "Lượt sử dụng",
                            "Có tình nguyện viên hỗ trợ",
                            "Hồ sơ",
                            "Đã nộp",
                            "Chờ gửi",
                            "Lỗi",
                            "Theo thủ tục",
                            "Bài học hoàn thành",
                            "Mức hài lòng trung bình",
                            "Số lượt đánh giá",
                            "Đọc thẻ CCCD",
                            "Thành công",
                            "Không đọc được",
                            "Biên nhận",
                            "Đã in",
                            "Sự cố thiết bị",
                            "Số nhỏ hơn 5 được ghi là <5"};

constexpr Words kEnglish{"USAGE REPORT",
                         "From",
                         "To",
                         "Sessions",
                         "With a volunteer's help",
                         "Dossiers",
                         "Submitted",
                         "Queued",
                         "Failed",
                         "By procedure",
                         "Lessons completed",
                         "Average satisfaction",
                         "Ratings",
                         "ID card reads",
                         "Succeeded",
                         "Failed",
                         "Receipts",
                         "Printed",
                         "Device faults",
                         "Counts under 5 are shown as <5"};

} // namespace

std::string suppressedCount(std::int64_t count) {
    if (suppressed(count)) {
        return "<5";
    }
    return std::to_string(count);
}

std::string usageReportCsv(const UsageReport& report) {
    CsvWriter csv;
    csv.row("section", "date", "item", "detail", "value");
    csv.row("report", "", "from", "", formatIsoDate(report.range.from));
    csv.row("report", "", "to", "", formatIsoDate(report.range.to));

    csv.count("sessions", "started", "", report.sessions);
    csv.count("sessions", "ended", "", report.sessionsEnded);
    csv.count("sessions", "assisted", "", report.assistedSessions);
    if (!suppressed(report.assistedSessions) && report.sessionsEnded >= kSmallCountLimit) {
        csv.row("sessions", "", "assisted_percent", "",
                percent(report.assistedSessions, report.sessionsEnded));
    }
    csv.count("sessions", "language", "vi", report.sessionsVietnamese);
    csv.count("sessions", "language", "en", report.sessionsEnglish);
    for (int bucket = 0; bucket < kDurationBucketCount; ++bucket) {
        csv.count("sessions", "duration", durationBucketName(static_cast<DurationBucket>(bucket)),
                  report.durations[static_cast<std::size_t>(bucket)]);
    }

    csv.count("dossiers", "total", "submitted", report.dossiersSubmitted);
    csv.count("dossiers", "total", "queued", report.dossiersQueued);
    csv.count("dossiers", "total", "failed", report.dossiersFailed);
    for (const ProcedureFigures& procedure : report.procedures) {
        csv.count("dossiers", procedure.code, "chosen", procedure.chosen);
        csv.count("dossiers", procedure.code, "submitted", procedure.submitted);
        csv.count("dossiers", procedure.code, "queued", procedure.queued);
        csv.count("dossiers", procedure.code, "failed", procedure.failed);
    }

    csv.count("lessons", "total", "", report.lessonsCompleted);
    for (const NamedCount& lesson : report.lessons) {
        csv.count("lessons", lesson.name, "", lesson.count);
    }

    csv.count("rating", "answers", "", report.ratings);
    if (report.ratings >= kSmallCountLimit) {
        csv.row("rating", "", "average", std::to_string(report.ratingScale),
                oneDecimal(report.averageRating));
    }

    csv.count("card_read", "ok", "", report.cardReadsOk);
    for (int failure = 1; failure <= kCardFailureLast; ++failure) {
        csv.count("card_read", cardFailureName(static_cast<CardFailure>(failure)), "",
                  report.cardReadFailures[static_cast<std::size_t>(failure)]);
    }
    csv.count("receipt", "printed", "", report.receiptsPrinted);
    csv.count("receipt", "failed", "", report.receiptsFailed);

    csv.count("device_fault", "total", "", report.deviceFaultsTotal);
    for (const DeviceFaultFigures& fault : report.deviceFaults) {
        csv.count("device_fault", usageDeviceName(fault.device), faultCategoryName(fault.fault),
                  fault.count);
    }
    for (const NamedCount& screen : report.screens) {
        csv.count("screen", screen.name, "", screen.count);
    }
    for (const NamedCount& volunteer : report.volunteers) {
        csv.count("volunteer", volunteer.name, "", volunteer.count);
    }
    for (const DayFigures& day : report.perDay) {
        std::string date = formatIsoDate(day.day);
        csv.row("day", date, "sessions", "", suppressedCount(day.sessions));
        csv.row("day", date, "assisted", "", suppressedCount(day.assistedSessions));
        csv.row("day", date, "dossiers", "", suppressedCount(day.dossiers));
        csv.row("day", date, "lessons", "", suppressedCount(day.lessons));
        csv.row("day", date, "device_faults", "", suppressedCount(day.deviceFaults));
    }
    return csv.take();
}

std::vector<SummaryLine> usageReportSummary(const UsageReport& report, Language language) {
    const Words& w = language == Language::Vietnamese ? kVietnamese : kEnglish;
    std::vector<SummaryLine> lines;
    auto item = [&](std::string label, std::string value) {
        lines.push_back(SummaryLine{SummaryStyle::Item, std::move(label), std::move(value)});
    };
    auto heading = [&](std::string label, std::string value = {}) {
        lines.push_back(SummaryLine{SummaryStyle::Heading, std::move(label), std::move(value)});
    };
    lines.push_back(SummaryLine{SummaryStyle::Title, w.title, ""});
    item(w.from, formatIsoDate(report.range.from));
    item(w.to, formatIsoDate(report.range.to));

    heading(w.sessions, suppressedCount(report.sessions));
    std::string assisted = suppressedCount(report.assistedSessions);
    if (!suppressed(report.assistedSessions) && report.sessionsEnded >= kSmallCountLimit) {
        assisted += " (" + percent(report.assistedSessions, report.sessionsEnded) + "%)";
    }
    item(w.assisted, assisted);

    heading(w.dossiers);
    item(w.submitted, suppressedCount(report.dossiersSubmitted));
    item(w.queued, suppressedCount(report.dossiersQueued));
    item(w.failed, suppressedCount(report.dossiersFailed));
    if (!report.procedures.empty()) {
        heading(w.byProcedure);
        for (const ProcedureFigures& procedure : report.procedures) {
            item("  " + procedure.code, suppressedCount(procedure.submitted + procedure.queued));
        }
    }

    heading(w.lessons, suppressedCount(report.lessonsCompleted));

    heading(w.rating, report.ratings >= kSmallCountLimit ? oneDecimal(report.averageRating) + "/" +
                                                               std::to_string(report.ratingScale)
                                                         : "-");
    item(w.ratingCount, suppressedCount(report.ratings));

    heading(w.cardReads);
    item(w.cardOk, suppressedCount(report.cardReadsOk));
    item(w.cardFailed, suppressedCount(report.cardReadsFailed()));

    heading(w.receipts);
    item(w.printed, suppressedCount(report.receiptsPrinted));
    item(w.failed, suppressedCount(report.receiptsFailed));

    heading(w.faults, suppressedCount(report.deviceFaultsTotal));
    for (const DeviceFaultFigures& fault : report.deviceFaults) {
        item("  " + std::string(usageDeviceName(fault.device)) + " / " +
                 std::string(faultCategoryName(fault.fault)),
             suppressedCount(fault.count));
    }
    item(w.note, "");
    return lines;
}

} // namespace kiosk
