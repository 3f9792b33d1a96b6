// Key rows of each layout and the per-field choices (layout, input method, limits).
#include "kiosk/input/keyboard_layout.hpp"

#include "kiosk/input/utf8.hpp"
#include "kiosk/input/vietnamese_letters.hpp"

#include <array>
#include <utility>

namespace kiosk::input {
namespace {

KeyDef charKey(char32_t character, float width = 1.0F) {
    KeyDef key;
    appendUtf8(key.label, character);
    key.action = KeyAction::Char;
    key.character = character;
    key.width = width;
    return key;
}

KeyDef actionKey(std::string label, KeyAction action, float width) {
    KeyDef key;
    key.label = std::move(label);
    key.action = action;
    key.width = width;
    return key;
}

KeyDef switchKey(std::string label, LayoutKind target, float width) {
    KeyDef key = actionKey(std::move(label), KeyAction::SwitchLayout, width);
    key.target = target;
    return key;
}

KeyRow charRow(std::u32string_view characters) {
    KeyRow row;
    for (const char32_t c : characters) {
        row.keys.push_back(charKey(c));
    }
    return row;
}

// Every layout is ten letter-keys wide so the keyboard keeps its size when it switches.
KeyRow bottomRow(LayoutKind kind, FieldKind field) {
    KeyRow row;
    if (kind == LayoutKind::Letters) {
        row.keys.push_back(switchKey("123", LayoutKind::Numbers, 1.5F));
    } else {
        row.keys.push_back(switchKey("ABC", LayoutKind::Letters, 1.5F));
    }
    row.keys.push_back(actionKey("Telex", KeyAction::SwitchMethod, 1.5F));
    row.keys.push_back(charKey(field == FieldKind::Email ? U'@' : U','));
    KeyDef space = actionKey(" ", KeyAction::Space, 3.5F);
    space.character = U' ';
    row.keys.push_back(space);
    row.keys.push_back(charKey(U'.'));
    row.keys.push_back(actionKey("✓", KeyAction::Done, 1.5F));
    return row;
}

// For residents who know neither Telex nor VNI: the seven extra letters, and the five tones
// shown on an 'a' (what a Vietnamese reader recognises) but sent as combining marks, which the
// composer applies to the word before the cursor.
KeyRow vietnameseRow() {
    KeyRow row;
    constexpr float width = 10.0F / 12.0F;
    for (const char32_t c : std::u32string_view(U"ăâđêôơư")) {
        row.keys.push_back(charKey(c, width));
    }
    constexpr std::array<std::pair<char32_t, char32_t>, 5> tones{
        {{U'á', 0x0301}, {U'à', 0x0300}, {U'ả', 0x0309}, {U'ã', 0x0303}, {U'ạ', 0x0323}}};
    for (const auto& [shown, combining] : tones) {
        KeyDef key = charKey(combining, width);
        key.label.clear();
        appendUtf8(key.label, shown);
        row.keys.push_back(key);
    }
    return row;
}

KeyboardLayout lettersLayout(FieldKind field) {
    KeyboardLayout layout{LayoutKind::Letters, {}};
    if (field == FieldKind::Name || field == FieldKind::Text) {
        layout.rows.push_back(vietnameseRow());
    }
    layout.rows.push_back(charRow(U"qwertyuiop"));
    KeyRow middle;
    middle.keys.push_back(actionKey("⇪", KeyAction::CapsLock, 1.0F));
    for (const char32_t c : std::u32string_view(U"asdfghjkl")) {
        middle.keys.push_back(charKey(c));
    }
    layout.rows.push_back(middle);
    KeyRow lower;
    lower.keys.push_back(actionKey("⇧", KeyAction::Shift, 1.5F));
    for (const char32_t c : std::u32string_view(U"zxcvbnm")) {
        lower.keys.push_back(charKey(c));
    }
    lower.keys.push_back(actionKey("⌫", KeyAction::Backspace, 1.5F));
    layout.rows.push_back(lower);
    layout.rows.push_back(bottomRow(LayoutKind::Letters, field));
    return layout;
}

KeyboardLayout numbersLayout(FieldKind field) {
    KeyboardLayout layout{LayoutKind::Numbers, {}};
    layout.rows.push_back(charRow(U"1234567890"));
    layout.rows.push_back(charRow(U"@-/:;()\"'?"));
    KeyRow lower;
    lower.keys.push_back(switchKey("#+=", LayoutKind::Symbols, 1.5F));
    for (const char32_t c : std::u32string_view(U"!&_+=*%")) {
        lower.keys.push_back(charKey(c));
    }
    lower.keys.push_back(actionKey("⌫", KeyAction::Backspace, 1.5F));
    layout.rows.push_back(lower);
    layout.rows.push_back(bottomRow(LayoutKind::Numbers, field));
    return layout;
}

KeyboardLayout symbolsLayout(FieldKind field) {
    KeyboardLayout layout{LayoutKind::Symbols, {}};
    layout.rows.push_back(charRow(U"[]{}#^~|\\<"));
    layout.rows.push_back(charRow(U">$€£¥•`…«»"));
    KeyRow lower;
    lower.keys.push_back(switchKey("123", LayoutKind::Numbers, 1.5F));
    for (const char32_t c : std::u32string_view(U"“”‘’–°§")) {
        lower.keys.push_back(charKey(c));
    }
    lower.keys.push_back(actionKey("⌫", KeyAction::Backspace, 1.5F));
    layout.rows.push_back(lower);
    layout.rows.push_back(bottomRow(LayoutKind::Symbols, field));
    return layout;
}

// A telephone-style pad: big keys for digits, which is all an ID number or a phone needs.
KeyboardLayout numericPad(NumericPadExtra extra) {
    KeyboardLayout layout{LayoutKind::NumericPad, {}};
    layout.rows.push_back(charRow(U"123"));
    layout.rows.push_back(charRow(U"456"));
    layout.rows.push_back(charRow(U"789"));
    KeyRow last;
    if (extra == NumericPadExtra::Slash) {
        last.keys.push_back(charKey(U'/'));
    } else if (extra == NumericPadExtra::Plus) {
        last.keys.push_back(charKey(U'+'));
    }
    last.keys.push_back(charKey(U'0', extra == NumericPadExtra::None ? 2.0F : 1.0F));
    last.keys.push_back(actionKey("⌫", KeyAction::Backspace, 1.0F));
    layout.rows.push_back(last);
    KeyRow done;
    done.keys.push_back(actionKey("✓", KeyAction::Done, 3.0F));
    layout.rows.push_back(done);
    return layout;
}

// Narrow keyboards (KeyboardWidth::Narrow): every row adds up to nine units.

KeyDef spaceKey(float width) {
    KeyDef space = actionKey(" ", KeyAction::Space, width);
    space.character = U' ';
    return space;
}

// QWERTY in nine columns: 'p' closes the third row (beside where it sits on a wide keyboard),
// backspace joins the bottom row, and a name or text gets a key to the accents layer.
KeyboardLayout narrowLettersLayout(FieldKind field) {
    KeyboardLayout layout{LayoutKind::Letters, {}};
    layout.rows.push_back(charRow(U"qwertyuio"));
    layout.rows.push_back(charRow(U"asdfghjkl"));
    KeyRow lower;
    lower.keys.push_back(actionKey("⇧", KeyAction::Shift, 1.0F));
    for (const char32_t c : std::u32string_view(U"zxcvbnmp")) {
        lower.keys.push_back(charKey(c));
    }
    layout.rows.push_back(lower);
    KeyRow bottom;
    bottom.keys.push_back(switchKey("123", LayoutKind::Numbers, 1.5F));
    if (field == FieldKind::Name || field == FieldKind::Text) {
        bottom.keys.push_back(switchKey("ă á", LayoutKind::Accents, 1.5F));
        bottom.keys.push_back(spaceKey(3.0F));
    } else {
        bottom.keys.push_back(charKey(field == FieldKind::Email ? U'@' : U','));
        bottom.keys.push_back(charKey(U'.'));
        bottom.keys.push_back(spaceKey(2.0F));
    }
    bottom.keys.push_back(actionKey("⌫", KeyAction::Backspace, 1.5F));
    bottom.keys.push_back(actionKey("✓", KeyAction::Done, 1.5F));
    layout.rows.push_back(bottom);
    return layout;
}

// The wide keyboard's Vietnamese row as a layer: the seven extra letters, the five tones, and
// the keys that did not fit the narrow letters (Caps Lock, the typing method, ',' and '.').
KeyboardLayout accentsLayout(FieldKind field) {
    KeyboardLayout layout{LayoutKind::Accents, {}};
    const KeyRow wide = vietnameseRow();
    KeyRow letters;
    KeyRow tones;
    for (KeyDef key : wide.keys) {
        bool tone = key.character >= 0x0300 && key.character <= 0x036F;
        key.width = kNarrowRowUnits / (tone ? 5.0F : 7.0F);
        (tone ? tones : letters).keys.push_back(key);
    }
    layout.rows.push_back(letters);
    layout.rows.push_back(tones);
    KeyRow more;
    more.keys.push_back(actionKey("⇪", KeyAction::CapsLock, 2.5F));
    more.keys.push_back(actionKey("Telex", KeyAction::SwitchMethod, 2.5F));
    more.keys.push_back(charKey(field == FieldKind::Email ? U'@' : U',', 2.0F));
    more.keys.push_back(charKey(U'.', 2.0F));
    layout.rows.push_back(more);
    KeyRow bottom;
    bottom.keys.push_back(switchKey("ABC", LayoutKind::Letters, 1.5F));
    bottom.keys.push_back(switchKey("123", LayoutKind::Numbers, 1.5F));
    bottom.keys.push_back(spaceKey(3.0F));
    bottom.keys.push_back(actionKey("⌫", KeyAction::Backspace, 1.5F));
    bottom.keys.push_back(actionKey("✓", KeyAction::Done, 1.5F));
    layout.rows.push_back(bottom);
    return layout;
}

// The digits and punctuation of the wide layer, nine a row.
KeyboardLayout narrowNumbersLayout() {
    KeyboardLayout layout{LayoutKind::Numbers, {}};
    layout.rows.push_back(charRow(U"123456789"));
    layout.rows.push_back(charRow(U"0.,@-/:;?"));
    layout.rows.push_back(charRow(U"()\"'!&_+="));
    KeyRow lower;
    lower.keys.push_back(switchKey("#+=", LayoutKind::Symbols, 3.0F));
    lower.keys.push_back(charKey(U'*', 1.5F));
    lower.keys.push_back(charKey(U'%', 1.5F));
    lower.keys.push_back(actionKey("⌫", KeyAction::Backspace, 3.0F));
    layout.rows.push_back(lower);
    KeyRow bottom;
    bottom.keys.push_back(switchKey("ABC", LayoutKind::Letters, 2.0F));
    bottom.keys.push_back(spaceKey(5.0F));
    bottom.keys.push_back(actionKey("✓", KeyAction::Done, 2.0F));
    layout.rows.push_back(bottom);
    return layout;
}

KeyboardLayout narrowSymbolsLayout() {
    KeyboardLayout layout{LayoutKind::Symbols, {}};
    layout.rows.push_back(charRow(U"[]{}#^~|\\"));
    layout.rows.push_back(charRow(U"<>$€£¥•`…"));
    layout.rows.push_back(charRow(U"«»“”‘’–°§"));
    KeyRow lower;
    lower.keys.push_back(switchKey("123", LayoutKind::Numbers, 3.0F));
    lower.keys.push_back(actionKey("⌫", KeyAction::Backspace, 3.0F));
    lower.keys.push_back(actionKey("✓", KeyAction::Done, 3.0F));
    layout.rows.push_back(lower);
    KeyRow bottom;
    bottom.keys.push_back(switchKey("ABC", LayoutKind::Letters, 3.0F));
    bottom.keys.push_back(spaceKey(6.0F));
    layout.rows.push_back(bottom);
    return layout;
}

bool isAsciiDigit(char32_t c) {
    return c >= U'0' && c <= U'9';
}

} // namespace

FieldInputProfile profileFor(FieldKind field) {
    switch (field) {
    // Vietnamese full names rarely pass 40 characters; 100 leaves room for the longest.
    case FieldKind::Name:
        return {LayoutKind::Letters, InputMethod::Telex, NumericPadExtra::None, 100};
    case FieldKind::Text:
        return {LayoutKind::Letters, InputMethod::Telex, NumericPadExtra::None, 1000};
    case FieldKind::Number:
        return {LayoutKind::NumericPad, InputMethod::Plain, NumericPadExtra::None, 15};
    // E.164 allows 15 digits after the '+'.
    case FieldKind::Phone:
        return {LayoutKind::NumericPad, InputMethod::Plain, NumericPadExtra::Plus, 16};
    // dd/mm/yyyy
    case FieldKind::Date:
        return {LayoutKind::NumericPad, InputMethod::Plain, NumericPadExtra::Slash, 10};
    // The chip citizen ID card number (CCCD) has 12 digits; the old CMND had 9.
    case FieldKind::IdNumber:
        return {LayoutKind::NumericPad, InputMethod::Plain, NumericPadExtra::None, 12};
    // RFC 5321 caps a forward path at 256 octets including the angle brackets.
    case FieldKind::Email:
        return {LayoutKind::Letters, InputMethod::Plain, NumericPadExtra::None, 254};
    }
    return {};
}

KeyboardLayout makeLayout(LayoutKind kind, FieldKind field, KeyboardWidth width) {
    if (width == KeyboardWidth::Narrow) {
        switch (kind) {
        case LayoutKind::Letters:
            return narrowLettersLayout(field);
        case LayoutKind::Accents:
            return accentsLayout(field);
        case LayoutKind::Numbers:
            return narrowNumbersLayout();
        case LayoutKind::Symbols:
            return narrowSymbolsLayout();
        case LayoutKind::NumericPad:
            return numericPad(profileFor(field).padExtra);
        }
    }
    switch (kind) {
    case LayoutKind::Accents: // a wide keyboard has them in its top row
        return lettersLayout(field);
    case LayoutKind::Letters:
        return lettersLayout(field);
    case LayoutKind::Numbers:
        return numbersLayout(field);
    case LayoutKind::Symbols:
        return symbolsLayout(field);
    case LayoutKind::NumericPad:
        return numericPad(profileFor(field).padExtra);
    }
    return lettersLayout(field);
}

bool shouldAutoShift(FieldKind field, std::string_view textBeforeCursor) {
    if (textBeforeCursor.empty()) {
        return field == FieldKind::Name || field == FieldKind::Text;
    }
    const char last = textBeforeCursor.back();
    if (field == FieldKind::Name) {
        return last == ' ' || last == '-';
    }
    if (field == FieldKind::Text) {
        if (last == '\n') {
            return true;
        }
        if (last != ' ') {
            return false;
        }
        const std::size_t end = textBeforeCursor.find_last_not_of(' ');
        if (end == std::string_view::npos) {
            return true;
        }
        const char before = textBeforeCursor[end];
        return before == '.' || before == '!' || before == '?' || before == '\n';
    }
    return false;
}

char32_t keyCharacter(const KeyDef& key, ShiftState shift) {
    if (shift == ShiftState::Off) {
        return key.character;
    }
    std::optional<LetterParts> parts = decomposeLetter(key.character);
    if (!parts) {
        return key.character;
    }
    parts->letterCase = LetterCase::Upper;
    return composeLetter(*parts).value_or(key.character);
}

std::string keyLabel(const KeyDef& key, ShiftState shift, InputMethod method) {
    if (key.action == KeyAction::SwitchMethod) {
        return std::string(methodLabel(method));
    }
    // Action keys and the tone keys keep the label they were made with.
    if (key.action != KeyAction::Char || isCombiningMark(key.character)) {
        return key.label;
    }
    std::string label;
    appendUtf8(label, keyCharacter(key, shift));
    return label;
}

std::string_view methodLabel(InputMethod method) {
    switch (method) {
    case InputMethod::Telex:
        return "Telex";
    case InputMethod::Vni:
        return "VNI";
    case InputMethod::Plain:
        return "abc";
    }
    return "";
}

bool acceptsCharacter(FieldKind field, char32_t character) {
    switch (field) {
    case FieldKind::Number:
    case FieldKind::IdNumber:
        return isAsciiDigit(character);
    case FieldKind::Phone:
        return isAsciiDigit(character) || character == U'+';
    case FieldKind::Date:
        return isAsciiDigit(character) || character == U'/';
    case FieldKind::Email:
        return character > U' ' && character < 0x7F;
    case FieldKind::Name:
    case FieldKind::Text:
        return true;
    }
    return true;
}

} // namespace kiosk::input
