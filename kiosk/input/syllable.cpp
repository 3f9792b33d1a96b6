// Spelling rules of the Vietnamese syllable, kept as tables of initials, vowel groups and finals.
#include "kiosk/input/syllable.hpp"

#include <array>
#include <string_view>

namespace kiosk::input {
namespace {

// Initial consonants; '#' stands for đ. The clusters after "x" come from the official Vietnamese
// spelling of ethnic-minority place and personal names that residents write in addresses:
// Krông Búk, Kon Plông, Chư Prông, Đắk Glei, Bl'ao, Kông Chro.
constexpr std::array<std::string_view, 35> initials{
    "b",  "c",  "ch", "d",   "#",  "g",  "gh", "gi", "h",  "k",   "kh", "l",
    "m",  "n",  "ng", "ngh", "nh", "p",  "ph", "q",  "qu", "r",   "s",  "t",
    "th", "tr", "v",  "x",   "kr", "pl", "pr", "gl", "bl", "chr", ""};

// "k" closes the same names' syllables: Đắk Lắk, Đắk Nông, Krông Búk.
constexpr std::array<std::string_view, 9> finals{"c", "ch", "k", "m", "n", "ng", "nh", "p", "t"};

enum class FinalRule : std::uint8_t { Forbidden, Optional, Required };

// Vowel groups written letter by letter, each letter optionally followed by its mark:
// '^' circumflex, '(' breve, '+' horn. So "u+o+" is ươ and "uye^" is uyê.
struct VowelGroup {
    std::string_view pattern;
    FinalRule finalRule;
};

constexpr std::array<VowelGroup, 54> vowelGroups{{
    {"a", FinalRule::Optional},      {"e", FinalRule::Optional},
    {"e^", FinalRule::Optional},     {"i", FinalRule::Optional},
    {"o", FinalRule::Optional},      {"o^", FinalRule::Optional},
    {"o+", FinalRule::Optional},     {"u", FinalRule::Optional},
    {"u+", FinalRule::Optional},     {"y", FinalRule::Optional},
    {"oa", FinalRule::Optional},     {"oe", FinalRule::Optional},
    {"ue^", FinalRule::Optional},    {"uy", FinalRule::Optional},
    {"a(", FinalRule::Required},     {"a^", FinalRule::Required},
    {"ie^", FinalRule::Required},    {"ye^", FinalRule::Required},
    {"uo^", FinalRule::Required},    {"u+o+", FinalRule::Required},
    {"oa(", FinalRule::Required},    {"ua^", FinalRule::Required},
    {"uye^", FinalRule::Required},   {"oo", FinalRule::Required},
    {"ai", FinalRule::Forbidden},    {"ao", FinalRule::Forbidden},
    {"au", FinalRule::Forbidden},    {"ay", FinalRule::Forbidden},
    {"a^u", FinalRule::Forbidden},   {"a^y", FinalRule::Forbidden},
    {"eo", FinalRule::Forbidden},    {"e^u", FinalRule::Forbidden},
    {"ia", FinalRule::Forbidden},    {"iu", FinalRule::Forbidden},
    {"oi", FinalRule::Forbidden},    {"o^i", FinalRule::Forbidden},
    {"o+i", FinalRule::Forbidden},   {"ui", FinalRule::Forbidden},
    {"u+i", FinalRule::Forbidden},   {"u+u", FinalRule::Forbidden},
    {"ua", FinalRule::Forbidden},    {"u+a", FinalRule::Forbidden},
    {"uo+", FinalRule::Forbidden},   {"oai", FinalRule::Forbidden},
    {"oay", FinalRule::Forbidden},   {"oeo", FinalRule::Forbidden},
    {"ua^y", FinalRule::Forbidden},  {"uo^i", FinalRule::Forbidden},
    {"u+o+i", FinalRule::Forbidden}, {"u+o+u", FinalRule::Forbidden},
    {"uya", FinalRule::Forbidden},   {"uyu", FinalRule::Forbidden},
    {"ie^u", FinalRule::Forbidden},  {"ye^u", FinalRule::Forbidden},
}};

Mark markFromPattern(char symbol) {
    switch (symbol) {
    case '^':
        return Mark::Circumflex;
    case '(':
        return Mark::Breve;
    case '+':
        return Mark::Horn;
    default:
        return Mark::None;
    }
}

bool isPatternMark(char symbol) {
    return symbol == '^' || symbol == '(' || symbol == '+';
}

enum class MatchKind : std::uint8_t { None, Prefix, Whole };

// Compares typed vowels with a group. A typed letter without a mark matches a marked letter of
// the group, because with free marking the circumflex or horn may still come.
MatchKind matchGroup(std::span<const Letter> vowels, std::string_view pattern) {
    std::size_t position = 0;
    std::size_t matched = 0;
    while (position < pattern.size()) {
        const char base = pattern[position++];
        Mark mark = Mark::None;
        if (position < pattern.size() && isPatternMark(pattern[position])) {
            mark = markFromPattern(pattern[position++]);
        }
        if (matched == vowels.size()) {
            return MatchKind::Prefix;
        }
        const Letter& typed = vowels[matched];
        if (typed.base != base || (typed.mark != Mark::None && typed.mark != mark)) {
            return MatchKind::None;
        }
        ++matched;
    }
    return matched == vowels.size() ? MatchKind::Whole : MatchKind::None;
}

bool vowelsMatchSomeGroup(std::span<const Letter> vowels, bool hasFinal) {
    for (const auto& group : vowelGroups) {
        const MatchKind match = matchGroup(vowels, group.pattern);
        if (hasFinal) {
            if (match == MatchKind::Whole && group.finalRule != FinalRule::Forbidden) {
                return true;
            }
        } else if (match != MatchKind::None) {
            return true;
        }
    }
    return false;
}

// Writes the consonants of [begin, end) as a key for the tables; false if one carries a mark
// that consonants cannot have.
bool consonantKey(std::span<const Letter> letters, std::size_t begin, std::size_t end,
                  std::array<char, 4>& key, std::size_t& length) {
    length = 0;
    for (std::size_t i = begin; i < end; ++i) {
        if (length == key.size()) {
            return false;
        }
        const Letter& letter = letters[i];
        if (letter.mark == Mark::Stroke && letter.base == 'd') {
            key[length++] = '#';
        } else if (letter.mark == Mark::None) {
            key[length++] = letter.base;
        } else {
            return false;
        }
    }
    return true;
}

bool isStopFinal(std::string_view final) {
    return final == "c" || final == "ch" || final == "k" || final == "p" || final == "t";
}

// Spelling pairs the language never writes: k/gh/ngh only before e ê i (y), c never before
// them, g and ng before e/i are spelt gh/ngh, and q only as qu. Place names keep k before o
// (Kon Tum, Kông Chro), so that pair is written too.
bool initialFitsVowel(std::string_view initial, const Letter& first) {
    const bool frontVowel = first.base == 'e' || first.base == 'i' || first.base == 'y';
    if (initial == "k") {
        return frontVowel || (first.base == 'o' && first.mark != Mark::Horn);
    }
    if (initial == "gh" || initial == "ngh") {
        return first.base == 'e' || first.base == 'i';
    }
    if (initial == "c") {
        return !frontVowel;
    }
    if (initial == "g" || initial == "ng") {
        return first.base != 'e' && !(initial == "ng" && first.base == 'i');
    }
    if (initial == "q") {
        return first.base == 'u' && first.mark == Mark::None;
    }
    return true;
}

} // namespace

bool isVowelBase(char base) {
    return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
}

SyllableSplit splitSyllable(std::span<const Letter> letters) {
    std::size_t index = 0;
    while (index < letters.size() && !isVowelBase(letters[index].base)) {
        ++index;
    }
    // "qu" and "gi" are initials when another vowel follows: quà, già, giữ (but gì, gìn).
    if (index == 1 && index + 1 < letters.size() && isVowelBase(letters[index + 1].base) &&
        letters[index].mark == Mark::None && letters[0].mark == Mark::None) {
        const bool qu = letters[0].base == 'q' && letters[index].base == 'u';
        const bool gi = letters[0].base == 'g' && letters[index].base == 'i';
        if (qu || gi) {
            ++index;
        }
    }
    SyllableSplit split;
    split.nucleusBegin = index;
    while (index < letters.size() && isVowelBase(letters[index].base)) {
        ++index;
    }
    split.nucleusEnd = index;
    return split;
}

bool isValidSyllablePrefix(std::span<const Letter> letters, Tone tone) {
    for (const Letter& letter : letters) {
        if (letter.base == 'f' || letter.base == 'j' || letter.base == 'w' || letter.base == 'z' ||
            letter.base < 'a' || letter.base > 'z') {
            return false;
        }
    }
    const SyllableSplit split = splitSyllable(letters);
    std::array<char, 4> initialKey{};
    std::size_t initialLength = 0;
    if (!consonantKey(letters, 0, split.nucleusBegin, initialKey, initialLength)) {
        return false;
    }
    const std::string_view initial(initialKey.data(), initialLength);
    const bool hasVowels = split.nucleusEnd > split.nucleusBegin;
    if (!hasVowels) {
        // Only consonants so far: they must start some initial ("ng" on the way to "ngh").
        if (tone != Tone::None) {
            return false;
        }
        for (const auto candidate : initials) {
            if (candidate.starts_with(initial)) {
                return true;
            }
        }
        return false;
    }
    bool knownInitial = false;
    for (const auto candidate : initials) {
        knownInitial = knownInitial || candidate == initial;
    }
    if (!knownInitial || !initialFitsVowel(initial, letters[split.nucleusBegin])) {
        return false;
    }
    std::array<char, 4> finalKey{};
    std::size_t finalLength = 0;
    if (!consonantKey(letters, split.nucleusEnd, letters.size(), finalKey, finalLength)) {
        return false;
    }
    const std::string_view final(finalKey.data(), finalLength);
    const bool hasFinal = !final.empty();
    if (hasFinal) {
        bool knownFinal = false;
        for (const auto candidate : finals) {
            knownFinal = knownFinal || candidate == final;
        }
        if (!knownFinal) {
            return false;
        }
        // ch and nh only follow a, ê (e on its way to ê), i and y: anh, ếch, inh, uynh.
        if (final == "ch" || final == "nh") {
            const Letter& last = letters[split.nucleusEnd - 1];
            const bool fits = (last.base == 'a' && last.mark == Mark::None) || (last.base == 'e') ||
                              last.base == 'i' || last.base == 'y';
            if (!fits) {
                return false;
            }
        }
        // Final k is written only in the minority place names (Đắk, Lắk, Đak Pơ, Búk); kept to
        // a (ă, â) and u so English words typed by mistake stay as typed (book, look, ok).
        if (final == "k") {
            const Letter& last = letters[split.nucleusEnd - 1];
            const bool fits = split.nucleusEnd - split.nucleusBegin == 1 &&
                              (last.base == 'a' || (last.base == 'u' && last.mark == Mark::None));
            if (!fits) {
                return false;
            }
        }
        // A stop final cuts the syllable short: only sắc and nặng can sit on it.
        if (isStopFinal(final) &&
            (tone == Tone::Grave || tone == Tone::Hook || tone == Tone::Tilde)) {
            return false;
        }
    }
    const auto vowels = letters.subspan(split.nucleusBegin, split.nucleusEnd - split.nucleusBegin);
    return vowelsMatchSomeGroup(vowels, hasFinal);
}

std::optional<std::size_t> toneTarget(std::span<const Letter> letters, ToneStyle style) {
    const SyllableSplit split = splitSyllable(letters);
    const std::size_t count = split.nucleusEnd - split.nucleusBegin;
    if (count == 0) {
        return std::nullopt;
    }
    // A marked vowel carries the tone (ươ: the second one): tiến, người, thuở, khuyên.
    for (std::size_t i = split.nucleusEnd; i > split.nucleusBegin; --i) {
        if (letters[i - 1].mark != Mark::None) {
            return i - 1;
        }
    }
    const bool hasFinal = split.nucleusEnd < letters.size();
    const std::size_t first = split.nucleusBegin;
    if (count == 1) {
        return first;
    }
    if (count == 2) {
        if (hasFinal) {
            return first + 1;
        }
        const char a = letters[first].base;
        const char b = letters[first + 1].base;
        const bool newStylePair = (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
        return (newStylePair && style == ToneStyle::New) ? first + 1 : first;
    }
    // Three vowels: the middle one when open (ngoái, khuỷu), the last before a final (uyên).
    if (count == 3 && hasFinal) {
        return first + 2;
    }
    return first + 1;
}

void normalizeHorns(std::span<Letter> letters) {
    const SyllableSplit split = splitSyllable(letters);
    for (std::size_t i = split.nucleusBegin; i + 1 < split.nucleusEnd; ++i) {
        Letter& u = letters[i];
        Letter& o = letters[i + 1];
        if (u.base != 'u' || o.base != 'o' || i + 2 >= letters.size()) {
            continue;
        }
        if (o.mark == Mark::Horn && u.mark == Mark::None) {
            u.mark = Mark::Horn;
        } else if (u.mark == Mark::Horn && o.mark == Mark::None) {
            o.mark = Mark::Horn;
        }
    }
}

} // namespace kiosk::input
