// The session state machine: applies intents, runs the inactivity countdown, wipes sessions.
#pragma once

#include "kiosk/config/config.hpp"
#include "kiosk/flow/intent.hpp"
#include "kiosk/flow/session_state.hpp"
#include "kiosk/log/logger.hpp"

#include <optional>

namespace kiosk {

class Flow {
public:
    Flow(const Config& config, Logger& logger);

    const SessionState& state() const { return state_; }

    // A touch anywhere: the resident is present.
    void noteInput(SteadyTime now);
    void apply(const Intent& intent, SteadyTime now);

    // Runs the timers; returns true when the state changed and the screen must be redrawn.
    bool tick(SteadyTime now);
    // When tick() next has something to do, so the UI can sleep until then.
    std::optional<SteadyTime> nextDeadline() const;
    // Whole seconds left on the "Are you still there?" countdown (0 when it is not shown).
    int secondsUntilWipe(SteadyTime now) const;

    // The kiosk cannot serve residents (bad config, no content): show the maintenance screen.
    void enterMaintenance(std::string reason);

private:
    void open(Screen screen, SteadyTime now);
    void startSessionIfIdle(SteadyTime now);
    void wipe(LogEvent why);

    const Config& config_;
    Logger& logger_;
    SessionState state_;
};

} // namespace kiosk
