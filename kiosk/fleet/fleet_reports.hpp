// What a kiosk tells its commune's gateway about itself: the heartbeat and the daily usage
// aggregate (docs/gateway-api.md). Typed fields only, so no resident data can get in.
#pragma once

#include "drivers/card_reader/reader_state.hpp"
#include "drivers/printer/printer_state.hpp"
#include "kiosk/usage/usage_report.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

constexpr const char* kHeartbeatPath = "/v1/heartbeats";
constexpr const char* kAggregatePath = "/v1/aggregates";

struct HeartbeatReport {
    std::string appVersion;
    std::uint64_t contentSequence = 0;
    PrinterState printer = PrinterState::Unknown;
    ReaderState reader = ReaderState::Unknown;
    std::int64_t outboxPending = 0;
    std::int64_t outboxAttention = 0;
    std::int64_t freeDiskMb = 0;
    std::int64_t uptimeSeconds = 0;
    std::int64_t sinceSessionSeconds = 0; // since the last session ended (or since start)
    std::vector<int> errorCodes;          // catalog numbers, sent as "KIOSK-<n>"
};

// The gateway's words for a device state.
std::string_view heartbeatPrinterWord(PrinterState state);
std::string_view heartbeatReaderWord(ReaderState state);

std::string heartbeatBody(const HeartbeatReport& report, const std::string& kioskId);

// One metric of a day; a count of 1 to 4 travels as null (suppressed), like the CSV export.
struct AggregateCount {
    std::string metric; // sessions, dossiers, lookups, lessons_started, lessons_completed,
                        // ratings, assisted
    std::string item;   // procedure code or lesson id; empty for a total
    std::int64_t count = 0;
};

struct DailyAggregateReport {
    UsageDate day;
    std::vector<AggregateCount> counts; // zero counts left out
};

// The figures of one day's usage report, as the gateway aggregates them.
DailyAggregateReport dailyAggregateFrom(const UsageReport& report, UsageDate day);
std::string aggregateBody(const DailyAggregateReport& aggregate, const std::string& kioskId);

} // namespace kiosk
