// The doubling lockout duration, and the time left on one whatever the wall clock does.
#include "kiosk/assist/pin_lockout.hpp"

#include <algorithm>
#include <ctime>
#include <fstream>

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

LockoutInstant currentBootInstant() {
    LockoutInstant instant;
    std::ifstream bootId("/proc/sys/kernel/random/boot_id");
    std::getline(bootId, instant.bootId);
    timespec boot{};
    if (::clock_gettime(CLOCK_BOOTTIME, &boot) == 0) {
        instant.bootSeconds = boot.tv_sec;
    } else {
        instant.bootId.clear(); // no boot clock: measure with the wall clock only
    }
    return instant;
}

std::chrono::seconds lockoutRemaining(std::chrono::seconds duration, const LockoutInstant& start,
                                      const LockoutInstant& now, const LockoutPolicy& policy) {
    // Capped again on reading: a duration written by an older version or a damaged file must
    // not lock for longer than the policy allows either.
    std::int64_t length =
        std::clamp<std::int64_t>(duration.count(), 0, policy.longestLockout.count());
    bool sameBoot = !start.bootId.empty() && start.bootId == now.bootId;
    std::int64_t served =
        sameBoot ? now.bootSeconds - start.bootSeconds : now.wallSeconds - start.wallSeconds;
    served = std::max<std::int64_t>(served, 0);
    return std::chrono::seconds(std::max<std::int64_t>(length - served, 0));
}

} // namespace kiosk
