// Screenshot scenes of the lessons: the list, every step of every lesson, the phone's screens,
// quiz feedback both ways and the end screen.
#pragma once

#include "ui/screens/scene_fixtures.hpp"

#include <vector>

namespace kiosk::ui {

// The lesson list, every step of every lesson (with the phone's screens and quiz feedback both
// ways), and each lesson's end screen: one list per lesson screen's entry.
std::vector<ScreenshotScene> lessonListScenes(const SceneSources& sources);
std::vector<ScreenshotScene> lessonStepScenes(const SceneSources& sources);
std::vector<ScreenshotScene> lessonDoneScenes(const SceneSources& sources);

} // namespace kiosk::ui
