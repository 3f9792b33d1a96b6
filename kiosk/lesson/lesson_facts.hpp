// Facts a lesson states twice (on screen and on the take-home sheet) must agree.
#pragma once

#include "kiosk/lesson/lesson.hpp"

#include <string>
#include <vector>

namespace kiosk {

// Every number on the take-home sheet, with the word after it ("6 số", "20 ký tự",
// "6-digit"), must appear the same way in the lesson's own steps, in each language: a sheet
// that says "6-digit password" beside a lesson that teaches "8 to 20 characters" is refused.
// One line per disagreement, naming the lesson, the language and the reminder.
std::vector<std::string> takeHomeFactProblems(const Lesson& lesson);

} // namespace kiosk
