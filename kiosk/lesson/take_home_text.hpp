// What a lesson prints on its take-home sheet, already in one language.
#pragma once

#include "kiosk/i18n/language.hpp"

#include <string>
#include <vector>

namespace kiosk {

struct Lesson;

// Kept apart from Lesson and TakeHomeSheet: procedure.hpp (via lesson.hpp) and receipt.hpp both
// define kiosk::DocumentForm, so no file can include both until one is renamed.
struct TakeHomeText {
    std::string title;
    std::vector<std::string> lines;
};

TakeHomeText takeHomeText(const Lesson& lesson, Language language);

} // namespace kiosk
