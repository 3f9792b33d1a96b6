// libFuzzer target: any keys, cursor moves or pastes leave a valid field for the input engine.
#include "kiosk/input/utf8.hpp"
#include "kiosk/input/vietnamese_composer.hpp"
#include "kiosk/input/vietnamese_letters.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace kiosk::input;

namespace {

void check(bool condition) {
    if (!condition) {
        __builtin_trap();
    }
}

void checkField(const VietnameseComposer& composer, std::size_t limit) {
    const std::string_view text = composer.text();
    check(isValidUtf8(text));
    const auto codepoints = decodeUtf8<std::u32string>(text);
    check(codepoints.size() == composer.length());
    check(composer.cursor() <= composer.length());
    check(composer.cursorByteOffset() <= text.size());
    for (const char32_t c : codepoints) {
        check(!isCombiningMark(c));
    }
    if (limit > 0) {
        check(composer.length() <= limit);
    }
}

} // namespace

// Byte 0 picks method, tone style and limit; the rest is UTF-8 where U+0001..U+0006 are
// editing commands and every other codepoint is a key.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::uint8_t settings = data[0];
    const auto method = static_cast<InputMethod>(settings % 3);
    const auto style = (settings & 0x4) != 0 ? ToneStyle::New : ToneStyle::Old;
    const std::size_t limit = (settings & 0x8) != 0 ? (settings >> 4) : 0;
    VietnameseComposer composer(method, style);
    composer.setMaxLength(limit);
    bool limitHolds = true;

    const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
    std::size_t position = 0;
    bool valid = true;
    while (position < input.size()) {
        const char32_t c = decodeUtf8At(input, position, valid);
        switch (c) {
        case 0x01:
            composer.backspace();
            break;
        case 0x02: {
            const int target =
                position < input.size() ? static_cast<unsigned char>(input[position++]) - 8 : 0;
            composer.moveCursor(target);
            break;
        }
        case 0x03:
            composer.commitWord();
            break;
        case 0x04:
            composer.setMethod(
                static_cast<InputMethod>((static_cast<int>(composer.method()) + 1) % 3));
            break;
        case 0x05:
            composer.setToneStyle(composer.toneStyle() == ToneStyle::Old ? ToneStyle::New
                                                                         : ToneStyle::Old);
            break;
        case 0x06: {
            // Paste the next 16 bytes as they are (maybe malformed, maybe decomposed).
            const std::size_t length = std::min<std::size_t>(16, input.size() - position);
            composer.setText(input.substr(position, length));
            position += length;
            limitHolds = false;
            break;
        }
        default:
            composer.type(c);
            break;
        }
        checkField(composer, limitHolds ? limit : 0);
    }
    composer.clear();
    check(composer.text().empty());
    return 0;
}
