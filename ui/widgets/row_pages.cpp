// Paging whole rows: the arithmetic of how many fit, and the page buttons under them.
#include "ui/widgets/row_pages.hpp"

#include "ui/theme/metrics.hpp"
#include "ui/widgets/scroll_area.hpp"

#include <algorithm>
#include <cmath>
#include <imgui_internal.h>

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
    screenTop_ = ImGui::GetCursorScreenPos();
    return {page_ * perPage, std::min(count, (page_ + 1) * perPage)};
}

void RowPages::end(const FrameContext& ctx) {
    if (pages_ <= 1) {
        return;
    }
    const Metrics& m = ctx.metrics;
    // A drag that began on the rows: past the threshold it is a swipe, not a press (the row
    // under the finger lets go), and on lifting it turns the page its way.
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 start = io.MouseClickedPos[0];
    const bool onRows = start.x >= screenTop_.x && start.x <= screenTop_.x + width_ &&
                        start.y >= screenTop_.y &&
                        start.y <= screenTop_.y + static_cast<float>(rows_ - 1) * step_;
    const float swipe = m.mm(8);
    if (onRows && ImGui::IsMouseDragging(ImGuiMouseButton_Left, swipe) &&
        ImGui::GetActiveID() != 0) {
        ImGui::ClearActiveID();
    }
    if (onRows && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        const float moved = io.MousePos.y - start.y;
        if (moved < -swipe && page_ + 1 < pages_) {
            ++page_;
        } else if (moved > swipe && page_ > 0) {
            --page_;
        }
    }
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
