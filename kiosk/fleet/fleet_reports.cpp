// Heartbeat and daily aggregate bodies: built from typed state, suppressed like the CSV export.
#include "kiosk/fleet/fleet_reports.hpp"

#include "kiosk/usage/report_export.hpp"

#include <nlohmann/json.hpp>

namespace kiosk {

std::string_view heartbeatPrinterWord(PrinterState state) {
    switch (state) {
    case PrinterState::Ready:
        return "ready";
    case PrinterState::PaperNearEnd:
        return "paper_low";
    case PrinterState::NoPaper:
        return "paper_out";
    case PrinterState::CoverOpen:
        return "cover_open";
    case PrinterState::Disconnected:
        return "not_connected";
    case PrinterState::Offline:
    case PrinterState::Error:
        return "fault";
    case PrinterState::Unknown:
        break;
    }
    return "unknown";
}

std::string_view heartbeatReaderWord(ReaderState state) {
    switch (state) {
    case ReaderState::NoCard:
    case ReaderState::CardPresent:
        return "ready";
    case ReaderState::Disconnected:
        return "not_connected";
    case ReaderState::Error:
        return "fault";
    case ReaderState::Unknown:
        break;
    }
    return "unknown";
}

std::string heartbeatBody(const HeartbeatReport& report, const std::string& kioskId) {
    nlohmann::json codes = nlohmann::json::array();
    for (int code : report.errorCodes) {
        codes.push_back("KIOSK-" + std::to_string(code));
    }
    nlohmann::json body{
        {"kiosk_id", kioskId},
        {"app_version", report.appVersion},
        {"content_sequence", report.contentSequence},
        {"printer", heartbeatPrinterWord(report.printer)},
        {"reader", heartbeatReaderWord(report.reader)},
        {"outbox_pending", std::max<std::int64_t>(0, report.outboxPending)},
        {"outbox_attention", std::max<std::int64_t>(0, report.outboxAttention)},
        {"free_disk_mb", std::max<std::int64_t>(0, report.freeDiskMb)},
        {"uptime_s", std::max<std::int64_t>(0, report.uptimeSeconds)},
        {"since_session_s", std::max<std::int64_t>(0, report.sinceSessionSeconds)},
        {"error_codes", codes},
    };
    return body.dump();
}

namespace {

void addCount(DailyAggregateReport& aggregate, std::string metric, std::string item,
              std::int64_t count) {
    if (count > 0) {
        aggregate.counts.push_back({std::move(metric), std::move(item), count});
    }
}

std::int64_t screenCount(const UsageReport& report, std::string_view screen) {
    for (const NamedCount& reached : report.screens) {
        if (reached.name == screen) {
            return reached.count;
        }
    }
    return 0;
}

} // namespace

DailyAggregateReport dailyAggregateFrom(const UsageReport& report, UsageDate day) {
    DailyAggregateReport aggregate;
    aggregate.day = day;
    addCount(aggregate, "sessions", "", report.sessions);
    addCount(aggregate, "assisted", "", report.assistedSessions);
    for (const ProcedureFigures& procedure : report.procedures) {
        addCount(aggregate, "dossiers", procedure.code, procedure.submitted + procedure.queued);
    }
    addCount(aggregate, "lookups", "", screenCount(report, "lookup_result"));
    addCount(aggregate, "lessons_started", "", screenCount(report, "lesson_step"));
    for (const NamedCount& lesson : report.lessons) {
        addCount(aggregate, "lessons_completed", lesson.name, lesson.count);
    }
    addCount(aggregate, "ratings", "", report.ratings);
    return aggregate;
}

std::string aggregateBody(const DailyAggregateReport& aggregate, const std::string& kioskId) {
    nlohmann::json counts = nlohmann::json::array();
    for (const AggregateCount& count : aggregate.counts) {
        nlohmann::json entry{{"metric", count.metric}, {"item", count.item}};
        // "2 dossiers for procedure X in village Y yesterday" can name the residents: a small
        // count leaves the kiosk only as "fewer than 5".
        entry["count"] =
            count.count < kSmallCountLimit ? nlohmann::json(nullptr) : nlohmann::json(count.count);
        counts.push_back(std::move(entry));
    }
    return nlohmann::json{
        {"kiosk_id", kioskId}, {"day", formatIsoDate(aggregate.day)}, {"counts", counts}}
        .dump();
}

} // namespace kiosk
