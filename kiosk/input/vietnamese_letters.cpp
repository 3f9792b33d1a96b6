// The vowels in every tone and case (132 precomposed letters, plus đ/Đ) and lookups both ways.
#include "kiosk/input/vietnamese_letters.hpp"

#include <array>
#include <cstddef>

namespace kiosk::input {
namespace {

struct VowelRow {
    char base;
    Mark mark;
    // Indexed by Tone: none, acute, grave, hook, tilde, dot.
    const char32_t* lower;
    const char32_t* upper;
};

constexpr std::array<VowelRow, 12> vowelRows{{
    {'a', Mark::None, U"aáàảãạ", U"AÁÀẢÃẠ"},
    {'a', Mark::Breve, U"ăắằẳẵặ", U"ĂẮẰẲẴẶ"},
    {'a', Mark::Circumflex, U"âấầẩẫậ", U"ÂẤẦẨẪẬ"},
    {'e', Mark::None, U"eéèẻẽẹ", U"EÉÈẺẼẸ"},
    {'e', Mark::Circumflex, U"êếềểễệ", U"ÊẾỀỂỄỆ"},
    {'i', Mark::None, U"iíìỉĩị", U"IÍÌỈĨỊ"},
    {'o', Mark::None, U"oóòỏõọ", U"OÓÒỎÕỌ"},
    {'o', Mark::Circumflex, U"ôốồổỗộ", U"ÔỐỒỔỖỘ"},
    {'o', Mark::Horn, U"ơớờởỡợ", U"ƠỚỜỞỠỢ"},
    {'u', Mark::None, U"uúùủũụ", U"UÚÙỦŨỤ"},
    {'u', Mark::Horn, U"ưứừửữự", U"ƯỨỪỬỮỰ"},
    {'y', Mark::None, U"yýỳỷỹỵ", U"YÝỲỶỸỴ"},
}};

constexpr std::size_t toneCount = 6;

bool isAsciiLetter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

} // namespace

std::optional<char32_t> composeLetter(const LetterParts& parts) {
    const bool upper = parts.letterCase == LetterCase::Upper;
    if (parts.base < 'a' || parts.base > 'z') {
        return std::nullopt;
    }
    if (parts.mark == Mark::Stroke) {
        if (parts.base != 'd' || parts.tone != Tone::None) {
            return std::nullopt;
        }
        return upper ? U'Đ' : U'đ';
    }
    for (const auto& row : vowelRows) {
        if (row.base == parts.base && row.mark == parts.mark) {
            const auto index = static_cast<std::size_t>(parts.tone);
            return upper ? row.upper[index] : row.lower[index];
        }
    }
    if (parts.mark != Mark::None || parts.tone != Tone::None) {
        return std::nullopt;
    }
    const char letter = upper ? static_cast<char>(parts.base - 'a' + 'A') : parts.base;
    return static_cast<char32_t>(letter);
}

std::optional<LetterParts> decomposeLetter(char32_t codepoint) {
    if (isAsciiLetter(codepoint)) {
        const bool upper = codepoint <= U'Z';
        const char lower = static_cast<char>(upper ? codepoint - U'A' + U'a' : codepoint);
        return LetterParts{lower, Mark::None, Tone::None,
                           upper ? LetterCase::Upper : LetterCase::Lower};
    }
    if (codepoint < 0xC0) {
        return std::nullopt;
    }
    if (codepoint == U'đ' || codepoint == U'Đ') {
        return LetterParts{'d', Mark::Stroke, Tone::None,
                           codepoint == U'Đ' ? LetterCase::Upper : LetterCase::Lower};
    }
    for (const auto& row : vowelRows) {
        for (std::size_t tone = 0; tone < toneCount; ++tone) {
            if (row.lower[tone] == codepoint) {
                return LetterParts{row.base, row.mark, static_cast<Tone>(tone), LetterCase::Lower};
            }
            if (row.upper[tone] == codepoint) {
                return LetterParts{row.base, row.mark, static_cast<Tone>(tone), LetterCase::Upper};
            }
        }
    }
    return std::nullopt;
}

bool isCombiningMark(char32_t codepoint) {
    return codepoint >= 0x0300 && codepoint <= 0x036F;
}

bool foldCombiningMark(LetterParts& parts, char32_t combining) {
    LetterParts folded = parts;
    auto setTone = [&](Tone tone) {
        if (folded.tone != Tone::None) {
            return false;
        }
        folded.tone = tone;
        return true;
    };
    auto setMark = [&](Mark mark) {
        if (folded.mark != Mark::None) {
            return false;
        }
        folded.mark = mark;
        return true;
    };
    bool applied = false;
    switch (combining) {
    case 0x0301:
        applied = setTone(Tone::Acute);
        break;
    case 0x0300:
        applied = setTone(Tone::Grave);
        break;
    case 0x0309:
        applied = setTone(Tone::Hook);
        break;
    case 0x0303:
        applied = setTone(Tone::Tilde);
        break;
    case 0x0323:
        applied = setTone(Tone::Dot);
        break;
    case 0x0302:
        applied = setMark(Mark::Circumflex);
        break;
    case 0x0306:
        applied = setMark(Mark::Breve);
        break;
    case 0x031B:
        applied = setMark(Mark::Horn);
        break;
    default:
        break;
    }
    if (!applied || !composeLetter(folded)) {
        return false;
    }
    parts = folded;
    return true;
}

} // namespace kiosk::input
