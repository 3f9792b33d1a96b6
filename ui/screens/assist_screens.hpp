// Assisted mode: volunteer sign-in, the PIN pad (volunteer or maintainer) and the volunteer's
// tools.
#pragma once

#include "ui/screens/screen_entry.hpp"
#include "ui/widgets/row_pages.hpp"

namespace kiosk::ui {

class VolunteerSignInScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;

private:
    RowPages pages_; // of the names, a page at a time when they do not all fit
};

class PinEntryScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

class VolunteerToolsScreen : public ScreenView {
protected:
    // Back sits in the action row: the banner already takes a row of the screen.
    Navigation navigation() const override { return Navigation::None; }
    void drawContent(const FrameContext& ctx) override;
};

// The device states as words, shared with the maintainer screen.
std::string printerWords(const FrameContext& ctx, const DeviceStatus& devices);
std::string readerWords(const FrameContext& ctx, const DeviceStatus& devices);
std::string networkWords(const FrameContext& ctx, const DeviceStatus& devices);

// A Back button of `width` at the cursor, for screens that put it in their own action row.
void backButton(const FrameContext& ctx, float width);

// `count` typed digits of at most `longest` as dots in a box `width` wide (never the digits).
void drawPinDots(const FrameContext& ctx, std::size_t count, std::size_t longest, float width);

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry volunteerSignInScreenEntry();
ScreenEntry pinEntryScreenEntry();
ScreenEntry volunteerToolsScreenEntry();

} // namespace kiosk::ui
