// Continue on one's own phone: a QR code that opens the exact procedure, and the steps to follow.
#pragma once

#include "ui/screens/screen_entry.hpp"

namespace kiosk::ui {

class PhoneHandOffScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

// Draws the QR code of `payload` as a square of `side` pixels at the cursor.
void qrImage(const FrameContext& ctx, const std::string& payload, float side);

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry phoneHandOffScreenEntry();

} // namespace kiosk::ui
