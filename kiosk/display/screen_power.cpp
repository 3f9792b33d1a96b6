// ScreenPower transitions: quiet-spell clocks and the swallowed waking touch.
#include "kiosk/display/screen_power.hpp"

namespace kiosk {

const char* screenPowerName(ScreenPowerState state) {
    switch (state) {
    case ScreenPowerState::On:
        return "on";
    case ScreenPowerState::Dim:
        return "dim";
    case ScreenPowerState::Blank:
        return "blank";
    }
    return "on";
}

ScreenPower::ScreenPower(std::chrono::seconds dimAfter, std::chrono::seconds blankAfter,
                         Clock::time_point now)
    : dimAfter_(dimAfter)
    , blankAfter_(blankAfter)
    , lastActivity_(now) {}

TouchVerdict ScreenPower::touch(TouchPhase phase, Clock::time_point now) {
    lastActivity_ = now;
    if (phase == TouchPhase::Down && state_ != ScreenPowerState::On) {
        state_ = ScreenPowerState::On;
        swallowing_ = true;
        return TouchVerdict::Swallow;
    }
    if (!swallowing_) {
        return TouchVerdict::Deliver;
    }
    // The first release ends the waking touch, even with more fingers down: if a release were
    // ever lost, counting fingers could swallow every later touch and leave the kiosk dead.
    if (phase == TouchPhase::Up) {
        swallowing_ = false;
    }
    return TouchVerdict::Swallow;
}

std::optional<ScreenPowerState> ScreenPower::update(Clock::time_point now,
                                                    SessionActivity activity) {
    ScreenPowerState wanted = ScreenPowerState::On;
    if (activity == SessionActivity::InProgress) {
        lastActivity_ = now;
    } else if (now - lastActivity_ >= blankAfter_) {
        wanted = ScreenPowerState::Blank;
    } else if (now - lastActivity_ >= dimAfter_) {
        wanted = ScreenPowerState::Dim;
    }
    if (wanted == state_) {
        return std::nullopt;
    }
    state_ = wanted;
    return state_;
}

std::optional<ScreenPower::Clock::time_point> ScreenPower::nextDeadline() const {
    switch (state_) {
    case ScreenPowerState::On:
        return lastActivity_ + dimAfter_;
    case ScreenPowerState::Dim:
        return lastActivity_ + blankAfter_;
    case ScreenPowerState::Blank:
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace kiosk
