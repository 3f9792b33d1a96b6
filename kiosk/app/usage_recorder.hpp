// Turns what happened in the flow into anonymous usage events: it compares the session's
// non-personal milestones between frames and records each change once.
#pragma once

#include "kiosk/flow/session_state.hpp"
#include "kiosk/usage/usage_log.hpp"

#include <chrono>
#include <optional>

namespace kiosk {

class UsageRecorder {
public:
    UsageRecorder(UsageLog& log, int ratingScale);

    // Call after every change of the flow's state; `now` is the session clock.
    void observe(const SessionState& state, SteadyTime now);
    // A lesson was finished (the flow's LessonCompleted effect).
    void lessonCompleted(const std::string& lessonId);

private:
    void record(const UsageEvent& event);

    UsageLog& log_;
    int ratingScale_;
    std::optional<UsageSession> session_;
    SteadyTime startedAt_{};
    Screen lastScreen_ = Screen::Home;
    std::string lastProcedure_;
    CardStep lastCardStep_ = CardStep::Idle;
    SubmissionState lastSubmission_ = SubmissionState::NotSubmitted;
    bool lastPrinted_ = false;
    std::optional<int> lastRating_;
};

} // namespace kiosk
