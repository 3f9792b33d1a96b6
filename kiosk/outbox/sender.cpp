// Sender loop: pick the oldest due dossier, send it, record the outcome, sleep until the next.
#include "kiosk/outbox/sender.hpp"

#include "kiosk/dossier/local_time.hpp"
#include "kiosk/log/logger.hpp"

#include <algorithm>

namespace kiosk {

std::string_view networkStateName(NetworkState state) {
    switch (state) {
    case NetworkState::Unknown:
        return "unknown";
    case NetworkState::Online:
        return "online";
    case NetworkState::Offline:
        return "offline";
    }
    return "unknown";
}

std::chrono::milliseconds backoffDelay(int attempts, const SenderOptions& options,
                                       std::optional<std::chrono::seconds> retryAfter,
                                       std::mt19937& random) {
    using std::chrono::milliseconds;
    long long base = options.initialBackoff.count();
    long long cap = options.maxBackoff.count();
    int doublings = std::clamp(attempts - 1, 0, 30);
    long long ceiling = std::min(cap, base << std::min(doublings, 20));
    std::uniform_int_distribution<long long> pick(ceiling / 2, std::max(ceiling / 2, ceiling));
    milliseconds delay(pick(random));
    if (retryAfter) {
        // Honour the server's wish, but never park a dossier for more than a day on it.
        delay = std::max(delay, std::min<milliseconds>(*retryAfter, std::chrono::hours(24)));
    }
    return delay;
}

Sender::Sender(Outbox& outbox, GatewayClient& client, SenderOptions options, Logger* logger)
    : outbox_(outbox)
    , client_(client)
    , options_(std::move(options))
    , logger_(logger)
    , random_(options_.jitterSeed) {}

Sender::~Sender() {
    stop();
}

void Sender::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) {
        return;
    }
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
}

void Sender::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wakeUp_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void Sender::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wakeUp_.notify_all();
}

void Sender::setNetworkState(NetworkState state) {
    NetworkState previous = networkState_.exchange(state);
    if (previous != state && logger_ != nullptr) {
        logger_->log(LogEvent::NetworkStateChanged, {{"online", state == NetworkState::Online}});
    }
}

Sender::AttemptResult Sender::attemptOne() {
    std::int64_t now = options_.now();
    auto due = outbox_.nextDue(now);
    if (!due) {
        return AttemptResult::StorageError;
    }
    if (!due->has_value()) {
        return AttemptResult::NothingDue;
    }
    const OutgoingDossier& dossier = **due;
    SubmitRequest request;
    request.idempotencyKey = dossier.entry.idempotencyKey;
    request.localReference = dossier.entry.localReference;
    request.procedureCode = dossier.entry.procedureCode;
    request.submittedAt = formatCompact(vietnamTimeFromUnix(dossier.entry.createdAt));
    request.sealedPayload = dossier.sealedPayload;
    // The kiosk id and signature are the client's business (it holds the credentials).
    auto outcome = client_.submit(request);
    if (outcome.ok()) {
        setNetworkState(NetworkState::Online);
        auto received = parseCompact(outcome.value->receivedAt);
        auto appointment = parseCompact(outcome.value->appointmentAt);
        auto status = outbox_.markDelivered(
            dossier.entry.localReference, outcome.value->dossierCode,
            received ? unixFromVietnamTime(*received) : now,
            appointment ? unixFromVietnamTime(*appointment) : dossier.entry.appointmentAt,
            options_.now());
        if (!status) {
            return AttemptResult::StorageError;
        }
        delivered_.fetch_add(1);
        if (logger_ != nullptr) {
            logger_->log(LogEvent::OutboxDelivered, {{"attempts", dossier.entry.attempts + 1},
                                                     {"replayed", outcome.value->replayed}});
        }
        if (listener_) {
            listener_(dossier.entry.localReference, OutboxState::Delivered);
        }
        return AttemptResult::Delivered;
    }
    const GatewayFailure& failure = outcome.failure;
    setNetworkState(failure.kind == FailureKind::Offline ? NetworkState::Offline
                                                         : NetworkState::Online);
    if (failure.kind == FailureKind::Rejected) {
        if (!outbox_.markNeedsAttention(dossier.entry.localReference, failure.code)) {
            return AttemptResult::StorageError; // else the same dossier would come back at once
        }
        if (logger_ != nullptr) {
            logger_->log(LogEvent::OutboxNeedsAttention, {{"http_status", failure.httpStatus},
                                                          {"reason", SystemText{failure.code}}});
        }
        if (listener_) {
            listener_(dossier.entry.localReference, OutboxState::NeedsAttention);
        }
        return AttemptResult::NeedsAttention;
    }
    auto delay = backoffDelay(dossier.entry.attempts + 1, options_, failure.retryAfter, random_);
    std::int64_t next =
        options_.now() +
        std::max<std::int64_t>(1, std::chrono::ceil<std::chrono::seconds>(delay).count());
    if (!outbox_.markAttemptFailed(dossier.entry.localReference, failure.code, next)) {
        return AttemptResult::StorageError;
    }
    if (logger_ != nullptr) {
        logger_->log(LogEvent::OutboxAttemptFailed,
                     {{"http_status", failure.httpStatus},
                      {"reason", SystemText{failure.code}},
                      {"attempts", dossier.entry.attempts + 1},
                      {"retry_in_s", static_cast<std::int64_t>(next - now)}});
    }
    if (listener_) {
        listener_(dossier.entry.localReference, OutboxState::Pending);
    }
    return AttemptResult::Failed;
}

DeliveryPass Sender::deliverDueNow() {
    DeliveryPass pass;
    for (;;) {
        switch (attemptOne()) {
        case AttemptResult::Delivered:
            ++pass.delivered;
            continue;
        case AttemptResult::Failed:
            ++pass.failed;
            continue; // its next attempt is in the future, so the loop moves on
        case AttemptResult::NeedsAttention:
            ++pass.needAttention;
            continue;
        case AttemptResult::NothingDue:
        case AttemptResult::StorageError:
            return pass;
        }
    }
}

void Sender::run() {
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) {
                return;
            }
            woken_ = false;
        }
        AttemptResult result = attemptOne();
        if (result == AttemptResult::Delivered || result == AttemptResult::Failed ||
            result == AttemptResult::NeedsAttention) {
            continue; // something else may be due right away
        }
        // Sleep until the earliest pending attempt, a wake-up, or the idle poll.
        auto wait = options_.idlePoll;
        if (result == AttemptResult::NothingDue) {
            if (auto earliest = outbox_.earliestPendingAttempt()) {
                auto seconds = std::max<std::int64_t>(0, *earliest - options_.now());
                wait = std::min<std::chrono::milliseconds>(wait, std::chrono::seconds(seconds));
                if (seconds == 0) {
                    wait = std::chrono::milliseconds(200);
                }
            }
        }
        std::unique_lock lock(mutex_);
        wakeUp_.wait_for(lock, wait, [this] { return stopping_ || woken_; });
    }
}

} // namespace kiosk
