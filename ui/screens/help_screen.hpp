// Help: how to use the kiosk and where to find a volunteer.
#pragma once

#include "ui/screens/screen_entry.hpp"

namespace kiosk::ui {

class HelpScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry helpScreenEntry();

} // namespace kiosk::ui
