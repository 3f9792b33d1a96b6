// Home: welcome, the four big choices, and the resident's text size, colours and language.
#pragma once

#include "ui/screens/screen_entry.hpp"

namespace kiosk::ui {

class HomeScreen : public ScreenView {
protected:
    Navigation navigation() const override { return Navigation::None; }
    void drawContent(const FrameContext& ctx) override;

private:
    // At most `room` high: notices that do not fit are left to the status bar, said in a line.
    void drawNotices(const FrameContext& ctx, float room);
    void drawChoices(const FrameContext& ctx, float height);
    void drawAccessibility(const FrameContext& ctx);
};

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry homeScreenEntry();

} // namespace kiosk::ui
