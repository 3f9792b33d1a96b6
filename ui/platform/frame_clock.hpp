// Idle policy: render a few frames after any activity, then sleep until the next deadline.
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>

namespace kiosk::ui {

using SteadyTime = std::chrono::steady_clock::time_point;

class FrameClock {
public:
    // ImGui settles layout and press/release feedback over a few frames after an event
    // (the Tracy rule): three more frames, then sleep.
    static constexpr int kFramesAfterActivity = 3;

    void noteActivity() { framesLeft_ = kFramesAfterActivity; }
    // A timer's change (the header clock's minute) is drawn at fixed places in one frame: no
    // input to settle, so one frame, not three (each frame is a full-screen redraw, costly on a
    // software renderer).
    void noteRedraw() { framesLeft_ = std::max(framesLeft_, 1); }
    // An animation keeps frames coming until it ends.
    void keepAnimating() { framesLeft_ = std::max(framesLeft_, 1); }

    bool wantsFrame() const { return framesLeft_ > 0; }
    void frameRendered() {
        if (framesLeft_ > 0) {
            --framesLeft_;
        }
    }

    // How long SDL_WaitEventTimeout may sleep: 0 while frames are owed, else until `deadline`
    // (or the cap, so a lost wake-up can never freeze the screen for long).
    int waitMilliseconds(SteadyTime now, std::optional<SteadyTime> deadline) const;

    static constexpr std::chrono::milliseconds kMaximumSleep{60'000};

private:
    int framesLeft_ = kFramesAfterActivity;
};

} // namespace kiosk::ui
