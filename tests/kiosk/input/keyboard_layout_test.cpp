// The keyboard model: layouts per field kind, row widths, auto-shift, and key presses.
#include "kiosk/input/keyboard_controller.hpp"
#include "kiosk/input/keyboard_layout.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace kiosk::input;

namespace {

const KeyDef* findKey(const KeyboardLayout& layout, KeyAction action, char32_t character = 0) {
    for (const auto& row : layout.rows) {
        for (const auto& key : row.keys) {
            if (key.action == action && (action != KeyAction::Char || key.character == character)) {
                return &key;
            }
        }
    }
    return nullptr;
}

// Types `text` by pressing the keys a resident would press on the shown layout (lower-case
// letter keys; Shift comes from the keyboard state, as on the kiosk).
void pressText(KeyboardState& state, VietnameseComposer& composer, std::u32string_view text) {
    for (const char32_t c : text) {
        const KeyboardLayout layout = makeLayout(state.layout, state.field);
        const KeyDef* key = c == U' '   ? findKey(layout, KeyAction::Space)
                            : c == U'<' ? findKey(layout, KeyAction::Backspace)
                                        : findKey(layout, KeyAction::Char, c);
        REQUIRE(key != nullptr);
        pressKey(state, *key, composer);
    }
}

float rowWidth(const KeyRow& row) {
    float width = 0.0F;
    for (const auto& key : row.keys) {
        width += key.width;
    }
    return width;
}

} // namespace

TEST_CASE("every row of a layout is as wide as the others", "[telex][keyboard]") {
    for (const auto kind : {LayoutKind::Letters, LayoutKind::Numbers, LayoutKind::Symbols}) {
        const KeyboardLayout layout = makeLayout(kind, FieldKind::Text);
        REQUIRE(layout.kind == kind);
        for (const auto& row : layout.rows) {
            CHECK(rowWidth(row) == Approx(10.0F));
        }
    }
    for (const auto field : {FieldKind::Number, FieldKind::Phone, FieldKind::Date}) {
        const KeyboardLayout pad = makeLayout(LayoutKind::NumericPad, field);
        for (const auto& row : pad.rows) {
            CHECK(rowWidth(row) == Approx(3.0F));
        }
    }
}

TEST_CASE("the letters layout has the 26 letters and the action keys", "[telex][keyboard]") {
    const KeyboardLayout layout = makeLayout(LayoutKind::Letters, FieldKind::Name);
    for (char32_t c = U'a'; c <= U'z'; ++c) {
        CHECK(findKey(layout, KeyAction::Char, c) != nullptr);
    }
    for (const auto action :
         {KeyAction::Shift, KeyAction::CapsLock, KeyAction::Backspace, KeyAction::Space,
          KeyAction::SwitchLayout, KeyAction::Done, KeyAction::SwitchMethod}) {
        CHECK(findKey(layout, action) != nullptr);
    }
    CHECK(findKey(layout, KeyAction::Char, U'@') == nullptr);
    CHECK(findKey(makeLayout(LayoutKind::Letters, FieldKind::Email), KeyAction::Char, U'@'));
}

TEST_CASE("fields pick their keyboard and input method by what they hold", "[telex][keyboard]") {
    CHECK(profileFor(FieldKind::Name).layout == LayoutKind::Letters);
    CHECK(profileFor(FieldKind::Name).method == InputMethod::Telex);
    CHECK(profileFor(FieldKind::Text).method == InputMethod::Telex);
    CHECK(profileFor(FieldKind::Email).method == InputMethod::Plain);
    CHECK(profileFor(FieldKind::Email).layout == LayoutKind::Letters);
    for (const auto field :
         {FieldKind::Number, FieldKind::Phone, FieldKind::Date, FieldKind::IdNumber}) {
        CHECK(profileFor(field).layout == LayoutKind::NumericPad);
        CHECK(profileFor(field).method == InputMethod::Plain);
    }
    CHECK(profileFor(FieldKind::IdNumber).maxLength == 12);
    CHECK(profileFor(FieldKind::Date).padExtra == NumericPadExtra::Slash);
    CHECK(profileFor(FieldKind::Phone).padExtra == NumericPadExtra::Plus);
}

TEST_CASE("the numeric pad has the ten digits, backspace and only the field's extra key",
          "[telex][keyboard]") {
    const KeyboardLayout id = makeLayout(LayoutKind::NumericPad, FieldKind::IdNumber);
    for (char32_t c = U'0'; c <= U'9'; ++c) {
        CHECK(findKey(id, KeyAction::Char, c) != nullptr);
    }
    CHECK(findKey(id, KeyAction::Backspace) != nullptr);
    CHECK(findKey(id, KeyAction::Char, U'/') == nullptr);
    CHECK(findKey(id, KeyAction::Char, U'+') == nullptr);
    const KeyboardLayout date = makeLayout(LayoutKind::NumericPad, FieldKind::Date);
    CHECK(findKey(date, KeyAction::Char, U'/') != nullptr);
}

TEST_CASE("shift engages at the start of each word of a name", "[telex][keyboard]") {
    CHECK(shouldAutoShift(FieldKind::Name, ""));
    CHECK(shouldAutoShift(FieldKind::Name, "Nguyễn "));
    CHECK_FALSE(shouldAutoShift(FieldKind::Name, "Nguyễn"));
    CHECK(shouldAutoShift(FieldKind::Text, "Xin chào. "));
    CHECK_FALSE(shouldAutoShift(FieldKind::Text, "Xin chào "));
    CHECK_FALSE(shouldAutoShift(FieldKind::Email, ""));
    CHECK_FALSE(shouldAutoShift(FieldKind::IdNumber, ""));
}

TEST_CASE("a name typed on lower-case keys comes out in title case", "[telex][keyboard]") {
    VietnameseComposer composer;
    KeyboardState state = openKeyboard(FieldKind::Name, composer);
    CHECK(state.shift == ShiftState::Once);
    pressText(state, composer, U"nguyeenx thij asnh tuyeets");
    CHECK(composer.text() == "Nguyễn Thị Ánh Tuyết");
    CHECK(state.shift == ShiftState::Off);
    pressText(state, composer, U"<<<<<");
    CHECK(composer.text() == "Nguyễn Thị Ánh ");
    CHECK(state.shift == ShiftState::Once);
}

TEST_CASE("caps lock keeps capitals until pressed again", "[telex][keyboard]") {
    VietnameseComposer composer;
    KeyboardState state = openKeyboard(FieldKind::Text, composer);
    const KeyboardLayout layout = makeLayout(LayoutKind::Letters, FieldKind::Text);
    pressKey(state, *findKey(layout, KeyAction::CapsLock), composer);
    CHECK(state.shift == ShiftState::Locked);
    pressText(state, composer, U"vieetj nam");
    CHECK(composer.text() == "VIỆT NAM");
    CHECK(keyLabel(*findKey(layout, KeyAction::Char, U'q'), state.shift, composer.method()) == "Q");
    pressKey(state, *findKey(layout, KeyAction::CapsLock), composer);
    CHECK(state.shift == ShiftState::Off);
}

TEST_CASE("an ID number field takes digits only, up to twelve", "[telex][keyboard]") {
    VietnameseComposer composer;
    KeyboardState state = openKeyboard(FieldKind::IdNumber, composer);
    CHECK(state.layout == LayoutKind::NumericPad);
    pressText(state, composer, U"0010900123456789");
    CHECK(composer.text() == "001090012345");
    KeyDef letter;
    letter.character = U'a';
    CHECK(pressKey(state, letter, composer) == KeyPressOutcome::Rejected);
    CHECK(composer.text() == "001090012345");
}

TEST_CASE("the method key cycles Telex, VNI and Plain and names the method", "[telex][keyboard]") {
    VietnameseComposer composer;
    KeyboardState state = openKeyboard(FieldKind::Text, composer);
    const KeyboardLayout layout = makeLayout(LayoutKind::Letters, FieldKind::Text);
    const KeyDef& method = *findKey(layout, KeyAction::SwitchMethod);
    CHECK(keyLabel(method, state.shift, composer.method()) == "Telex");
    CHECK(pressKey(state, method, composer) == KeyPressOutcome::KeyboardChanged);
    CHECK(composer.method() == InputMethod::Vni);
    CHECK(keyLabel(method, state.shift, composer.method()) == "VNI");
    pressKey(state, method, composer);
    CHECK(composer.method() == InputMethod::Plain);
    pressKey(state, method, composer);
    CHECK(composer.method() == InputMethod::Telex);
}

TEST_CASE("layout keys switch between letters, numbers and symbols", "[telex][keyboard]") {
    VietnameseComposer composer;
    KeyboardState state = openKeyboard(FieldKind::Text, composer);
    auto press = [&](KeyAction action) {
        const KeyboardLayout layout = makeLayout(state.layout, state.field);
        return pressKey(state, *findKey(layout, action), composer);
    };
    press(KeyAction::SwitchLayout);
    CHECK(state.layout == LayoutKind::Numbers);
    pressText(state, composer, U"12");
    const KeyboardLayout numbers = makeLayout(LayoutKind::Numbers, FieldKind::Text);
    const auto toSymbols =
        std::find_if(numbers.rows[2].keys.begin(), numbers.rows[2].keys.end(),
                     [](const KeyDef& key) { return key.action == KeyAction::SwitchLayout; });
    REQUIRE(toSymbols != numbers.rows[2].keys.end());
    pressKey(state, *toSymbols, composer);
    CHECK(state.layout == LayoutKind::Symbols);
    CHECK(press(KeyAction::Done) == KeyPressOutcome::Done);
    CHECK(composer.text() == "12");
}

TEST_CASE("names and text get a row of Vietnamese letters and tone keys", "[telex][keyboard]") {
    const KeyboardLayout name = makeLayout(LayoutKind::Letters, FieldKind::Name);
    for (const char32_t c : std::u32string_view(U"ăâđêôơư")) {
        CHECK(findKey(name, KeyAction::Char, c) != nullptr);
    }
    const KeyDef* tilde = findKey(name, KeyAction::Char, 0x0303);
    REQUIRE(tilde != nullptr);
    CHECK(keyLabel(*tilde, ShiftState::Once, InputMethod::Telex) == "ã");
    const KeyDef* e = findKey(name, KeyAction::Char, U'ê');
    REQUIRE(e != nullptr);
    CHECK(keyCharacter(*e, ShiftState::Once) == U'Ê');
    CHECK(keyLabel(*e, ShiftState::Locked, InputMethod::Telex) == "Ê");
    const KeyboardLayout email = makeLayout(LayoutKind::Letters, FieldKind::Email);
    CHECK(findKey(email, KeyAction::Char, U'ê') == nullptr);
    CHECK(email.rows.size() + 1 == name.rows.size());
}

TEST_CASE("a name typed with the Vietnamese row needs no Telex", "[telex][keyboard]") {
    VietnameseComposer composer;
    KeyboardState state = openKeyboard(FieldKind::Name, composer);
    pressText(state, composer, U"nguyên\u0303 văn");
    CHECK(composer.text() == "Nguyễn Văn");
    pressText(state, composer, U" đưc\u0301");
    CHECK(composer.text() == "Nguyễn Văn Đức");
}
