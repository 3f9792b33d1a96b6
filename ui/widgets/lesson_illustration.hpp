// The pictures of lesson steps, drawn with ImGui's draw list so a content pack needs no images.
#pragma once

#include "kiosk/lesson/lesson.hpp"
#include "ui/screens/frame_context.hpp"

#include <imgui.h>

namespace kiosk::ui {

// Draws `picture` on a card filling min..max (nothing for Illustration::None).
void drawIllustration(const FrameContext& ctx, Illustration picture, ImVec2 min, ImVec2 max);

} // namespace kiosk::ui
