// The doubling lockout duration.
#include "kiosk/assist/pin_lockout.hpp"

namespace kiosk {

std::chrono::seconds lockoutAfter(int failures, const LockoutPolicy& policy) {
    if (failures < policy.freeAttempts) {
        return std::chrono::seconds(0);
    }
    std::chrono::seconds lockout = policy.firstLockout;
    for (int extra = failures - policy.freeAttempts; extra > 0; --extra) {
        lockout *= 2;
        if (lockout >= policy.longestLockout) {
            return policy.longestLockout;
        }
    }
    return lockout < policy.longestLockout ? lockout : policy.longestLockout;
}

} // namespace kiosk
