// The on-screen keyboard: draws the core's layout for the field and returns the key tapped.
#pragma once

#include "kiosk/input/key_repeat.hpp"
#include "kiosk/input/keyboard_controller.hpp"
#include "ui/screens/frame_context.hpp"

#include <SDL.h>
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// The least height a keyboard `width` wide needs for keys of at least 12.7 mm in both directions
// (with the fewest rows it can take).
float keyboardMinimumHeight(const Metrics& m, const input::KeyboardState& state, float width);

// Draws the keyboard in a box of `size` at the cursor; a tapped key comes back as its KeyDef.
std::optional<input::KeyDef> drawKeyboard(const FrameContext& ctx,
                                          const input::KeyboardState& state,
                                          input::InputMethod method, ImVec2 size);

// Backspace held down repeats by itself (input::KeyRepeat, fed with ImGui's frame time). The
// frame loop sleeps when nothing happens, so a timer posts an SDL event when the next repeat is
// due. One per keyboard screen, owned by the screen object.
struct HeldBackspace {
    input::KeyRepeat repeat;
    Uint32 wakeEvent = 0; // an SDL user event type, registered on first use
    std::optional<input::KeyRepeat::Time> wakeScheduledFor;
};

// Like drawKeyboard, with backspace repeating while held: every key to apply this frame, in
// order. `textBeforeCursor` sizes the whole-word steps of a long hold.
std::vector<input::KeyDef> drawKeyboard(const FrameContext& ctx, const input::KeyboardState& state,
                                        input::InputMethod method, ImVec2 size, HeldBackspace& held,
                                        std::string_view textBeforeCursor);

} // namespace kiosk::ui
