// The always-visible bottom bar: printer, card reader and network state in words and colour.
#pragma once

#include "ui/screens/frame_context.hpp"

namespace kiosk::ui {

// The bar's height on a screen `width` pixels wide: one line, or one line a device when the
// states would not fit side by side.
float statusBarHeight(const FrameContext& ctx, float width);
void drawStatusBar(const FrameContext& ctx, ImVec2 size);

} // namespace kiosk::ui
