// Number-and-unit facts of take-home reminders checked against the lesson's steps.
#include "kiosk/lesson/lesson_facts.hpp"

#include <cctype>
#include <set>
#include <string_view>
#include <utility>

namespace kiosk {
namespace {

using Fact = std::pair<std::string, std::string>; // number, first letters of the next word

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// A word is a run of bytes that are not ASCII spaces or punctuation; UTF-8 letters stay whole.
bool isWordByte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte) != 0;
}

std::string lowerAscii(std::string_view word) {
    std::string lower(word);
    for (char& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return lower;
}

// "8-20 ký tự" gives (8, ""), (20, "ký"): a number joined to the next number by a dash or
// "to"/"đến" counts with that range's unit, found by the later number.
std::set<Fact> factsIn(std::string_view text) {
    std::set<Fact> facts;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isDigit(text[i]) || (i > 0 && isWordByte(text[i - 1]))) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && (isDigit(text[end]) || text[end] == '.')) {
            ++end;
        }
        std::string number(text.substr(i, end - i));
        while (!number.empty() && number.back() == '.') {
            number.pop_back();
        }
        std::size_t next = end;
        while (next < text.size() && (text[next] == ' ' || text[next] == '-')) {
            ++next;
        }
        std::size_t wordEnd = next;
        while (wordEnd < text.size() && isWordByte(text[wordEnd])) {
            ++wordEnd;
        }
        std::string unit = lowerAscii(text.substr(next, wordEnd - next));
        if (!unit.empty() && isDigit(unit.front())) {
            unit.clear(); // "8-20": the unit belongs to the second number
        }
        // "mức 2 tại công an", "level 2 at the police": a linking word is no unit.
        static const std::set<std::string> kLinkWords{
            "tại", "ở",  "và", "trên", "từ", "đến", "của", "cho", "khi",  "thì",  "là", "rồi",
            "at",  "in", "on", "and",  "to", "of",  "for", "the", "from", "then", "is", "or"};
        if (kLinkWords.contains(unit)) {
            unit.clear();
        }
        facts.insert({number, unit});
        i = end;
    }
    return facts;
}

void addText(std::string& into, const LocalText& text, Language language) {
    into += language == Language::Vietnamese ? text.vi : text.en;
    into += '\n';
}

} // namespace

std::vector<std::string> takeHomeFactProblems(const Lesson& lesson) {
    std::vector<std::string> problems;
    for (Language language : {Language::Vietnamese, Language::English}) {
        std::string taught;
        for (const LessonStep& step : lesson.steps) {
            addText(taught, step.text, language);
            if (step.quiz) {
                addText(taught, step.quiz->question, language);
                for (const QuizChoice& choice : step.quiz->choices) {
                    addText(taught, choice.text, language);
                    addText(taught, choice.feedback, language);
                }
            }
        }
        const std::set<Fact> known = factsIn(taught);
        std::set<std::string> knownNumbers;
        for (const Fact& fact : known) {
            knownNumbers.insert(fact.first);
        }
        for (const LocalText& reminder : lesson.takeHome) {
            const std::string& line = language == Language::Vietnamese ? reminder.vi : reminder.en;
            for (const Fact& fact : factsIn(line)) {
                const bool stated =
                    fact.second.empty() ? knownNumbers.contains(fact.first) : known.contains(fact);
                if (!stated) {
                    problems.push_back(lesson.id + " (" +
                                       (language == Language::Vietnamese ? "vi" : "en") +
                                       "): the take-home sheet says \"" + fact.first +
                                       (fact.second.empty() ? "" : " " + fact.second) +
                                       "\" but the lesson never does: \"" + line + "\"");
                }
            }
        }
    }
    return problems;
}

} // namespace kiosk
