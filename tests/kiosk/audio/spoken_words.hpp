// Test helper: how many words a spoken text has (runs of non-spaces), to judge a sound's length.
#pragma once

#include <cstddef>
#include <string>

namespace kiosk::testing {

inline std::size_t spokenWordCount(const std::string& text) {
    std::size_t words = 0;
    bool inWord = false;
    for (char c : text) {
        bool space = c == ' ';
        words += !space && !inWord ? 1 : 0;
        inWord = !space;
    }
    return words;
}

} // namespace kiosk::testing
