// The maintainer screen: reports with per-day charts and exports, volunteers, and content packs
// from a USB stick.
#pragma once

#include "ui/screens/screen_entry.hpp"
#include "ui/widgets/keyboard.hpp"

namespace kiosk::ui {

class MaintainerScreen : public ScreenView {
protected:
    // Back leads the tab row instead: reports need the height on a 10-inch panel.
    Navigation navigation() const override { return Navigation::None; }
    void drawContent(const FrameContext& ctx) override;

private:
    void drawReports(const FrameContext& ctx);
    void drawVolunteers(const FrameContext& ctx);
    void drawEnrolment(const FrameContext& ctx);
    void drawEnrolmentName(const FrameContext& ctx);
    void drawContentPacks(const FrameContext& ctx);
    void drawHealth(const FrameContext& ctx);

    HeldBackspace backspace_; // of the volunteer name's keyboard
};

// "25/11/2026" for a report day.
std::string dayText(UsageDate day);
// "12,3 MB" style sizes for pack progress.
std::string sizeText(std::uint64_t bytes);

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry maintainerScreenEntry();

} // namespace kiosk::ui
