// The always-visible bottom bar: printer, card reader and network state in words and colour.
#pragma once

#include "ui/screens/frame_context.hpp"

namespace kiosk::ui {

void drawStatusBar(const FrameContext& ctx, ImVec2 size);

} // namespace kiosk::ui
