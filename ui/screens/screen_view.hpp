// Base of every screen: owns the full-screen window, header, navigation and status bars;
// a subclass draws only its content.
#pragma once

#include "ui/screens/frame_context.hpp"
#include "ui/widgets/touch_button.hpp"

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

// Height reserved at the bottom of the content for the screen's main action button.
float actionBarHeight(const FrameContext& ctx);
// The screen's main action, at the bottom right of the content; true when pressed.
bool primaryAction(const FrameContext& ctx, std::string_view label,
                   ButtonKind kind = ButtonKind::Primary);
// A second action at the bottom left (e.g. "Try again" beside "Type it in").
bool secondaryAction(const FrameContext& ctx, std::string_view label);

// True when the content area is short for the text size (large text, landscape): titles and
// step lines give way first. Call it from the content area.
bool shortOfHeight(const FrameContext& ctx);

// Text helpers shared by screens.
void headingText(const FrameContext& ctx, std::string_view text);
void bodyText(const FrameContext& ctx, std::string_view text);
void mutedText(const FrameContext& ctx, std::string_view text);
void boldText(const FrameContext& ctx, std::string_view text);
// A problem message in the danger colour, with a leading marker so it does not rely on colour.
void problemText(const FrameContext& ctx, std::string_view text);

} // namespace kiosk::ui
