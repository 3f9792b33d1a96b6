// Vietnamese syllable structure: split into initial/vowels/final, spelling check, tone target.
#pragma once

#include "kiosk/input/input_method.hpp"
#include "kiosk/input/vietnamese_letters.hpp"

#include <cstddef>
#include <optional>
#include <span>

namespace kiosk::input {

// How a letter came to be: a lone Telex `w` becomes ư, and undoing it must give back `w`.
enum class LetterOrigin : std::uint8_t { Typed, LoneW };

// A letter of the word being composed, without its tone (the tone belongs to the syllable).
struct Letter {
    char base = 'a';
    Mark mark = Mark::None;
    LetterCase letterCase = LetterCase::Lower;
    LetterOrigin origin = LetterOrigin::Typed;
};

// Index ranges: [0, nucleusBegin) initial consonants (with the u of qu and the i of gi),
// [nucleusBegin, nucleusEnd) vowels, [nucleusEnd, size) final consonants.
struct SyllableSplit {
    std::size_t nucleusBegin = 0;
    std::size_t nucleusEnd = 0;
};

bool isVowelBase(char base);

SyllableSplit splitSyllable(std::span<const Letter> letters);

// True when `letters` with `tone` can still grow into a Vietnamese syllable: a valid initial,
// vowels that match the start of a Vietnamese vowel group (marks still to come are allowed,
// so "tie" passes on the way to "tiê"), and a valid final for that group.
bool isValidSyllablePrefix(std::span<const Letter> letters, Tone tone);

// The index of the letter that carries the tone, or nothing when there is no vowel.
std::optional<std::size_t> toneTarget(std::span<const Letter> letters, ToneStyle style);

// A horn typed on u-o follows the syllable: "uơ" stays open (thuở) but becomes "ươ" as soon as
// anything follows (thương, người); "ưo" followed by anything becomes "ươ" too.
void normalizeHorns(std::span<Letter> letters);

} // namespace kiosk::input
