// A vertical list that scrolls by dragging a finger, as on a phone; a drag never presses a button.
#pragma once

#include "ui/screens/frame_context.hpp"

namespace kiosk::ui {

// Where the "Xem tiếp ▼" / "▲" page buttons go when the list does not fit: in a row under the
// list, or in the left half of the screen's action bar (the main action keeps the right half),
// which leaves the list the whole height; RightOfAction: in the right half, for a screen whose
// only action is a secondary one at the left.
// ColumnRight: stacked in the column right of a narrowed list, above the main action, for a
// short landscape screen where the list needs every pixel of the height.
enum class PagerPlace { Below, BesideAction, RightOfAction, ColumnRight };

// Between begin and end, draw the list's items. `height` 0 = the rest of the region, `width` 0
// = the region's width (ColumnRight: the list's width, the pager takes the rest).
void beginScrollArea(const FrameContext& ctx, std::string_view id, float height = 0,
                     PagerPlace place = PagerPlace::Below, float width = 0);
void endScrollArea(const FrameContext& ctx);
// The height a row of the innermost open scroll area can have and still be shown whole: the
// area less its page buttons when they go under it (the window's height outside any area).
float scrollAreaRoom(const FrameContext& ctx);

// The large page button the scroll area uses ("▲", "Xem tiếp ▼"), for a screen that pages
// whole rows itself. Disabled: drawn flat, never fires.
enum class PageDirection { Up, Down };
bool pageButton(const FrameContext& ctx, const char* id, PageDirection direction, bool enabled,
                ImVec2 size);

} // namespace kiosk::ui
