// Tests of backspace auto-repeat with synthetic frame times (no clock, no sleeping).
#include "kiosk/input/key_repeat.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::input;
using namespace std::chrono_literals;

namespace {

const KeyRepeat::Time kKeyRepeatStart = KeyRepeat::Time{} + 100s;

// Holds the key from kKeyRepeatStart to `until`, one frame every `frame`, then releases it; returns
// the characters and words deleted in total.
KeyRepeat::Actions hold(KeyRepeat& repeat, std::chrono::milliseconds until,
                        std::chrono::milliseconds frame = 16ms) {
    KeyRepeat::Actions total;
    for (auto t = 0ms; t <= until; t += frame) {
        auto step = repeat.update(true, kKeyRepeatStart + t);
        total.characters += step.characters;
        total.words += step.words;
    }
    auto released = repeat.update(false, kKeyRepeatStart + until + frame);
    total.characters += released.characters;
    total.words += released.words;
    return total;
}

} // namespace

TEST_CASE("a short tap on backspace deletes one character, on release", "[keyboard]") {
    KeyRepeat repeat;
    CHECK_FALSE(repeat.update(true, kKeyRepeatStart).any());
    CHECK_FALSE(repeat.update(true, kKeyRepeatStart + 200ms).any());
    auto released = repeat.update(false, kKeyRepeatStart + 250ms);
    CHECK(released.characters == 1);
    CHECK_FALSE(repeat.active());
}

TEST_CASE("holding backspace repeats after the delay, every interval", "[keyboard]") {
    KeyRepeat repeat;
    repeat.update(true, kKeyRepeatStart);
    CHECK_FALSE(repeat.update(true, kKeyRepeatStart + 499ms).any());
    CHECK(repeat.update(true, kKeyRepeatStart + 500ms).characters == 1);
    CHECK_FALSE(repeat.update(true, kKeyRepeatStart + 579ms).any());
    CHECK(repeat.update(true, kKeyRepeatStart + 580ms).characters == 1);
    CHECK(repeat.nextDue() == kKeyRepeatStart + 660ms);
    // Releasing after repeats adds no extra deletion.
    CHECK_FALSE(repeat.update(false, kKeyRepeatStart + 600ms).any());
    CHECK_FALSE(repeat.nextDue());
}

TEST_CASE("the repeat count does not depend on the frame rate", "[keyboard]") {
    KeyRepeat fast;
    KeyRepeat slow;
    auto atSixty = hold(fast, 1300ms, 16ms);
    auto atTen = hold(slow, 1300ms, 100ms);
    // 500 ms delay, then one at 500, 580, ... 1220 ms: ten characters.
    CHECK(atSixty.characters == 10);
    CHECK(atTen.characters == atSixty.characters);
}

TEST_CASE("a long hold moves on to whole words", "[keyboard]") {
    KeyRepeat repeat;
    auto total = hold(repeat, 1500ms);
    CHECK(total.characters == KeyRepeat::kWordAfter);
    CHECK(total.words == 3); // at 1300, 1380 and 1460 ms
}

TEST_CASE("a word step deletes the spaces before the cursor and the word before them",
          "[keyboard]") {
    CHECK(lastWordLength("Nguyễn Thị") == 3);
    CHECK(lastWordLength("Nguyễn Thị  ") == 5);
    CHECK(lastWordLength("Ánh") == 3);
    CHECK(lastWordLength("") == 0);
    CHECK(lastWordLength("   ") == 3);
}

TEST_CASE("each press starts its own delay", "[keyboard]") {
    KeyRepeat repeat;
    hold(repeat, 700ms);
    repeat.update(true, kKeyRepeatStart + 2s);
    CHECK_FALSE(repeat.update(true, kKeyRepeatStart + 2s + 400ms).any());
    CHECK(repeat.update(true, kKeyRepeatStart + 2s + 500ms).characters == 1);
}
