// Large touch buttons that act on release, show a pressed state and never rely on hover.
#pragma once

#include "ui/screens/frame_context.hpp"
#include "ui/widgets/icons.hpp"

#include <imgui.h>
#include <optional>
#include <string_view>

namespace kiosk::ui {

// Disabled: drawn flat in the muted text colour; the screen must say beside it why it is off.
enum class ButtonKind { Primary, Secondary, Danger, Disabled };
enum class Selection { NotSelected, Selected };

// A full-width or fixed-size button with one line of text. Returns true on release inside.
// `font` null: the bold text of the resident's size; a chrome font (navigation) lets the button
// be as short as the chrome's target.
bool touchButton(const FrameContext& ctx, std::string_view id, std::string_view label, ImVec2 size,
                 ButtonKind kind = ButtonKind::Secondary, std::optional<Icon> icon = std::nullopt,
                 ImFont* font = nullptr);

// A big home-screen choice: an icon, a bold title and a hint line under it.
bool choiceCard(const FrameContext& ctx, std::string_view id, Icon icon, std::string_view title,
                std::string_view hint, ImVec2 size);

// One option of a group (text size, contrast, language): the chosen one is filled.
bool optionButton(const FrameContext& ctx, std::string_view id, std::string_view label, ImVec2 size,
                  Selection selection, ImFont* font = nullptr);

// A full-width row of a list: a bold title, an optional second line, and an arrow.
bool listItem(const FrameContext& ctx, std::string_view id, std::string_view title,
              std::string_view subtitle, float width);

// A row with a large tick box that toggles.
bool checkItem(const FrameContext& ctx, std::string_view id, std::string_view title,
               std::string_view subtitle, bool checked, float width);

} // namespace kiosk::ui
