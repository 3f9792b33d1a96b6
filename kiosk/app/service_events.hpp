// What the kiosk's workers report back: one closed set of events through one queue, taken and
// applied on the runtime's thread (KioskRuntime::update), which is woken when one arrives.
#pragma once

#include "kiosk/devices/device_status.hpp"
#include "kiosk/flow/dossier_draft.hpp"
#include "kiosk/flow/session_state.hpp"
#include "kiosk/idcard/card_holder.hpp"
#include "kiosk/idcard/card_read_failure.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kiosk {

class Flow;

namespace service {
struct CardReadDone {
    std::variant<CardHolder, CardReadFailure> result; // the holder's data, or why not

    const CardHolder* holder() const { return std::get_if<CardHolder>(&result); }
    std::optional<CardReadFailure> failure() const {
        if (const auto* failed = std::get_if<CardReadFailure>(&result)) {
            return *failed;
        }
        return std::nullopt;
    }
};
struct SubmitDone {
    SubmissionOutcome outcome;
};
struct PrintDone {
    bool printed = false;
    bool printerConnected = true; // false: no printer to print on (auto with none plugged in)
};
struct LookupDone {
    LookupState result;
};
struct ReprintDone {
    enum class Outcome { Printed, Failed, NothingToPrint } outcome = Outcome::Failed;
};
// The outbox changed under the sender or a volunteer's retry: the counts shown are stale.
struct OutboxChanged {};
// A device or the network changed state (heard through the bus watch or a simulated switch, or
// polled by the services worker).
struct DevicesChanged {
    DeviceStatus status;
};
// Assisted-mode and maintainer work finished; `apply` hands its answer to the flow.
struct AssistDone {
    std::function<void(Flow&)> apply;
};
// A content pack install moved on (bytes read and checked so far).
struct InstallProgress {
    std::uint64_t bytesDone = 0;
    std::uint64_t bytesTotal = 0;
};
} // namespace service

using ServiceEvent =
    std::variant<service::CardReadDone, service::SubmitDone, service::PrintDone,
                 service::LookupDone, service::ReprintDone, service::OutboxChanged,
                 service::DevicesChanged, service::AssistDone, service::InstallProgress>;

// Thread-safe: workers post, the runtime's thread takes. `wake` runs after every post (the UI
// turns it into an SDL user event; headless callers may leave it empty and poll).
class ServiceQueue {
public:
    explicit ServiceQueue(std::function<void()> wake = {})
        : wake_(std::move(wake)) {}
    ServiceQueue(const ServiceQueue&) = delete;
    ServiceQueue& operator=(const ServiceQueue&) = delete;

    void post(ServiceEvent event) {
        {
            std::lock_guard lock(mutex_);
            events_.push_back(std::move(event));
        }
        if (wake_) {
            wake_();
        }
    }

    // The same wake for other workers the UI runs (the guidance voice); may be empty.
    const std::function<void()>& wake() const { return wake_; }

    std::vector<ServiceEvent> take() {
        std::lock_guard lock(mutex_);
        std::vector<ServiceEvent> taken;
        taken.swap(events_);
        return taken;
    }

private:
    std::function<void()> wake_;
    std::mutex mutex_;
    std::vector<ServiceEvent> events_;
};

} // namespace kiosk
