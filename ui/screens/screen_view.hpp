// Base of every screen: owns the full-screen window, header, navigation and status bars;
// a subclass draws only its content.
#pragma once

#include "ui/screens/frame_context.hpp"
#include "ui/widgets/touch_button.hpp"

#include <vector>

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

// The size of a screen's action buttons: the resident's, or (a staff screen short of height)
// the chrome's font and target, like the navigation, so the content keeps the room.
enum class ActionSize { Resident, Chrome };
// Height reserved at the bottom of the content for the screen's main action button.
float actionBarHeight(const FrameContext& ctx, ActionSize size = ActionSize::Resident);
// The screen's main action, at the bottom right of the content; true when pressed.
bool primaryAction(const FrameContext& ctx, std::string_view label,
                   ButtonKind kind = ButtonKind::Primary, ActionSize size = ActionSize::Resident);
// How wide primaryAction draws the button for `label`, for a screen that lays out around it.
float primaryActionWidth(const FrameContext& ctx, std::string_view label);
// A second action at the bottom left (e.g. "Try again" beside "Type it in").
bool secondaryAction(const FrameContext& ctx, std::string_view label,
                     ActionSize size = ActionSize::Resident);

// True when the content area is short for the text size (large text, landscape): titles and
// step lines give way first. Call it from the content area.
bool shortOfHeight(const FrameContext& ctx);
// Content shorter than this many heading lines counts as short of height.
inline constexpr float kShortOfHeightLines = 8.0f;
// A step line and title on one line in the chrome's (normal size) font, for short screens.
void compactHeadingText(const FrameContext& ctx, std::string_view text);
// A screen's title: headingText, except on a short screen, where it gives way to the content:
// at the chrome's size (Compact) or only read aloud with the screen (SpokenOnly).
enum class TitleWhenShort { Compact, SpokenOnly };
void screenTitle(const FrameContext& ctx, std::string_view text, TitleWhenShort whenShort);

// Text helpers shared by screens.
void headingText(const FrameContext& ctx, std::string_view text);
void bodyText(const FrameContext& ctx, std::string_view text);
void mutedText(const FrameContext& ctx, std::string_view text);
void boldText(const FrameContext& ctx, std::string_view text);
// A field's label and its value: side by side (one line per field) when `labelColumn` > 0, the
// value's column starting that far right; else the value under the label. A Given value (the
// resident's own data) is bold and never read aloud with the screen; an Absent one ("not filled
// in") is plain.
enum class ValueStyle { Given, Absent };
void labelledValue(const FrameContext& ctx, std::string_view label, std::string_view value,
                   float labelColumn, ValueStyle style = ValueStyle::Given);
// The value column's offset for `labels`, or 0 when the width is too short for two columns.
float labelColumnWidth(const FrameContext& ctx, const std::vector<std::string_view>& labels);
// A problem message in the danger colour, with a leading marker so it does not rely on colour.
void problemText(const FrameContext& ctx, std::string_view text);

} // namespace kiosk::ui
