// Owns one view per screen and picks the one to draw with a single switch on the flow state.
#pragma once

#include "ui/screens/help_screen.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/maintenance_screen.hpp"

namespace kiosk::ui {

class ScreenRouter {
public:
    // Draws the current screen and, when the countdown runs, the overlay above it.
    void draw(const FrameContext& ctx);

private:
    ScreenView& viewFor(Screen screen);

    HomeScreen home_;
    HelpScreen help_;
    MaintenanceScreen maintenance_;
};

} // namespace kiosk::ui
