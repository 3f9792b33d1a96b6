// PointerInput: SDL finger and mouse events to the upright pointer ImGui sees.
#include "ui/platform/pointer_input.hpp"

#include <cfloat>
#include <imgui.h>

namespace kiosk::ui {

PointerInput::PointerInput(Rotation rotation, TouchCalibration calibration)
    : rotation_(rotation)
    , calibration_(calibration) {}

PointerOutcome PointerInput::pass(TouchPhase phase, ScreenPower& power,
                                  ScreenPower::Clock::time_point now) {
    return power.touch(phase, now) == TouchVerdict::Deliver ? PointerOutcome::Delivered
                                                            : PointerOutcome::Swallowed;
}

void PointerInput::press(TouchPhase phase, Point position) {
    position_ = position;
    if (phase == TouchPhase::Down) {
        down_ = true;
        pressedSinceFeed_ = true;
    } else if (phase == TouchPhase::Up) {
        down_ = false;
    }
}

PointerOutcome PointerInput::handle(const SDL_Event& event, Size window, ScreenPower& power,
                                    ScreenPower::Clock::time_point now) {
    Size upright = logicalSize(window, rotation_);
    switch (event.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        TouchPhase phase = event.type == SDL_FINGERDOWN ? TouchPhase::Down
                           : event.type == SDL_FINGERUP ? TouchPhase::Up
                                                        : TouchPhase::Motion;
        PointerOutcome outcome = pass(phase, power, now);
        if (phase == TouchPhase::Down && outcome == PointerOutcome::Delivered && !finger_) {
            finger_ = event.tfinger.fingerId;
        }
        if (outcome != PointerOutcome::Delivered) {
            return outcome;
        }
        if (!finger_ || *finger_ != event.tfinger.fingerId) {
            return PointerOutcome::Ignored;
        }
        press(phase,
              touchToLogical({event.tfinger.x, event.tfinger.y}, calibration_, rotation_, upright));
        if (phase == TouchPhase::Up) {
            finger_.reset();
        }
        return outcome;
    }
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
        // SDL repeats every touch as a mouse event; the finger events above already count.
        Uint32 which = event.type == SDL_MOUSEMOTION ? event.motion.which : event.button.which;
        if (which == SDL_TOUCH_MOUSEID) {
            return PointerOutcome::Ignored;
        }
        TouchPhase phase = event.type == SDL_MOUSEBUTTONDOWN ? TouchPhase::Down
                           : event.type == SDL_MOUSEBUTTONUP ? TouchPhase::Up
                                                             : TouchPhase::Motion;
        PointerOutcome outcome = pass(phase, power, now);
        if (outcome != PointerOutcome::Delivered) {
            return outcome;
        }
        Point native =
            event.type == SDL_MOUSEMOTION
                ? Point{static_cast<double>(event.motion.x), static_cast<double>(event.motion.y)}
                : Point{static_cast<double>(event.button.x), static_cast<double>(event.button.y)};
        Point position = nativeToLogical(native, window, rotation_);
        if (event.type != SDL_MOUSEMOTION && event.button.button != SDL_BUTTON_LEFT) {
            position_ = position; // only the left button presses, like a finger
            return outcome;
        }
        press(phase, position);
        return outcome;
    }
    default:
        return PointerOutcome::NotPointer;
    }
}

void PointerInput::feed(ImGuiIO& io) {
    io.MousePos = position_
                      ? ImVec2(static_cast<float>(position_->x), static_cast<float>(position_->y))
                      : ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = down_ || pressedSinceFeed_;
    io.MouseDown[1] = false;
    io.MouseDown[2] = false;
    pressedSinceFeed_ = false;
}

} // namespace kiosk::ui
