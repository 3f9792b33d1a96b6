// Owns one view per screen, made from the registry (screen_entry.hpp), and draws the one the
// flow is on.
#pragma once

#include "ui/screens/screen_entry.hpp"

#include <memory>
#include <vector>

namespace kiosk::ui {

class ScreenRouter {
public:
    ScreenRouter();
    // Draws the current screen and, when the countdown runs, the overlay above it.
    void draw(const FrameContext& ctx);
    // The view registered for `screen`; null when no screen file registered one.
    ScreenView* viewFor(Screen screen) const;

private:
    std::vector<std::unique_ptr<ScreenView>> views_; // indexed by Screen
};

} // namespace kiosk::ui
