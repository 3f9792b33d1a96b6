// The drawn training phone of a practice step: its own screen, an SMS, and a number pad.
#pragma once

#include "kiosk/lesson/lesson_session.hpp"
#include "ui/screens/frame_context.hpp"

#include <imgui.h>

namespace kiosk::ui {

// Draws the phone at the cursor, `size` big: its screen, and the SMS's button (PhoneSubmit).
// Compact: a squat phone beside its pad on a portrait panel; the app's bar is slimmer and the
// words the instruction above already says are left out, so the number and the code stay whole.
enum class PhoneLayout { Full, Compact };
void drawPracticePhone(const FrameContext& ctx, const PhonePractice& phone, ImVec2 size,
                       PhoneLayout layout = PhoneLayout::Full);
// The phone's number pad, as wide as the region: 1-9, Delete, 0, Send. Full-size touch keys do
// not fit inside a drawn phone on a 10" panel, so the pad sits beside it.
void drawPhonePad(const FrameContext& ctx, const PhonePractice& phone);
// Whether the current phone screen needs the pad column (digits, or the SMS's button).
bool phoneHasPad(PhoneScreen screen);

// What the resident should do on the phone's current screen, for the text beside it.
Msg practiceInstruction(PhoneScreen screen);

} // namespace kiosk::ui
