// Key auto-repeat: the delay, the interval and the switch to whole words, from timestamps only.
#include "kiosk/input/key_repeat.hpp"

#include "kiosk/input/utf8.hpp"

#include <string>

namespace kiosk::input {

KeyRepeat::Actions KeyRepeat::update(bool held, Time now) {
    Actions actions;
    if (!held) {
        if (pressedAt_ && repeats_ == 0) {
            actions.characters = 1; // a tap: the key acts on release, like every other key
        }
        pressedAt_.reset();
        repeats_ = 0;
        return actions;
    }
    if (!pressedAt_) {
        pressedAt_ = now;
        nextRepeat_ = now + kDelay;
        return actions;
    }
    // A slow frame may owe several repeats; each is counted so the speed does not depend on
    // the frame rate.
    while (now >= nextRepeat_) {
        if (repeats_ < kWordAfter) {
            ++actions.characters;
        } else {
            ++actions.words;
        }
        ++repeats_;
        nextRepeat_ += kInterval;
    }
    return actions;
}

std::size_t lastWordLength(std::string_view textBeforeCursor) {
    std::u32string text = decodeUtf8<std::u32string>(textBeforeCursor);
    std::size_t end = text.size();
    std::size_t begin = end;
    while (begin > 0 && text[begin - 1] == U' ') {
        --begin;
    }
    while (begin > 0 && text[begin - 1] != U' ') {
        --begin;
    }
    return end - begin;
}

std::optional<KeyRepeat::Time> KeyRepeat::nextDue() const {
    if (!pressedAt_) {
        return std::nullopt;
    }
    return nextRepeat_;
}

} // namespace kiosk::input
