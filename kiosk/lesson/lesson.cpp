// Text keys and language picking for lessons.
#include "kiosk/lesson/lesson.hpp"

#include "kiosk/lesson/take_home_text.hpp"

#include <cstdio>

namespace kiosk {

std::string stepTextKey(const std::string& lessonId, std::size_t stepIndex) {
    char number[8];
    std::snprintf(number, sizeof number, "%02zu", stepIndex + 1);
    return lessonId + ".step" + number;
}

const std::string& localText(const LocalText& text, Language language) {
    return language == Language::English && !text.en.empty() ? text.en : text.vi;
}

TakeHomeText takeHomeText(const Lesson& lesson, Language language) {
    TakeHomeText text;
    text.title = localText(lesson.title, language);
    for (const LocalText& line : lesson.takeHome) {
        text.lines.push_back(localText(line, language));
    }
    return text;
}

} // namespace kiosk
