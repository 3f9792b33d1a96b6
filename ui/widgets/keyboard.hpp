// The on-screen keyboard: draws the core's layout for the field and returns the key tapped.
#pragma once

#include "kiosk/input/keyboard_controller.hpp"
#include "ui/screens/frame_context.hpp"

#include <optional>

namespace kiosk::ui {

// Draws the keyboard in a box of `size` at the cursor; a tapped key comes back as its KeyDef.
std::optional<input::KeyDef> drawKeyboard(const FrameContext& ctx,
                                          const input::KeyboardState& state,
                                          input::InputMethod method, ImVec2 size);

} // namespace kiosk::ui
