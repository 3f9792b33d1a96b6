// Kiosk heartbeats and daily usage aggregates: typed fields only, so no resident data can arrive.
#pragma once

#include "kiosk/programs/gateway/gateway_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

struct Heartbeat {
    std::string kioskId;
    std::string appVersion;
    std::int64_t contentSequence = 0;
    // ready, paper_low, paper_out, cover_open, not_connected, fault, unknown
    std::string printer = "ready";
    std::string reader = "ready"; // ready, not_connected, fault, unknown
    std::int64_t outboxPending = 0;
    std::int64_t outboxAttention = 0;
    std::int64_t freeDiskMb = 0;
    std::int64_t uptimeSeconds = 0;
    std::int64_t sinceSessionSeconds = 0;
    std::vector<std::string> errorCodes; // catalog codes such as KIOSK-4003
};
// Refuses unknown keys, unknown device states and free text (error codes must look like codes).
Result<Heartbeat> parseHeartbeat(const std::string& body, const std::string& kioskId);

struct UsageCount {
    std::string metric;     // sessions, dossiers, lookups, lessons_started, lessons_completed,
                            // ratings, assisted
    std::string item;       // procedure code, channel, lesson id, rating; empty for totals
    std::int64_t count = 0; // -1 = suppressed on the kiosk (a count too small to publish)
};
struct DailyAggregate {
    std::string kioskId;
    std::string day; // yyyy-mm-dd
    std::vector<UsageCount> counts;
};
Result<DailyAggregate> parseDailyAggregate(const std::string& body, const std::string& kioskId);

struct KioskStatusRow {
    std::string kioskId;
    std::string village;
    std::string commune;
    std::int64_t lastSeen = 0; // 0 = never
    std::string appVersion;
    std::int64_t contentSequence = 0;
    std::string printer;
    std::int64_t printerSince = 0;
    std::string reader;
    std::int64_t readerSince = 0;
    std::int64_t outboxPending = 0;
    std::int64_t outboxAttention = 0;
    std::int64_t dossiersNew = 0; // received at the gateway, no officer action yet
};

struct Alert {
    std::string kind; // silent, paper_out, reader_missing, outbox_attention, dossiers_waiting
    std::string kioskId;
    std::string village;
    std::int64_t since = 0;
    std::int64_t count = 0;
};

// The adults of a village (18 and over), entered by the commune for the digital-skills goal.
struct VillagePopulation {
    std::string village;
    std::int64_t adults = 0;
};

class FleetStore {
public:
    explicit FleetStore(GatewayStore& store);
    Status recordHeartbeat(const Heartbeat& heartbeat, std::int64_t now);
    // Replaces that kiosk's figures for that day: a resend is idempotent.
    Status storeAggregate(const DailyAggregate& aggregate);
    // Every kiosk known by heartbeat or registry; `commune` empty = all.
    Result<std::vector<KioskStatusRow>> kiosks(const std::string& commune);
    Result<std::vector<Alert>> alerts(std::int64_t now, std::int64_t silentAfterSeconds,
                                      const std::string& commune);
    // Sum per (village, metric, item) over [fromDay, toDay] (yyyy-mm-dd); suppressed counts
    // are left out and counted in `suppressed`.
    struct UsageRow {
        std::string village;
        std::string metric;
        std::string item;
        std::int64_t count = 0;
        std::int64_t suppressed = 0;
    };
    Result<std::vector<UsageRow>> usage(const std::string& fromDay, const std::string& toDay,
                                        const std::string& commune);

    // Lesson completions per village since the first aggregate (the campaign's whole length).
    struct VillageCompletions {
        std::string village;
        std::int64_t completions = 0;
        std::int64_t suppressed = 0;
    };
    Result<std::vector<VillageCompletions>> completionsByVillage(const std::string& commune);
    Result<std::vector<VillagePopulation>> populations();
    // The heartbeat history is for troubleshooting, not for ever: a province writes 1.6 million
    // rows a day. Deletes rows older than `before` (Unix seconds); returns how many.
    Result<std::int64_t> pruneHeartbeats(std::int64_t before);
    Status setPopulation(const std::string& village, std::int64_t adults);

private:
    GatewayStore& store_;
};

} // namespace kiosk
