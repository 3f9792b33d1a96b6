// FrameClock sleep computation.
#include "ui/platform/frame_clock.hpp"

namespace kiosk::ui {

int FrameClock::waitMilliseconds(SteadyTime now, std::optional<SteadyTime> deadline) const {
    if (wantsFrame()) {
        return 0;
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(kMaximumSleep);
    if (deadline) {
        if (*deadline <= now) {
            return 0;
        }
        // Round up so we wake at or after the deadline, never a millisecond before it.
        auto untilDeadline = std::chrono::ceil<std::chrono::milliseconds>(*deadline - now);
        wait = std::min(wait, untilDeadline);
    }
    return static_cast<int>(wait.count());
}

} // namespace kiosk::ui
