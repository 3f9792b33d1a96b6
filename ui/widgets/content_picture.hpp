// A picture of the content pack fitted into a box, or a neutral placeholder when it is unreadable.
#pragma once

#include "ui/screens/frame_context.hpp"

#include <imgui.h>
#include <string>

namespace kiosk::ui {

// The largest size of a `width` x `height` picture that fits `box` without changing its shape.
ImVec2 fitPicture(int width, int height, ImVec2 box);

// Draws the picture at `path` (inside the content pack) fitted into `box` at the cursor,
// centred horizontally and top-aligned, and advances the cursor by the box. Unreadable or
// unavailable pictures show a grey card with a simple landscape sign instead.
void contentPicture(const FrameContext& ctx, const std::string& path, ImVec2 box);

} // namespace kiosk::ui
