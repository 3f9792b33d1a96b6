// What a key press does: the on-screen keyboard's state (layout, shift) applied to a field.
#pragma once

#include "kiosk/input/keyboard_layout.hpp"
#include "kiosk/input/vietnamese_composer.hpp"

namespace kiosk::input {

// The keyboard shown for one field. The UI draws makeLayout(layout, field) with keyLabel(key,
// shift) and hands each tap to pressKey.
struct KeyboardState {
    FieldKind field = FieldKind::Text;
    LayoutKind layout = LayoutKind::Letters;
    ShiftState shift = ShiftState::Off;
};

enum class KeyPressOutcome : std::uint8_t {
    TextChanged,     // the field's text or cursor changed
    Rejected,        // the field refused the key (full, or not a character it takes)
    KeyboardChanged, // layout, shift or input method changed; the text did not
    Done,            // the resident finished with the field
};

// Sets `composer` up for `field` (method, length limit) and returns the keyboard to show.
KeyboardState openKeyboard(FieldKind field, VietnameseComposer& composer);

KeyPressOutcome pressKey(KeyboardState& state, const KeyDef& key, VietnameseComposer& composer);

} // namespace kiosk::input
