// PIN lockout policy: after a few free attempts each failure locks sign-in, twice as long each
// time.
#pragma once

#include <chrono>

namespace kiosk {

struct LockoutPolicy {
    // Wrong PINs allowed before the first lockout (VxSuite's default, too).
    int freeAttempts = 5;
    std::chrono::seconds firstLockout{15};
    // Doubling stops here so a forgotten PIN never locks a volunteer out for days.
    std::chrono::seconds longestLockout{std::chrono::hours(1)};
};

// How long sign-in stays locked after `failures` consecutive wrong PINs: nothing before
// freeAttempts, then firstLockout x 2^(failures - freeAttempts), capped at longestLockout.
std::chrono::seconds lockoutAfter(int failures, const LockoutPolicy& policy);

} // namespace kiosk
