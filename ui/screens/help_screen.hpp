// Help: how to use the kiosk and where to find a volunteer.
#pragma once

#include "ui/screens/screen_view.hpp"

namespace kiosk::ui {

class HelpScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

} // namespace kiosk::ui
