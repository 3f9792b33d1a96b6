// Base of every screen: owns the full-screen window, header, navigation and status bars;
// a subclass draws only its content.
#pragma once

#include "ui/screens/frame_context.hpp"

namespace kiosk::ui {

enum class Navigation { None, BackAndStartOver };

class ScreenView {
public:
    virtual ~ScreenView() = default;
    void draw(const FrameContext& ctx);

protected:
    virtual Navigation navigation() const { return Navigation::BackAndStartOver; }
    // Draws inside the content area between the header and the navigation bar.
    virtual void drawContent(const FrameContext& ctx) = 0;
};

// Text helpers shared by screens.
void headingText(const FrameContext& ctx, std::string_view text);
void bodyText(const FrameContext& ctx, std::string_view text);
void mutedText(const FrameContext& ctx, std::string_view text);

} // namespace kiosk::ui
