// Composition of the single word being typed: Telex/VNI keys in, letters and one tone out.
#pragma once

#include "kiosk/input/input_method.hpp"
#include "kiosk/input/secure_buffer.hpp"
#include "kiosk/input/syllable.hpp"

#include <string_view>

namespace kiosk::input {

// Composing: keys still shape the syllable. Literal: the word is not Vietnamese (or a modifier
// was undone), so every key is inserted as typed until the word ends.
enum class WordMode : std::uint8_t { Composing, Literal };

struct WordState {
    WordMode mode = WordMode::Composing;
    SecureVector<Letter> letters;
    Tone tone = Tone::None;
    // The keys as typed, so a word that turns out not to be Vietnamese can be put back.
    SecureU32String raw;
    // The word's text while in Literal mode.
    SecureU32String literal;
};

// Applied: the key became part of the word. NotWordKey: it cannot belong to a word (a digit
// in Telex, '@', a VNI digit with nothing to mark); the field decides what to do with it.
// Ignored: a mark key with nothing to mark.
enum class KeyEffect : std::uint8_t { Applied, NotWordKey, Ignored };

KeyEffect applyKey(WordState& word, char32_t key, InputMethod method, ToneStyle style);

// A diacritic key of the keyboard's Vietnamese row, sent as the combining mark it stands for
// (U+0301 sắc, U+0300 huyền, U+0309 hỏi, U+0303 ngã, U+0323 nặng, U+0302 circumflex, U+0306
// breve, U+031B horn). It marks the word like the VNI digits do, whatever the method, so a
// resident who knows neither Telex nor VNI can still write Vietnamese; pressing it again takes
// the mark off. Nothing is ever inserted as a combining character.
KeyEffect applyMarkKey(WordState& word, char32_t combining, InputMethod method);

// Removes the last displayed character. A tone on that character goes with it; a tone on
// another vowel stays and moves with the syllable (loạn -> lọa). A literal word that becomes
// Vietnamese again is composed again.
void eraseLastCharacter(WordState& word, InputMethod method, ToneStyle style);

// Rebuilds a word from text already in the field (after a cursor move or setText).
WordState parseWord(std::u32string_view display, InputMethod method);

// Appends the word's display text to `out`.
void renderWord(const WordState& word, ToneStyle style, SecureU32String& out);

void wipeWord(WordState& word) noexcept;

} // namespace kiosk::input
