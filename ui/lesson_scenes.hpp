// Screenshot scenes of the lessons: the list, every step of every lesson, the phone's screens,
// quiz feedback both ways and the end screen.
#pragma once

#include "kiosk/lesson/lesson_loader.hpp"
#include "ui/screenshot_pass.hpp"

#include <vector>

namespace kiosk::ui {

std::vector<ScreenshotScene> lessonScreenshotScenes(const LessonCatalog& lessons);

} // namespace kiosk::ui
