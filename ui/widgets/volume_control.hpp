// The volunteers' guidance volume: the level in words and two large steps, quieter and louder.
#pragma once

#include "ui/screens/frame_context.hpp"

namespace kiosk::ui {

// Steps of 10 %: a volunteer hears the difference, and 0 to 100 takes ten taps at most.
inline constexpr int kGuidanceVolumeStep = 10;

// Draws at the cursor, `width` wide; emits SetGuidanceVolume (the flow plays a sample).
void volumeControl(const FrameContext& ctx, float width);

} // namespace kiosk::ui
