// Screen power as a closed state machine: On, Dim after a quiet spell, Blank after a longer one.
#pragma once

#include <chrono>
#include <optional>

namespace kiosk {

enum class ScreenPowerState { On, Dim, Blank };
enum class TouchPhase { Down, Motion, Up };
enum class TouchVerdict { Deliver, Swallow };
enum class SessionActivity { Idle, InProgress };

const char* screenPowerName(ScreenPowerState state);

// Dimming is for the idle home screen only. A resident mid-session has the flow's own
// inactivity timeout ("Are you still there?", then a wipe back to home); dimming under them
// would hide that countdown, and a dark screen looks broken to someone reading a form. So the
// quiet spell counts from the later of the last touch and the end of the last session.
class ScreenPower {
public:
    using Clock = std::chrono::steady_clock;

    ScreenPower(std::chrono::seconds dimAfter, std::chrono::seconds blankAfter,
                Clock::time_point now);

    // Every pointer event passes here before the UI sees it. The touch that wakes a dim or
    // blank screen is swallowed whole (down, motion, up): a resident tapping a dark screen to
    // wake it must not also press whatever button was under their finger.
    TouchVerdict touch(TouchPhase phase, Clock::time_point now);

    // Applies the quiet-spell clocks. Returns the new state when it changed.
    std::optional<ScreenPowerState> update(Clock::time_point now, SessionActivity activity);

    ScreenPowerState state() const { return state_; }
    // When update() next has something to do (nothing while blank: only a touch wakes it).
    std::optional<Clock::time_point> nextDeadline() const;

private:
    std::chrono::seconds dimAfter_;
    std::chrono::seconds blankAfter_;
    Clock::time_point lastActivity_;
    ScreenPowerState state_ = ScreenPowerState::On;
    bool swallowing_ = false;
};

} // namespace kiosk
