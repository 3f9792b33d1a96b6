// sd_notify wrapper; every call is a no-op when not started by systemd.
#include "kiosk/app/service_notifier.hpp"

#include <systemd/sd-daemon.h>

namespace kiosk {

ServiceNotifier::ServiceNotifier() {
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        watchdogInterval_ = std::chrono::microseconds(usec);
    }
}

void ServiceNotifier::ready() {
    sd_notify(0, "READY=1");
}

void ServiceNotifier::stopping() {
    sd_notify(0, "STOPPING=1");
}

void ServiceNotifier::keepAlive(std::chrono::steady_clock::time_point now) {
    if (!watchdogInterval_) {
        return;
    }
    if (now - lastPing_ >= *watchdogInterval_ / 2) {
        sd_notify(0, "WATCHDOG=1");
        lastPing_ = now;
    }
}

std::optional<std::chrono::steady_clock::time_point> ServiceNotifier::nextPing() const {
    if (!watchdogInterval_) {
        return std::nullopt;
    }
    return lastPing_ +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(*watchdogInterval_ / 2);
}

} // namespace kiosk
