// Builds the take-home sheet from a lesson's reminders.
#include "kiosk/lesson/take_home.hpp"

namespace kiosk {

TakeHomeSheet buildTakeHomeSheet(const Lesson& lesson, Language language, std::string footer) {
    TakeHomeSheet sheet;
    sheet.language = language;
    sheet.title = localText(lesson.title, language);
    sheet.subtitle = language == Language::Vietnamese ? "Bình dân học vụ số" : "Digital skills for all";
    for (const LocalText& line : lesson.takeHome) {
        sheet.steps.push_back(localText(line, language));
    }
    sheet.footer = std::move(footer);
    return sheet;
}

} // namespace kiosk
