// UTF-8 encoding and lenient decoding for the input engine's text fields.
#pragma once

#include <cstdint>
#include <string_view>

namespace kiosk::input {

inline constexpr char32_t replacementCharacter = 0xFFFD;

// Appends the UTF-8 form of `codepoint` to any string of char; surrogates and values past
// U+10FFFF become U+FFFD so the output is always valid UTF-8.
template <typename String> void appendUtf8(String& out, char32_t codepoint) {
    if ((codepoint >= 0xD800 && codepoint <= 0xDFFF) || codepoint > 0x10FFFF) {
        codepoint = replacementCharacter;
    }
    if (codepoint < 0x80) {
        out.push_back(static_cast<char>(codepoint));
    } else if (codepoint < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (codepoint >> 6)));
        out.push_back(static_cast<char>(0x80 | (codepoint & 0x3F)));
    } else if (codepoint < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (codepoint >> 12)));
        out.push_back(static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (codepoint & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (codepoint >> 18)));
        out.push_back(static_cast<char>(0x80 | ((codepoint >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (codepoint & 0x3F)));
    }
}

// Decodes one codepoint starting at `pos` and advances `pos`. Malformed, overlong or
// surrogate sequences give U+FFFD and consume one byte, so decoding always makes progress.
// `valid` is set to false when that happens.
char32_t decodeUtf8At(std::string_view text, std::size_t& pos, bool& valid);

// Decodes the whole of `text` into any string of char32_t, replacing malformed bytes.
template <typename U32String> U32String decodeUtf8(std::string_view text) {
    U32String out;
    std::size_t pos = 0;
    bool valid = true;
    while (pos < text.size()) {
        out.push_back(decodeUtf8At(text, pos, valid));
    }
    return out;
}

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool isValidUtf8(std::string_view text);

} // namespace kiosk::input
