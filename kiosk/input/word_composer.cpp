// The Telex and VNI rules for one word: marks, tones, undo by repeating, restoring non-words.
#include "kiosk/input/word_composer.hpp"

#include <optional>

namespace kiosk::input {
namespace {

using Letters = SecureVector<Letter>;

bool isAsciiLetterKey(char32_t key) {
    return (key >= U'a' && key <= U'z') || (key >= U'A' && key <= U'Z');
}

char32_t toLowerAscii(char32_t key) {
    return (key >= U'A' && key <= U'Z') ? key - U'A' + U'a' : key;
}

LetterCase caseOf(char32_t key) {
    return (key >= U'A' && key <= U'Z') ? LetterCase::Upper : LetterCase::Lower;
}

bool hasVowel(const Letters& letters) {
    const SyllableSplit split = splitSyllable(letters);
    return split.nucleusEnd > split.nucleusBegin;
}

// Keeps the change only if the result can still be Vietnamese.
bool commitIfValid(WordState& word, Letters& candidate, Tone tone) {
    normalizeHorns(candidate);
    if (!isValidSyllablePrefix(candidate, tone)) {
        return false;
    }
    word.letters.swap(candidate);
    word.tone = tone;
    return true;
}

void renderLetters(const Letters& letters, Tone tone, ToneStyle style, SecureU32String& out) {
    const std::optional<std::size_t> target = toneTarget(letters, style);
    for (std::size_t i = 0; i < letters.size(); ++i) {
        const Letter& letter = letters[i];
        if (letter.origin == LetterOrigin::LoneW && letter.mark == Mark::None) {
            out.push_back(letter.letterCase == LetterCase::Upper ? U'W' : U'w');
            continue;
        }
        LetterParts parts{letter.base, letter.mark, Tone::None, letter.letterCase};
        if (target && *target == i) {
            parts.tone = tone;
        }
        const std::optional<char32_t> composed = composeLetter(parts);
        out.push_back(composed ? *composed : static_cast<char32_t>(letter.base));
    }
}

// A modifier typed twice gives the modifier key back and stops composing the word, so that
// words like "taxi" or "boss" can be typed (aaa -> aa, ass -> as).
void undoInto(WordState& word, Letters& undone, Tone tone, char32_t key, ToneStyle style) {
    SecureU32String text;
    renderLetters(undone, tone, style, text);
    text.push_back(key);
    wipeContainer(word.literal);
    word.literal = std::move(text);
    word.mode = WordMode::Literal;
    wipeContainer(undone);
}

void enterLiteralWithRaw(WordState& word) {
    wipeContainer(word.literal);
    word.literal = word.raw;
    word.mode = WordMode::Literal;
}

// Appends a plain letter; if the word stops being Vietnamese, put back the keys as typed.
void appendLetter(WordState& word, Letter letter) {
    Letters candidate = word.letters;
    candidate.push_back(letter);
    if (!commitIfValid(word, candidate, word.tone)) {
        wipeContainer(candidate);
        enterLiteralWithRaw(word);
    }
}

enum class Attempt : std::uint8_t { Done, NotApplicable };

Attempt applyTone(WordState& word, Tone tone, char32_t key, ToneStyle style) {
    if (!hasVowel(word.letters)) {
        return Attempt::NotApplicable;
    }
    if (word.tone == tone) {
        Letters same = word.letters;
        undoInto(word, same, Tone::None, key, style);
        return Attempt::Done;
    }
    Letters candidate = word.letters;
    return commitIfValid(word, candidate, tone) ? Attempt::Done : Attempt::NotApplicable;
}

Attempt removeTone(WordState& word) {
    if (word.tone == Tone::None) {
        return Attempt::NotApplicable;
    }
    word.tone = Tone::None;
    return Attempt::Done;
}

// Telex aa/ee/oo or VNI 6: the circumflex goes on the last matching vowel, wherever it is
// (free marking: "vajan" -> vận, "tosos" -> tôs).
Attempt applyCircumflex(WordState& word, char32_t key, char targetBase, ToneStyle style) {
    const SyllableSplit split = splitSyllable(word.letters);
    for (std::size_t i = split.nucleusEnd; i > split.nucleusBegin; --i) {
        const Letter& letter = word.letters[i - 1];
        const bool matches = targetBase == 0
                                 ? (letter.base == 'a' || letter.base == 'e' || letter.base == 'o')
                                 : letter.base == targetBase;
        if (!matches) {
            continue;
        }
        Letters candidate = word.letters;
        if (letter.mark == Mark::Circumflex) {
            candidate[i - 1].mark = Mark::None;
            // "ooo" is the oo of xoong and soóc, a real vowel pair: keep composing so a tone
            // typed after it still lands (sooocs -> soóc). aaa and eee have no such word.
            if (targetBase == 'o' && i == split.nucleusEnd) {
                Letters pair = candidate;
                pair.push_back(Letter{'o', Mark::None, caseOf(key)});
                if (commitIfValid(word, pair, word.tone)) {
                    wipeContainer(candidate);
                    return Attempt::Done;
                }
                wipeContainer(pair);
            }
            undoInto(word, candidate, word.tone, key, style);
            return Attempt::Done;
        }
        candidate[i - 1].mark = Mark::Circumflex;
        if (commitIfValid(word, candidate, word.tone)) {
            return Attempt::Done;
        }
        return Attempt::NotApplicable;
    }
    return Attempt::NotApplicable;
}

enum class HookKind : std::uint8_t { HornOrBreve, Horn, Breve };

bool carries(const Letter& letter, HookKind kind) {
    switch (kind) {
    case HookKind::HornOrBreve:
        return letter.mark == Mark::Horn || letter.mark == Mark::Breve;
    case HookKind::Horn:
        return letter.mark == Mark::Horn;
    case HookKind::Breve:
        return letter.mark == Mark::Breve;
    }
    return false;
}

// Telex w, VNI 7 (horn) and 8 (breve).
Attempt applyHook(WordState& word, char32_t key, HookKind kind, ToneStyle style) {
    const SyllableSplit split = splitSyllable(word.letters);
    const bool hornAllowed = kind != HookKind::Breve;
    const bool breveAllowed = kind != HookKind::Horn;
    // u-o takes the horn as a pair: uơ when open (thuở), ươ once something follows.
    if (hornAllowed) {
        // A second w on uơ makes ươ, as typists of thương and thường expect (thuoww -> thươ);
        // only a third w undoes.
        for (std::size_t i = split.nucleusBegin; i + 1 < split.nucleusEnd; ++i) {
            if (kind == HookKind::HornOrBreve && word.letters[i].base == 'u' &&
                word.letters[i].mark == Mark::None && word.letters[i + 1].base == 'o' &&
                word.letters[i + 1].mark == Mark::Horn) {
                Letters candidate = word.letters;
                candidate[i].mark = Mark::Horn;
                if (commitIfValid(word, candidate, word.tone)) {
                    return Attempt::Done;
                }
            }
        }
        for (std::size_t i = split.nucleusBegin; i + 1 < split.nucleusEnd; ++i) {
            if (word.letters[i].base == 'u' && word.letters[i + 1].base == 'o' &&
                word.letters[i + 1].mark != Mark::Horn &&
                (word.letters[i].mark == Mark::None || word.letters[i].mark == Mark::Horn)) {
                Letters candidate = word.letters;
                candidate[i + 1].mark = Mark::Horn;
                if (commitIfValid(word, candidate, word.tone)) {
                    return Attempt::Done;
                }
            }
        }
    }
    // Typed again: take the horn/breve off (a lone-w ư goes back to w).
    bool undone = false;
    Letters candidate = word.letters;
    for (std::size_t i = split.nucleusBegin; i < split.nucleusEnd; ++i) {
        if (carries(candidate[i], kind)) {
            candidate[i].mark = Mark::None;
            undone = true;
        }
    }
    if (undone) {
        // "ww" gives one w: the second w takes back the ư that the first one made.
        if (candidate.back().origin == LetterOrigin::LoneW && candidate.back().mark == Mark::None) {
            // The w left behind keeps the case of the first one: "Ww" is "W", not "w".
            if (candidate.back().letterCase == LetterCase::Upper && key >= U'a' && key <= U'z') {
                key = key - U'a' + U'A';
            }
            candidate.pop_back();
        }
        undoInto(word, candidate, word.tone, key, style);
        return Attempt::Done;
    }
    for (std::size_t i = split.nucleusEnd; i > split.nucleusBegin; --i) {
        const Letter& letter = word.letters[i - 1];
        Mark mark = Mark::None;
        if (letter.base == 'a' && breveAllowed &&
            (letter.mark == Mark::None || letter.mark == Mark::Circumflex)) {
            mark = Mark::Breve;
        } else if ((letter.base == 'o' || letter.base == 'u') && hornAllowed &&
                   (letter.mark == Mark::None || letter.mark == Mark::Circumflex)) {
            mark = Mark::Horn;
        } else {
            continue;
        }
        candidate = word.letters;
        candidate[i - 1].mark = mark;
        if (commitIfValid(word, candidate, word.tone)) {
            return Attempt::Done;
        }
    }
    return Attempt::NotApplicable;
}

// Telex dd or VNI 9: only the initial d takes the stroke, even with vowels typed in between.
Attempt applyStroke(WordState& word, char32_t key, ToneStyle style) {
    if (word.letters.empty() || word.letters[0].base != 'd') {
        return Attempt::NotApplicable;
    }
    Letters candidate = word.letters;
    if (candidate[0].mark == Mark::Stroke) {
        candidate[0].mark = Mark::None;
        undoInto(word, candidate, word.tone, key, style);
        return Attempt::Done;
    }
    candidate[0].mark = Mark::Stroke;
    return commitIfValid(word, candidate, word.tone) ? Attempt::Done : Attempt::NotApplicable;
}

std::optional<Tone> telexTone(char32_t lower) {
    switch (lower) {
    case U's':
        return Tone::Acute;
    case U'f':
        return Tone::Grave;
    case U'r':
        return Tone::Hook;
    case U'x':
        return Tone::Tilde;
    case U'j':
        return Tone::Dot;
    default:
        return std::nullopt;
    }
}

void applyTelexLetter(WordState& word, char32_t key, ToneStyle style) {
    const char32_t lower = toLowerAscii(key);
    const LetterCase letterCase = caseOf(key);
    Attempt attempt = Attempt::NotApplicable;
    if (const auto tone = telexTone(lower)) {
        attempt = applyTone(word, *tone, key, style);
    } else if (lower == U'z') {
        attempt = removeTone(word);
    } else if (lower == U'a' || lower == U'e' || lower == U'o') {
        attempt = applyCircumflex(word, key, static_cast<char>(lower), style);
    } else if (lower == U'w') {
        attempt = applyHook(word, key, HookKind::HornOrBreve, style);
        if (attempt == Attempt::NotApplicable && !hasVowel(word.letters)) {
            // A lone w is ư (tư, những): the established engines all do this.
            Letters candidate = word.letters;
            candidate.push_back(Letter{'u', Mark::Horn, letterCase, LetterOrigin::LoneW});
            if (commitIfValid(word, candidate, word.tone)) {
                attempt = Attempt::Done;
            }
        }
    } else if (lower == U'd') {
        attempt = applyStroke(word, key, style);
    }
    if (attempt == Attempt::NotApplicable) {
        appendLetter(word, Letter{static_cast<char>(lower), Mark::None, letterCase});
    }
}

// VNI digits; the result says whether the digit found something to mark.
Attempt applyVniDigit(WordState& word, char32_t key, ToneStyle style) {
    switch (key) {
    case U'1':
        return applyTone(word, Tone::Acute, key, style);
    case U'2':
        return applyTone(word, Tone::Grave, key, style);
    case U'3':
        return applyTone(word, Tone::Hook, key, style);
    case U'4':
        return applyTone(word, Tone::Tilde, key, style);
    case U'5':
        return applyTone(word, Tone::Dot, key, style);
    case U'6':
        return applyCircumflex(word, key, 0, style);
    case U'7':
        return applyHook(word, key, HookKind::Horn, style);
    case U'8':
        return applyHook(word, key, HookKind::Breve, style);
    case U'9':
        return applyStroke(word, key, style);
    case U'0':
        return removeTone(word);
    default:
        return Attempt::NotApplicable;
    }
}

// A precomposed letter from the keyboard (a key labelled ê, or text typed some other way).
void applyPrecomposed(WordState& word, const LetterParts& parts) {
    Letters candidate = word.letters;
    candidate.push_back(Letter{parts.base, parts.mark, parts.letterCase});
    const Tone tone = parts.tone != Tone::None ? parts.tone : word.tone;
    if (!commitIfValid(word, candidate, tone)) {
        wipeContainer(candidate);
        enterLiteralWithRaw(word);
    }
}

void appendCanonicalKeys(const Letter& letter, InputMethod method, SecureU32String& out) {
    const bool upper = letter.letterCase == LetterCase::Upper;
    auto cased = [upper](char lower) {
        return static_cast<char32_t>(upper ? lower - 'a' + 'A' : lower);
    };
    if (letter.origin == LetterOrigin::LoneW && method == InputMethod::Telex) {
        out.push_back(cased('w'));
        return;
    }
    out.push_back(cased(letter.base));
    const bool telex = method == InputMethod::Telex;
    switch (letter.mark) {
    case Mark::None:
        break;
    case Mark::Circumflex:
        out.push_back(telex ? cased(letter.base) : U'6');
        break;
    case Mark::Breve:
        out.push_back(telex ? cased('w') : U'8');
        break;
    case Mark::Horn:
        out.push_back(telex ? cased('w') : U'7');
        break;
    case Mark::Stroke:
        out.push_back(telex ? cased('d') : U'9');
        break;
    }
}

// The keys that would type `word` from scratch; used as the "as typed" text of a word that
// was rebuilt from the field rather than typed.
void rebuildRaw(WordState& word, InputMethod method) {
    wipeContainer(word.raw);
    for (const Letter& letter : word.letters) {
        appendCanonicalKeys(letter, method, word.raw);
    }
    if (word.tone != Tone::None) {
        constexpr char32_t telexKeys[] = {0, U's', U'f', U'r', U'x', U'j'};
        const auto index = static_cast<std::size_t>(word.tone);
        word.raw.push_back(method == InputMethod::Telex ? telexKeys[index]
                                                        : static_cast<char32_t>(U'0' + index));
    }
}

KeyEffect toggleTone(WordState& word, Tone tone) {
    if (!hasVowel(word.letters)) {
        return KeyEffect::Ignored;
    }
    if (word.tone == tone) {
        word.tone = Tone::None;
        return KeyEffect::Applied;
    }
    Letters candidate = word.letters;
    return commitIfValid(word, candidate, tone) ? KeyEffect::Applied : KeyEffect::Ignored;
}

bool takesMark(char base, Mark mark) {
    switch (mark) {
    case Mark::Circumflex:
        return base == 'a' || base == 'e' || base == 'o';
    case Mark::Breve:
        return base == 'a';
    case Mark::Horn:
        return base == 'o' || base == 'u';
    default:
        return false;
    }
}

KeyEffect toggleMark(WordState& word, Mark mark) {
    const SyllableSplit split = splitSyllable(word.letters);
    Letters candidate = word.letters;
    bool removed = false;
    for (std::size_t i = split.nucleusBegin; i < split.nucleusEnd; ++i) {
        if (candidate[i].mark == mark) {
            candidate[i].mark = Mark::None;
            removed = true;
        }
    }
    if (removed) {
        word.letters.swap(candidate);
        return KeyEffect::Applied;
    }
    if (mark == Mark::Horn) {
        for (std::size_t i = split.nucleusBegin; i + 1 < split.nucleusEnd; ++i) {
            if (word.letters[i].base == 'u' && word.letters[i + 1].base == 'o') {
                candidate = word.letters;
                candidate[i + 1].mark = Mark::Horn;
                if (commitIfValid(word, candidate, word.tone)) {
                    return KeyEffect::Applied;
                }
            }
        }
    }
    for (std::size_t i = split.nucleusEnd; i > split.nucleusBegin; --i) {
        if (!takesMark(word.letters[i - 1].base, mark)) {
            continue;
        }
        candidate = word.letters;
        candidate[i - 1].mark = mark;
        if (commitIfValid(word, candidate, word.tone)) {
            return KeyEffect::Applied;
        }
    }
    return KeyEffect::Ignored;
}

} // namespace

KeyEffect applyMarkKey(WordState& word, char32_t combining, InputMethod method) {
    if (word.mode == WordMode::Literal) {
        return KeyEffect::Ignored;
    }
    KeyEffect effect = KeyEffect::Ignored;
    switch (combining) {
    case 0x0301:
        effect = toggleTone(word, Tone::Acute);
        break;
    case 0x0300:
        effect = toggleTone(word, Tone::Grave);
        break;
    case 0x0309:
        effect = toggleTone(word, Tone::Hook);
        break;
    case 0x0303:
        effect = toggleTone(word, Tone::Tilde);
        break;
    case 0x0323:
        effect = toggleTone(word, Tone::Dot);
        break;
    case 0x0302:
        effect = toggleMark(word, Mark::Circumflex);
        break;
    case 0x0306:
        effect = toggleMark(word, Mark::Breve);
        break;
    case 0x031B:
        effect = toggleMark(word, Mark::Horn);
        break;
    default:
        break;
    }
    if (effect == KeyEffect::Applied) {
        // The "as typed" form must stay free of combining marks: use the method's own keys.
        rebuildRaw(word, method);
    }
    return effect;
}

KeyEffect applyKey(WordState& word, char32_t key, InputMethod method, ToneStyle style) {
    if (word.mode == WordMode::Literal) {
        word.raw.push_back(key);
        word.literal.push_back(key);
        return KeyEffect::Applied;
    }
    if (method == InputMethod::Vni && key >= U'0' && key <= U'9') {
        if (applyVniDigit(word, key, style) == Attempt::NotApplicable) {
            return KeyEffect::NotWordKey;
        }
        word.raw.push_back(key);
        return KeyEffect::Applied;
    }
    if (isAsciiLetterKey(key)) {
        word.raw.push_back(key);
        if (method == InputMethod::Telex) {
            applyTelexLetter(word, key, style);
        } else {
            appendLetter(word,
                         Letter{static_cast<char>(toLowerAscii(key)), Mark::None, caseOf(key)});
        }
        return KeyEffect::Applied;
    }
    const std::optional<LetterParts> parts = decomposeLetter(key);
    if (!parts) {
        return KeyEffect::NotWordKey;
    }
    word.raw.push_back(key);
    applyPrecomposed(word, *parts);
    return KeyEffect::Applied;
}

void eraseLastCharacter(WordState& word, InputMethod method, ToneStyle style) {
    if (word.mode == WordMode::Composing) {
        if (word.letters.empty()) {
            return;
        }
        // The deleted character takes its tone with it (Việ -> Vi); a tone on another vowel
        // stays with the syllable and may move (loạn -> lọa).
        const std::optional<std::size_t> target = toneTarget(word.letters, style);
        if (target && *target + 1 == word.letters.size()) {
            word.tone = Tone::None;
        }
        word.letters.pop_back();
        if (!hasVowel(word.letters)) {
            word.tone = Tone::None;
        }
        rebuildRaw(word, method);
        return;
    }
    if (word.literal.empty()) {
        return;
    }
    SecureU32String shorter = word.literal;
    shorter.pop_back();
    WordState reparsed = parseWord(shorter, method);
    wipeContainer(shorter);
    wipeWord(word);
    word = std::move(reparsed);
}

WordState parseWord(std::u32string_view display, InputMethod method) {
    WordState word;
    bool composable = true;
    for (const char32_t codepoint : display) {
        const std::optional<LetterParts> parts = decomposeLetter(codepoint);
        if (!parts) {
            composable = false;
            break;
        }
        if (parts->tone != Tone::None) {
            if (word.tone != Tone::None) {
                composable = false;
                break;
            }
            word.tone = parts->tone;
        }
        word.letters.push_back(Letter{parts->base, parts->mark, parts->letterCase});
    }
    if (composable && isValidSyllablePrefix(word.letters, word.tone)) {
        rebuildRaw(word, method);
        return word;
    }
    wipeContainer(word.letters);
    word.tone = Tone::None;
    word.mode = WordMode::Literal;
    word.literal.assign(display.begin(), display.end());
    word.raw.assign(display.begin(), display.end());
    return word;
}

void renderWord(const WordState& word, ToneStyle style, SecureU32String& out) {
    if (word.mode == WordMode::Literal) {
        out.append(word.literal);
        return;
    }
    renderLetters(word.letters, word.tone, style, out);
}

void wipeWord(WordState& word) noexcept {
    wipeContainer(word.letters);
    wipeContainer(word.raw);
    wipeContainer(word.literal);
    word.tone = Tone::None;
    word.mode = WordMode::Composing;
}

} // namespace kiosk::input
