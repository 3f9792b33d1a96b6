// LogToken: a log value fixed at compile time, so no resident's input can reach a log line.
#pragma once

#include <cstddef>
#include <string_view>

namespace kiosk {

// A text that is known when the program is compiled (screen names, device states, reasons).
// Its consteval constructor makes it impossible to pass a resident's input by mistake.
class LogToken {
public:
    template <std::size_t N>
    consteval LogToken(const char (&literal)[N])
        : text_(literal, N - 1) {}
    std::string_view text() const { return text_; }

private:
    std::string_view text_;
};

} // namespace kiosk
