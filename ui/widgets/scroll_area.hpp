// A vertical list that scrolls by dragging a finger, as on a phone; a drag never presses a button.
#pragma once

#include "ui/screens/frame_context.hpp"

namespace kiosk::ui {

// Between begin and end, draw the list's items. `height` 0 = the rest of the region.
void beginScrollArea(const FrameContext& ctx, std::string_view id, float height = 0);
void endScrollArea(const FrameContext& ctx);

} // namespace kiosk::ui
