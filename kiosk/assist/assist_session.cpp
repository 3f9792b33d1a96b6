// Sign-in, activity and the inactivity / overall limits of a volunteer's assisted session.
#include "kiosk/assist/assist_session.hpp"

#include <algorithm>

namespace kiosk {
namespace {

LogToken reasonName(SignOutReason reason) {
    switch (reason) {
    case SignOutReason::ByHand:
        return "by_hand";
    case SignOutReason::Inactivity:
        return "inactivity";
    case SignOutReason::SessionLimit:
        return "session_limit";
    }
    return "unknown";
}

} // namespace

Status AssistSession::signIn(const Volunteer& volunteer,
                             std::chrono::steady_clock::time_point now) {
    auto code = VolunteerCode::parse(volunteer.id);
    if (!code) {
        return code.error();
    }
    if (volunteer.state != VolunteerState::Enabled) {
        return makeError("assist.disabled", "this volunteer has been disabled by the maintainer");
    }
    if (volunteer_) {
        signOut(SignOutReason::ByHand);
    }
    volunteer_ = SignedInVolunteer{*code, volunteer.displayName, now, now};
    if (logger_ != nullptr) {
        logger_->log(LogEvent::VolunteerSignedIn, {{"volunteer", SystemText{code->text()}}});
    }
    return ok();
}

void AssistSession::signOut(SignOutReason reason) {
    if (!volunteer_) {
        return;
    }
    if (logger_ != nullptr) {
        logger_->log(
            LogEvent::VolunteerSignedOut,
            {{"volunteer", SystemText{volunteer_->code.text()}}, {"reason", reasonName(reason)}});
    }
    volunteer_.reset();
}

void AssistSession::noteActivity(std::chrono::steady_clock::time_point now) {
    if (volunteer_) {
        volunteer_->lastActivity = std::max(volunteer_->lastActivity, now);
    }
}

std::optional<SignOutReason> AssistSession::tick(std::chrono::steady_clock::time_point now) {
    if (!volunteer_) {
        return std::nullopt;
    }
    // The overall limit wins when both ran out: it is the stricter rule.
    std::optional<SignOutReason> reason;
    if (now - volunteer_->signedInAt >= config_.sessionLimit) {
        reason = SignOutReason::SessionLimit;
    } else if (now - volunteer_->lastActivity >= config_.inactivitySignout) {
        reason = SignOutReason::Inactivity;
    }
    if (reason) {
        signOut(*reason);
    }
    return reason;
}

std::optional<std::chrono::steady_clock::time_point> AssistSession::nextDeadline() const {
    if (!volunteer_) {
        return std::nullopt;
    }
    return std::min(volunteer_->signedInAt + config_.sessionLimit,
                    volunteer_->lastActivity + config_.inactivitySignout);
}

std::optional<VolunteerCode> AssistSession::volunteerToCount() const {
    if (!volunteer_ || !config_.countPerVolunteer) {
        return std::nullopt;
    }
    return volunteer_->code;
}

} // namespace kiosk
