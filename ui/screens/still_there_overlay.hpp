// The "Are you still there?" countdown drawn over any screen before the session is wiped.
#pragma once

#include "ui/screens/frame_context.hpp"

namespace kiosk::ui {

void drawStillThereOverlay(const FrameContext& ctx);

} // namespace kiosk::ui
