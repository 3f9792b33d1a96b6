// The on-screen keyboard as data: which keys, in which rows, for which kind of field.
#pragma once

#include "kiosk/input/input_method.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::input {

// Accents: the hat letters and tone keys on a layer of their own, for narrow keyboards.
enum class LayoutKind : std::uint8_t { Letters, Numbers, Symbols, NumericPad, Accents };

// How many keys a row may hold. A letter key must stay at least 12.7 mm wide: a portrait panel
// (about 130 mm of keyboard) has room for nine, so its rows hold nine units and the hat letters
// and tones move to a layer of their own.
enum class KeyboardWidth : std::uint8_t { Wide, Narrow };
inline constexpr float kWideRowUnits = 10.0F;
inline constexpr float kNarrowRowUnits = 9.0F;

enum class KeyAction : std::uint8_t {
    // Types `character`, upper-cased while Shift or Caps Lock is on. The tone keys of the
    // Vietnamese row send a combining mark, which the composer applies (applyMarkKey).
    Char,
    Shift,    // next letter upper case
    CapsLock, // all letters upper case until pressed again
    Backspace,
    Space,
    SwitchLayout, // shows `target`
    Done,         // ends editing of the field
    SwitchMethod, // Telex -> VNI -> Plain -> Telex
};

// What the field holds decides the keyboard: a name gets letters and Telex, an ID number a
// big numeric pad with nothing that could compose.
enum class FieldKind : std::uint8_t { Text, Name, Number, Phone, Date, IdNumber, Email };

enum class ShiftState : std::uint8_t { Off, Once, Locked };

struct KeyDef {
    // What the key shows, UTF-8. Action keys carry a short neutral label ("⇧", "⌫", "123");
    // the UI may draw an icon or a translated word instead.
    std::string label;
    KeyAction action = KeyAction::Char;
    char32_t character = 0;
    LayoutKind target = LayoutKind::Letters;
    // Width relative to a letter key; every row of a layout adds up to the same total.
    float width = 1.0F;
};

struct KeyRow {
    std::vector<KeyDef> keys;
};

struct KeyboardLayout {
    LayoutKind kind = LayoutKind::Letters;
    std::vector<KeyRow> rows;
};

// The extra key beside 0 on the numeric pad.
enum class NumericPadExtra : std::uint8_t { None, Slash, Plus };

struct FieldInputProfile {
    LayoutKind layout = LayoutKind::Letters;
    InputMethod method = InputMethod::Telex;
    NumericPadExtra padExtra = NumericPadExtra::None;
    // A sensible limit in codepoints for the field (VietnameseComposer::setMaxLength).
    std::size_t maxLength = 0;
};

FieldInputProfile profileFor(FieldKind field);

// The keys of `kind` as shown for `field`. Letters for names and text get a top row of
// ă â đ ê ô ơ ư and five tone keys; an e-mail field gets '@' where others get ','; the numeric
// pad gets the field's extra key.
KeyboardLayout makeLayout(LayoutKind kind, FieldKind field,
                          KeyboardWidth width = KeyboardWidth::Wide);

// True when Shift should engage by itself: at the start of each word of a name (names are
// written in title case) and at the start of a sentence of free text.
bool shouldAutoShift(FieldKind field, std::string_view textBeforeCursor);

// The character a Char key types, and the label a key shows given the shift state and the
// input method in use (the method key names the current method).
char32_t keyCharacter(const KeyDef& key, ShiftState shift);
std::string keyLabel(const KeyDef& key, ShiftState shift, InputMethod method);

// Label of the method key, showing the method now in use.
std::string_view methodLabel(InputMethod method);

// Whether a field accepts a character at all (digits only for numbers, no spaces in e-mail
// addresses). Text and names accept everything: in VNI their digits are tone keys.
bool acceptsCharacter(FieldKind field, char32_t character);

} // namespace kiosk::input
