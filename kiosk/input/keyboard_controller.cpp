// Key presses turned into composer calls, with Shift following the field's title-case rule.
#include "kiosk/input/keyboard_controller.hpp"

namespace kiosk::input {
namespace {

InputMethod nextMethod(InputMethod method) {
    switch (method) {
    case InputMethod::Telex:
        return InputMethod::Vni;
    case InputMethod::Vni:
        return InputMethod::Plain;
    case InputMethod::Plain:
        return InputMethod::Telex;
    }
    return InputMethod::Telex;
}

// After an edit Shift re-engages at the start of a name's word; a one-shot Shift that was
// used is released. Caps Lock is never touched.
void updateShift(KeyboardState& state, const VietnameseComposer& composer) {
    if (state.shift == ShiftState::Locked) {
        return;
    }
    state.shift = shouldAutoShift(state.field, composer.textBeforeCursor()) ? ShiftState::Once
                                                                            : ShiftState::Off;
}

KeyPressOutcome typeCharacter(KeyboardState& state, char32_t character,
                              VietnameseComposer& composer) {
    if (!acceptsCharacter(state.field, character)) {
        return KeyPressOutcome::Rejected;
    }
    if (composer.type(character) != KeyOutcome::Accepted) {
        return KeyPressOutcome::Rejected;
    }
    updateShift(state, composer);
    return KeyPressOutcome::TextChanged;
}

} // namespace

KeyboardState openKeyboard(FieldKind field, VietnameseComposer& composer) {
    const FieldInputProfile profile = profileFor(field);
    composer.setMethod(profile.method);
    composer.setMaxLength(profile.maxLength);
    KeyboardState state{field, profile.layout, ShiftState::Off};
    updateShift(state, composer);
    return state;
}

KeyPressOutcome pressKey(KeyboardState& state, const KeyDef& key, VietnameseComposer& composer) {
    switch (key.action) {
    case KeyAction::Char:
        return typeCharacter(state, keyCharacter(key, state.shift), composer);
    case KeyAction::Space:
        return typeCharacter(state, U' ', composer);
    case KeyAction::Backspace:
        composer.backspace();
        updateShift(state, composer);
        return KeyPressOutcome::TextChanged;
    case KeyAction::Shift:
        state.shift = state.shift == ShiftState::Off ? ShiftState::Once : ShiftState::Off;
        return KeyPressOutcome::KeyboardChanged;
    case KeyAction::CapsLock:
        state.shift = state.shift == ShiftState::Locked ? ShiftState::Off : ShiftState::Locked;
        return KeyPressOutcome::KeyboardChanged;
    case KeyAction::SwitchLayout:
        state.layout = key.target;
        return KeyPressOutcome::KeyboardChanged;
    case KeyAction::SwitchMethod:
        composer.setMethod(nextMethod(composer.method()));
        return KeyPressOutcome::KeyboardChanged;
    case KeyAction::Done:
        composer.commitWord();
        return KeyPressOutcome::Done;
    }
    return KeyPressOutcome::Rejected;
}

} // namespace kiosk::input
