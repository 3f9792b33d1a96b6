// Lenient UTF-8 decoding: text from outside (setText, paste) never breaks the field.
#include "kiosk/input/utf8.hpp"

namespace kiosk::input {

char32_t decodeUtf8At(std::string_view text, std::size_t& pos, bool& valid) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = 0;
    char32_t codepoint = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        codepoint = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        codepoint = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        codepoint = lead & 0x07;
        minimum = 0x10000;
    } else {
        ++pos;
        valid = false;
        return replacementCharacter;
    }
    if (pos + length > text.size()) {
        ++pos;
        valid = false;
        return replacementCharacter;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[pos + i]);
        if ((next & 0xC0) != 0x80) {
            ++pos;
            valid = false;
            return replacementCharacter;
        }
        codepoint = (codepoint << 6) | (next & 0x3F);
    }
    if (codepoint < minimum || codepoint > 0x10FFFF ||
        (codepoint >= 0xD800 && codepoint <= 0xDFFF)) {
        ++pos;
        valid = false;
        return replacementCharacter;
    }
    pos += length;
    return codepoint;
}

bool isValidUtf8(std::string_view text) {
    std::size_t pos = 0;
    bool valid = true;
    while (pos < text.size() && valid) {
        decodeUtf8At(text, pos, valid);
    }
    return valid;
}

} // namespace kiosk::input
