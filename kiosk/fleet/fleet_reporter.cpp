// FleetReporter: one worker, a heartbeat slot, and the acknowledged-day watermark on disk.
#include "kiosk/fleet/fleet_reporter.hpp"

#include "kiosk/content/fs_util.hpp"
#include "kiosk/log/logger.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

namespace kiosk {

namespace {

std::optional<UsageDate> readSentThrough(const std::filesystem::path& file) {
    auto text = readWholeFile(file, 4096);
    if (!text) {
        return std::nullopt;
    }
    nlohmann::json state = nlohmann::json::parse(*text, nullptr, false);
    if (state.is_discarded() || !state.is_object() || !state.contains("aggregates_through") ||
        !state["aggregates_through"].is_string()) {
        return std::nullopt; // a damaged file only costs a few idempotent resends
    }
    return parseIsoDate(state["aggregates_through"].get<std::string>());
}

} // namespace

FleetReporter::FleetReporter(std::unique_ptr<GatewayClient> client, FleetReporterOptions options,
                             Logger* logger)
    : client_(std::move(client))
    , options_(std::move(options))
    , logger_(logger)
    , worker_([this] { workerLoop(); }) {}

FleetReporter::~FleetReporter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void FleetReporter::report(HeartbeatReport heartbeat) {
    {
        std::lock_guard lock(mutex_);
        auto keep = [&heartbeat](const std::vector<int>& codes) {
            for (int code : codes) {
                if (std::find(heartbeat.errorCodes.begin(), heartbeat.errorCodes.end(), code) ==
                    heartbeat.errorCodes.end()) {
                    heartbeat.errorCodes.push_back(code);
                }
            }
        };
        if (pending_) {
            keep(pending_->errorCodes);
        }
        keep(std::exchange(unsentCodes_, {}));
        pending_ = std::move(heartbeat);
    }
    wake_.notify_all();
}

void FleetReporter::waitIdle() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return !pending_ && !busy_; });
}

std::optional<UsageDate> FleetReporter::sentThrough() const {
    return readSentThrough(options_.stateFile);
}

void FleetReporter::workerLoop() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return stopping_ || pending_.has_value(); });
        if (stopping_) {
            return;
        }
        HeartbeatReport heartbeat = std::move(*pending_);
        pending_.reset();
        busy_ = true;
        lock.unlock();
        FleetPass pass = sendNow(heartbeat);
        lock.lock();
        if (!pass.heartbeatSent) {
            // Not lost: its error codes ride with the next heartbeat.
            unsentCodes_ = std::move(heartbeat.errorCodes);
        }
        busy_ = false;
        idle_.notify_all();
    }
}

FleetPass FleetReporter::sendNow(const HeartbeatReport& heartbeat) {
    FleetPass pass;
    GatewayOutcome<bool> sent =
        client_->report(kHeartbeatPath, heartbeatBody(heartbeat, options_.kioskId));
    if (sent.ok()) {
        pass.heartbeatSent = true;
        pass.aggregatesSent = sendDueAggregates(pass.failure);
    } else {
        pass.failure = sent.failure;
    }
    noteOutcome(pass);
    return pass;
}

int FleetReporter::sendDueAggregates(std::optional<GatewayFailure>& failure) {
    UsageDate yesterday = kioskToday(options_.clock(), options_.utcOffset) - std::chrono::days(1);
    UsageDate oldest = yesterday - std::chrono::days(options_.backlogDays - 1);
    UsageDate day = oldest;
    if (auto through = readSentThrough(options_.stateFile)) {
        day = std::max(oldest, *through + std::chrono::days(1));
    }
    // The mark is written once per pass, for the last day finished: a kiosk back after weeks
    // away (or a fresh one) must not fsync a file per day. A crash in between only costs a few
    // idempotent resends.
    std::optional<UsageDate> finished;
    auto keepMark = [&]() {
        if (!finished) {
            return true;
        }
        nlohmann::json state{{"aggregates_through", formatIsoDate(*finished)}};
        return static_cast<bool>(writeFileAtomic(options_.stateFile, state.dump() + "\n"));
    };
    std::error_code noFile;
    int sent = 0;
    for (; day <= yesterday; day += std::chrono::days(1)) {
        if (std::filesystem::exists(options_.usageDatabase, noFile)) {
            auto report = buildUsageReport(options_.usageDatabase, DateRange{day, day});
            if (!report) {
                // The usage log cannot be read now (busy, a storage fault): try next time, so
                // the day is not skipped.
                failure =
                    GatewayFailure{FailureKind::Transient, "usage_unreadable", 0, std::nullopt};
                break;
            }
            DailyAggregateReport aggregate = dailyAggregateFrom(*report, day);
            if (!aggregate.counts.empty()) {
                GatewayOutcome<bool> outcome =
                    client_->report(kAggregatePath, aggregateBody(aggregate, options_.kioskId));
                if (!outcome.ok() && outcome.failure.kind != FailureKind::Rejected) {
                    failure = outcome.failure;
                    break;
                }
                if (!outcome.ok() && logger_ != nullptr) {
                    logger_->log(LogEvent::FleetAggregateRefused,
                                 {{"day", SystemText{formatIsoDate(day)}},
                                  {"reason", SystemText{outcome.failure.code}}});
                }
                sent += outcome.ok() ? 1 : 0;
            }
        }
        // Empty days advance the mark too: the gateway reads a missing day as zero.
        finished = day;
    }
    if (!keepMark() && !failure) {
        failure = GatewayFailure{FailureKind::Transient, "state_unwritable", 0, std::nullopt};
    }
    return sent;
}

void FleetReporter::noteOutcome(const FleetPass& pass) {
    if (logger_ == nullptr) {
        failing_ = pass.failure.has_value();
        return;
    }
    // Logged on a change of state only: a kiosk offline for a week must not write a line every
    // five minutes to its SD card.
    if (pass.failure && !failing_) {
        logger_->log(
            LogEvent::FleetReportFailed,
            {{"report", pass.heartbeatSent ? LogToken("aggregate") : LogToken("heartbeat")},
             {"reason", SystemText{pass.failure->code}}});
    } else if (!pass.failure && failing_) {
        logger_->log(LogEvent::FleetReportsResumed, {{"aggregates", pass.aggregatesSent}});
    }
    failing_ = pass.failure.has_value();
}

} // namespace kiosk
