// The printed take-home sheet of a lesson: its title and reminders in the resident's language.
#pragma once

#include "kiosk/lesson/lesson.hpp"
#include "kiosk/receipt/receipt.hpp"

#include <string>

namespace kiosk {

// `footer` names the access point and its hotline (from the config).
TakeHomeSheet buildTakeHomeSheet(const Lesson& lesson, Language language, std::string footer);

} // namespace kiosk
