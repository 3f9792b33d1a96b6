// Touch and mouse events made into the upright UI's pointer: calibrated, turned, power-checked.
#pragma once

#include "kiosk/display/screen_power.hpp"
#include "kiosk/display/touch_calibration.hpp"

#include <SDL.h>
#include <optional>

struct ImGuiIO;

namespace kiosk::ui {

enum class PointerOutcome {
    NotPointer, // keys, text, wheel, window events: for ImGui's SDL backend as before
    Delivered,  // moved or pressed the UI's pointer
    Swallowed,  // part of the touch that woke the screen: the UI never sees it
    Ignored,    // a mouse event SDL made up from a touch we already handled, a second finger
};

// ImGui 1.86's SDL backend polls SDL's own (unturned) mouse each frame, so the UI reads this
// pointer instead.
class PointerInput {
public:
    PointerInput(Rotation rotation, TouchCalibration calibration);

    // `window` is the window's native size in window coordinates (what SDL mouse events use).
    PointerOutcome handle(const SDL_Event& event, Size window, ScreenPower& power,
                          ScreenPower::Clock::time_point now);

    // Call after ImGui_ImplSDL2_NewFrame and before ImGui::NewFrame: the backend polls SDL's
    // unturned mouse, so its position and buttons are replaced with the upright pointer here.
    void feed(ImGuiIO& io);

private:
    PointerOutcome pass(TouchPhase phase, ScreenPower& power, ScreenPower::Clock::time_point now);
    void press(TouchPhase phase, Point position);

    Rotation rotation_;
    TouchCalibration calibration_;
    std::optional<Point> position_;
    bool down_ = false;
    // A press and release between two frames must still reach ImGui as a click.
    bool pressedSinceFeed_ = false;
    // ImGui has one pointer: the first finger down drives it until it lifts.
    std::optional<SDL_FingerID> finger_;
};

} // namespace kiosk::ui
