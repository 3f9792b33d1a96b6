// The background sender: delivers outbox dossiers with backoff, never blocking the UI thread.
#pragma once

#include "kiosk/devices/device_status.hpp"
#include "kiosk/outbox/gateway_client.hpp"
#include "kiosk/outbox/outbox.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <random>
#include <thread>

namespace kiosk {

class Logger;

// NetworkState (kiosk/devices/device_status.hpp) is what the status bar shows: Unknown until
// the first attempt after start.
std::string_view networkStateName(NetworkState state);

struct SenderOptions {
    std::chrono::milliseconds initialBackoff{2000};
    std::chrono::milliseconds maxBackoff{std::chrono::minutes(10)};
    // With nothing due, look again this often (also bounds the wait after a clock jump).
    std::chrono::milliseconds idlePoll{std::chrono::seconds(30)};
    std::uint32_t jitterSeed = std::random_device{}();
    // Seconds since the Unix epoch; tests inject a fake clock.
    std::function<std::int64_t()> now = [] {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    };
};

// Backoff before attempt number `attempts + 1`: "equal jitter", uniformly between half and all
// of min(max, initial * 2^(attempts-1)), so a village of kiosks coming back online after a
// power cut does not hit the gateway in lockstep. Retry-After, when given, is a floor.
std::chrono::milliseconds backoffDelay(int attempts, const SenderOptions& options,
                                       std::optional<std::chrono::seconds> retryAfter,
                                       std::mt19937& random);

// Outcome of one delivery pass; used by `kioskctl outbox retry` and by the thread.
struct DeliveryPass {
    int delivered = 0;
    int failed = 0;
    int needAttention = 0;
};

class Sender {
public:
    // Borrows all three; they must outlive the sender. `logger` may be null.
    Sender(Outbox& outbox, GatewayClient& client, SenderOptions options, Logger* logger);
    ~Sender(); // stops and joins
    Sender(const Sender&) = delete;
    Sender& operator=(const Sender&) = delete;

    void start();
    // Graceful: the thread finishes the request in flight (bounded by the client's timeout),
    // writes its outcome, and exits. Nothing is lost: undelivered dossiers stay in the outbox.
    void stop();
    // Call after a commit so the new dossier goes out at once.
    void wake();
    // Told on the sender's thread after each attempt has written its outcome (Delivered,
    // Pending again after a failure, NeedsAttention), so the kiosk hears of a delivery as an
    // event instead of polling the outbox. Set before start().
    using AttemptListener =
        std::function<void(const std::string& localReference, OutboxState outcome)>;
    void setAttemptListener(AttemptListener listener) { listener_ = std::move(listener); }

    NetworkState networkState() const { return networkState_.load(); }
    int deliveredCount() const { return delivered_.load(); }

    // Tries every dossier due now once, on the calling thread (no backoff sleeps). Not while
    // the thread runs: the two would share the jitter generator.
    DeliveryPass deliverDueNow();

private:
    enum class AttemptResult { Delivered, Failed, NeedsAttention, NothingDue, StorageError };
    AttemptResult attemptOne();
    void run();
    void setNetworkState(NetworkState state);

    Outbox& outbox_;
    GatewayClient& client_;
    SenderOptions options_;
    Logger* logger_;
    AttemptListener listener_;
    std::mt19937 random_;
    std::atomic<NetworkState> networkState_{NetworkState::Unknown};
    std::atomic<int> delivered_{0};
    std::mutex mutex_;
    std::condition_variable wakeUp_;
    bool stopping_ = false;
    bool woken_ = false;
    std::thread thread_;
};

} // namespace kiosk
