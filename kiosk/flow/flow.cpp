// Session transitions, the inactivity countdown and the end-of-session wipe.
#include "kiosk/flow/flow.hpp"

#include <type_traits>

namespace kiosk {
namespace {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };

} // namespace

Flow::Flow(const Config& config, Logger& logger)
    : config_(config)
    , logger_(logger) {
    state_.language = config.language;
}

void Flow::startSessionIfIdle(SteadyTime now) {
    if (state_.active || state_.screen == Screen::Maintenance) {
        return;
    }
    state_.active = true;
    state_.startedAt = now;
    logger_.log(LogEvent::SessionStarted);
}

void Flow::noteInput(SteadyTime now) {
    state_.lastInput = now;
    // Any touch during the countdown means someone is there.
    state_.wipeAt.reset();
}

void Flow::open(Screen screen, SteadyTime now) {
    if (screen == state_.screen) {
        return;
    }
    startSessionIfIdle(now);
    state_.history.push_back(state_.screen);
    state_.screen = screen;
    logger_.log(LogEvent::ScreenChanged, {{"screen", screenName(screen)}});
}

void Flow::apply(const Intent& intent, SteadyTime now) {
    if (state_.screen == Screen::Maintenance) {
        return; // nothing a resident does can leave maintenance
    }
    noteInput(now);
    std::visit(
        Overloaded{
            [&](const intent::Open& open) { this->open(open.screen, now); },
            [&](const intent::Back&) {
                if (state_.history.empty()) {
                    return;
                }
                state_.screen = state_.history.back();
                state_.history.pop_back();
                logger_.log(LogEvent::ScreenChanged, {{"screen", screenName(state_.screen)}});
            },
            [&](const intent::StartOver&) { wipe(LogEvent::SessionEnded); },
            [&](const intent::SetLanguage& set) {
                startSessionIfIdle(now);
                state_.language = set.language;
                logger_.log(LogEvent::LanguageChanged,
                            {{"language", set.language == Language::Vietnamese ? LogToken("vi")
                                                                               : LogToken("en")}});
            },
            [&](const intent::SetTextSize& set) {
                startSessionIfIdle(now);
                state_.accessibility.textSize = set.size;
                logger_.log(LogEvent::AccessibilityChanged,
                            {{"text_size", static_cast<int>(set.size)}});
            },
            [&](const intent::SetContrast& set) {
                startSessionIfIdle(now);
                state_.accessibility.contrast = set.contrast;
                logger_.log(LogEvent::AccessibilityChanged,
                            {{"contrast", static_cast<int>(set.contrast)}});
            },
            [&](const intent::StillHere&) { state_.wipeAt.reset(); },
        },
        intent);
}

bool Flow::tick(SteadyTime now) {
    if (!state_.active) {
        return false;
    }
    if (state_.wipeAt) {
        if (now >= *state_.wipeAt) {
            wipe(LogEvent::SessionTimedOut);
            return true;
        }
        return false;
    }
    if (now - state_.lastInput >= config_.session.inactivityTimeout) {
        state_.wipeAt = now + config_.session.stillThereCountdown;
        logger_.log(LogEvent::StillThereShown);
        return true;
    }
    return false;
}

std::optional<SteadyTime> Flow::nextDeadline() const {
    if (!state_.active) {
        return std::nullopt;
    }
    if (state_.wipeAt) {
        return *state_.wipeAt;
    }
    return state_.lastInput + config_.session.inactivityTimeout;
}

int Flow::secondsUntilWipe(SteadyTime now) const {
    if (!state_.wipeAt) {
        return 0;
    }
    auto left = std::chrono::ceil<std::chrono::seconds>(*state_.wipeAt - now).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

void Flow::enterMaintenance(std::string reason) {
    state_ = SessionState{};
    state_.language = config_.language;
    state_.screen = Screen::Maintenance;
    state_.maintenanceReason = std::move(reason);
}

void Flow::wipe(LogEvent why) {
    bool wasActive = state_.active;
    // Replacing the whole struct drops everything the resident entered; sensitive buffers
    // (card data, form fields) clear their own memory in their destructors.
    state_ = SessionState{};
    state_.language = config_.language;
    if (wasActive) {
        logger_.log(why);
    }
}

} // namespace kiosk
