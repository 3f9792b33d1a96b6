// PIN lockout policy: after a few free attempts each failure locks sign-in, twice as long each
// time.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

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

// A moment on the two clocks a lockout is measured with.
//
// A lockout is stored as a duration plus the moment it started, never as a deadline: a wall
// clock set back a year would otherwise lock for a year. Within one boot the time served is
// read from CLOCK_BOOTTIME, which no one can set (and which counts suspend), so changing the
// wall clock neither stretches nor shortens a lockout. After a restart the boot clock starts
// again from zero, so the time served is read from the wall clock instead, and never counted
// as negative: a clock set back serves the whole lockout again, at most longestLockout.
struct LockoutInstant {
    std::int64_t wallSeconds = 0; // Unix time
    std::string bootId;           // /proc/sys/kernel/random/boot_id; empty when unknown
    std::int64_t bootSeconds = 0; // CLOCK_BOOTTIME
};

// The boot id and boot clock of this machine now (wallSeconds left 0 for the caller).
LockoutInstant currentBootInstant();

// Time still to wait on a lockout of `duration` (capped at policy.longestLockout) that started
// at `start`, seen at `now`.
std::chrono::seconds lockoutRemaining(std::chrono::seconds duration, const LockoutInstant& start,
                                      const LockoutInstant& now, const LockoutPolicy& policy);

} // namespace kiosk
