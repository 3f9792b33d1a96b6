// Digital-skills lessons: the list, one step (reading, phone practice or quiz), and the end.
#pragma once

#include "ui/screens/screen_entry.hpp"

namespace kiosk::ui {

class LessonListScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

class LessonStepScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

class LessonDoneScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry lessonListScreenEntry();
ScreenEntry lessonStepScreenEntry();
ScreenEntry lessonDoneScreenEntry();

} // namespace kiosk::ui
