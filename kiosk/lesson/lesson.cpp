// Text keys and language picking for lessons.
#include "kiosk/lesson/lesson.hpp"

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

} // namespace kiosk
