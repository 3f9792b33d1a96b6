// The drawn training phone of a practice step: its own screen, an SMS, and a number pad.
#pragma once

#include "kiosk/lesson/lesson_session.hpp"
#include "ui/screens/frame_context.hpp"

#include <imgui.h>

namespace kiosk::ui {

// Draws the phone at the cursor, `size` big, and emits PhoneKey / PhoneSubmit intents.
void drawPracticePhone(const FrameContext& ctx, const PhonePractice& phone, ImVec2 size);

// What the resident should do on the phone's current screen, for the text beside it.
Msg practiceInstruction(PhoneScreen screen);

} // namespace kiosk::ui
