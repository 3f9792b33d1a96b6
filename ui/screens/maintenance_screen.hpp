// Maintenance: shown instead of everything when the kiosk cannot serve (e.g. a config error).
#pragma once

#include "ui/screens/screen_entry.hpp"

namespace kiosk::ui {

class MaintenanceScreen : public ScreenView {
protected:
    Navigation navigation() const override { return Navigation::None; }
    void drawContent(const FrameContext& ctx) override;
};

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry maintenanceScreenEntry();

} // namespace kiosk::ui
