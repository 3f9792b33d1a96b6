// Assisted mode: volunteer sign-in, the PIN pad (volunteer or maintainer) and the volunteer's
// tools.
#pragma once

#include "ui/screens/screen_view.hpp"

namespace kiosk::ui {

class VolunteerSignInScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

class PinEntryScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

class VolunteerToolsScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

// The device states as words, shared with the maintainer screen.
std::string printerWords(const FrameContext& ctx, const DeviceStatus& devices);
std::string readerWords(const FrameContext& ctx, const DeviceStatus& devices);
std::string networkWords(const FrameContext& ctx, const DeviceStatus& devices);

} // namespace kiosk::ui
