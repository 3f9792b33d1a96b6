// Assisted mode state: which volunteer is signed in, and the two clocks that sign them out.
#pragma once

#include "kiosk/assist/volunteer_store.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/usage/usage_event.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace kiosk {

enum class SignOutReason { ByHand, Inactivity, SessionLimit };

struct SignedInVolunteer {
    VolunteerCode code;      // pseudonymous id, the only thing logged or counted
    std::string displayName; // shown on the assisted-mode banner
    std::chrono::steady_clock::time_point signedInAt;
    std::chrono::steady_clock::time_point lastActivity;
};

// Owned by the app; the UI reads it and the app feeds it touches and clock ticks. Times come
// in as arguments (steady clock), so tests drive it without waiting.
class AssistSession {
public:
    // `logger` is a nullable borrow.
    AssistSession(AssistedConfig config, Logger* logger)
        : config_(config)
        , logger_(logger) {}

    // After VolunteerStore::signIn succeeded. Replaces anyone signed in before.
    Status signIn(const Volunteer& volunteer, std::chrono::steady_clock::time_point now);
    void signOut(SignOutReason reason);

    // Any touch while a volunteer is signed in.
    void noteActivity(std::chrono::steady_clock::time_point now);

    // Signs out when a clock ran out and says why; call on every frame or timer tick.
    std::optional<SignOutReason> tick(std::chrono::steady_clock::time_point now);

    // When tick() would next sign out, so the UI can sleep until then (none if nobody is in).
    std::optional<std::chrono::steady_clock::time_point> nextDeadline() const;

    const std::optional<SignedInVolunteer>& volunteer() const { return volunteer_; }
    Assisted assisted() const { return volunteer_ ? Assisted::Yes : Assisted::No; }

    // The code to count in the usage log for this resident session, only when
    // [assisted] count_per_volunteer is on.
    std::optional<VolunteerCode> volunteerToCount() const;

private:
    AssistedConfig config_;
    Logger* logger_;
    std::optional<SignedInVolunteer> volunteer_;
};

} // namespace kiosk
