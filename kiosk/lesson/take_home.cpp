// Builds the take-home sheet from a lesson's reminders (takeHomeText is in lesson.cpp).
#include "kiosk/lesson/take_home.hpp"

namespace kiosk {

TakeHomeSheet buildTakeHomeSheet(TakeHomeText text, Language language, std::string footer) {
    TakeHomeSheet sheet;
    sheet.language = language;
    sheet.title = std::move(text.title);
    sheet.subtitle =
        language == Language::Vietnamese ? "Bình dân học vụ số" : "Digital skills for all";
    sheet.steps = std::move(text.lines);
    sheet.footer = std::move(footer);
    return sheet;
}

} // namespace kiosk
