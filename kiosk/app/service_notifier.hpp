// Talks to systemd: READY=1 after the first frame, watchdog pings from the main loop, STOPPING=1.
#pragma once

#include <chrono>
#include <optional>

namespace kiosk {

class ServiceNotifier {
public:
    ServiceNotifier();

    void ready();
    void stopping();
    // Called from the main loop: pings the watchdog when half its interval has passed.
    void keepAlive(std::chrono::steady_clock::time_point now);
    // When the loop must wake next to ping in time; nothing when no watchdog is configured.
    std::optional<std::chrono::steady_clock::time_point> nextPing() const;

private:
    std::optional<std::chrono::microseconds> watchdogInterval_;
    std::chrono::steady_clock::time_point lastPing_{};
};

} // namespace kiosk
