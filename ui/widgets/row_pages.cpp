// Paging whole rows: the arithmetic of how many fit, and the page buttons under them.
#include "ui/widgets/row_pages.hpp"

#include "ui/theme/metrics.hpp"
#include "ui/widgets/scroll_area.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

RowPages::Range RowPages::begin(std::string_view list, std::size_t count, float rowHeight) {
    if (list != list_) {
        list_ = std::string(list);
        page_ = 0;
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    rowHeight_ = rowHeight;
    step_ = rowHeight + spacing;
    width_ = avail.x;
    // Two rows at least: one result and the page buttons, even on the shortest screen.
    rows_ = static_cast<std::size_t>(std::max(2.0f, std::floor((avail.y + spacing) / step_)));
    const std::size_t perPage = count <= rows_ ? rows_ : rows_ - 1;
    pages_ = std::max<std::size_t>(1, (count + perPage - 1) / perPage);
    page_ = std::min(page_, pages_ - 1);
    const ImVec2 cursor = ImGui::GetCursorPos();
    left_ = cursor.x;
    top_ = cursor.y;
    return {page_ * perPage, std::min(count, (page_ + 1) * perPage)};
}

void RowPages::end(const FrameContext& ctx) {
    if (pages_ <= 1) {
        return;
    }
    const Metrics& m = ctx.metrics;
    ImGui::SetCursorPos(ImVec2(left_, top_ + static_cast<float>(rows_ - 1) * step_));
    const float upWidth = std::max(m.mm(kMinimumTargetMm) * 1.6f, rowHeight_ * 1.6f);
    if (pageButton(ctx, "page-up", PageDirection::Up, page_ > 0, ImVec2(upWidth, rowHeight_))) {
        --page_;
    }
    ImGui::SameLine(0, m.gapPx);
    if (pageButton(ctx, "page-down", PageDirection::Down, page_ + 1 < pages_,
                   ImVec2(width_ - upWidth - m.gapPx, rowHeight_))) {
        ++page_;
    }
}

} // namespace kiosk::ui
