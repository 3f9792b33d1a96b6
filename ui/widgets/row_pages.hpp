// A list of equal rows (big buttons) shown a page at a time in the height that is left: a row is
// never cut by an edge, and when they do not all fit the last row holds "▲" and "Xem tiếp ▼"
// in the same place on every page, so the finger finds it again. A finger drawn up or down over
// the rows turns the page too, as dragging a list does, and presses nothing.
#pragma once

#include "ui/screens/frame_context.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::ui {

class RowPages {
public:
    // The rows [first, last) of `count` to draw now, each `rowHeight` tall, from the cursor.
    // `list` names what is listed: a new one (the search words changed) starts on page one.
    struct Range {
        std::size_t first = 0;
        std::size_t last = 0;
    };
    Range begin(std::string_view list, std::size_t count, float rowHeight);
    // After the page's rows: the page buttons, when there is more than one page.
    void end(const FrameContext& ctx);

    std::size_t page() const { return page_; }

private:
    std::string list_;
    std::size_t page_ = 0;
    std::size_t pages_ = 1;
    std::size_t rows_ = 1;
    float step_ = 0;
    float rowHeight_ = 0;
    float width_ = 0;
    float top_ = 0;
    float left_ = 0;
    ImVec2 screenTop_; // where the rows start on the screen, for the finger's drag
};

} // namespace kiosk::ui
