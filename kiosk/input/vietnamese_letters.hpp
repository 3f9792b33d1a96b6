// The Vietnamese alphabet as data: each precomposed letter split into base, mark, tone and case.
#pragma once

#include <cstdint>
#include <optional>

namespace kiosk::input {

// The modifier a letter carries: â ê ô (circumflex), ă (breve), ơ ư (horn), đ (stroke).
enum class Mark : std::uint8_t { None, Circumflex, Breve, Horn, Stroke };

// The six tones, in Telex key order s f r x j (VNI 1-5).
enum class Tone : std::uint8_t { None, Acute, Grave, Hook, Tilde, Dot };

enum class LetterCase : std::uint8_t { Lower, Upper };

// One letter as the engine reasons about it: `base` is an ASCII lowercase letter 'a'..'z'.
struct LetterParts {
    char base = 'a';
    Mark mark = Mark::None;
    Tone tone = Tone::None;
    LetterCase letterCase = LetterCase::Lower;
};

// The single precomposed (NFC) codepoint for `parts`, or nothing when Vietnamese has no such
// letter (a tone on a consonant, a horn on 'a', ...).
std::optional<char32_t> composeLetter(const LetterParts& parts);

// The parts of an ASCII letter or a precomposed Vietnamese letter; nothing for anything else.
std::optional<LetterParts> decomposeLetter(char32_t codepoint);

// True for the combining diacritics U+0300..U+036F that NFC text must not contain here.
bool isCombiningMark(char32_t codepoint);

// Folds a combining diacritic (decomposed text pasted from elsewhere) into `parts`; false when
// the diacritic is not one Vietnamese uses or the letter already carries that kind of mark.
bool foldCombiningMark(LetterParts& parts, char32_t combining);

} // namespace kiosk::input
