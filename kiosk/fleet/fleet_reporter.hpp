// Sends the heartbeat and the daily usage aggregates to the commune's gateway on its own worker.
// Aggregates are rebuilt from the usage log, which keeps daily counts for good, so the only
// thing to keep durably is the last day the gateway acknowledged: days wait while the kiosk is
// offline and go out oldest first when it is back; a resend is idempotent at the gateway.
#pragma once

#include "kiosk/fleet/fleet_reports.hpp"
#include "kiosk/outbox/gateway_client.hpp"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace kiosk {

class Logger;

struct FleetReporterOptions {
    std::string kioskId;
    std::filesystem::path usageDatabase;
    std::filesystem::path stateFile; // the last day acknowledged, written atomically
    std::chrono::minutes utcOffset{7 * 60};
    // A kiosk back after a long outage sends at most this many days (the oldest are dropped).
    int backlogDays = 62;
    std::function<std::chrono::system_clock::time_point()> clock = [] {
        return std::chrono::system_clock::now();
    };
};

struct FleetPass {
    bool heartbeatSent = false;
    int aggregatesSent = 0;
    std::optional<GatewayFailure> failure; // what stopped the pass, if anything
};

class FleetReporter {
public:
    FleetReporter(std::unique_ptr<GatewayClient> client, FleetReporterOptions options,
                  Logger* logger);
    ~FleetReporter();
    FleetReporter(const FleetReporter&) = delete;
    FleetReporter& operator=(const FleetReporter&) = delete;

    // Hands a heartbeat to the worker, which sends it and then the aggregates that are due. A
    // heartbeat not yet sent is replaced by the newer one (keeping both sets of error codes).
    void report(HeartbeatReport heartbeat);
    // One pass on the caller's thread (tests and `kioskctl`); not while the worker runs one.
    FleetPass sendNow(const HeartbeatReport& heartbeat);
    // Blocks until the worker has nothing queued (tests).
    void waitIdle();
    // The last day the gateway acknowledged, if any.
    std::optional<UsageDate> sentThrough() const;

private:
    void workerLoop();
    int sendDueAggregates(std::optional<GatewayFailure>& failure);
    void noteOutcome(const FleetPass& pass);

    std::unique_ptr<GatewayClient> client_;
    FleetReporterOptions options_;
    Logger* logger_;
    bool failing_ = false;

    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable idle_;
    std::optional<HeartbeatReport> pending_;
    std::vector<int> unsentCodes_; // of a heartbeat that did not get through
    bool busy_ = false;
    bool stopping_ = false;
    std::thread worker_;
};

} // namespace kiosk
