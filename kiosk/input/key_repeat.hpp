// Auto-repeat of a held key (backspace), as a pure state machine fed with frame timestamps.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>

namespace kiosk::input {

// A held key acts once on release if it was a tap; held longer than kDelay it acts by itself
// every kInterval, and after kWordAfter repeats by whole words, so a long name empties quickly
// without the resident having to tap 30 times. The UI calls update() once per frame with
// whether the key is down and the frame's time; no clock is read here.
class KeyRepeat {
public:
    using Time = std::chrono::steady_clock::time_point;
    using Duration = std::chrono::steady_clock::duration;

    // Long enough that an unhurried tap never repeats, short enough to feel responsive.
    static constexpr Duration kDelay = std::chrono::milliseconds(500);
    static constexpr Duration kInterval = std::chrono::milliseconds(80);
    static constexpr int kWordAfter = 10;

    enum class Step { Character, Word };

    struct Actions {
        int characters = 0; // delete this many characters now
        int words = 0;      // then this many whole words
        bool any() const { return characters > 0 || words > 0; }
    };

    // `held`: the key is down this frame. Returns what to delete this frame. A release before
    // kDelay counts as one tap (one character); a release after repeating adds nothing.
    Actions update(bool held, Time now);

    // When the next repeat is due while the key is held, so the UI can wake for it.
    std::optional<Time> nextDue() const;
    bool active() const { return pressedAt_.has_value(); }

private:
    std::optional<Time> pressedAt_;
    Time nextRepeat_{};
    int repeats_ = 0;
};

// How many characters one whole-word step deletes before the cursor: the spaces there, then
// the word before them, counted in code points (what one backspace removes).
std::size_t lastWordLength(std::string_view textBeforeCursor);

} // namespace kiosk::input
