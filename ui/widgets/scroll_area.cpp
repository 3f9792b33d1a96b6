// Drag-to-scroll: the list follows the finger; once the finger has moved past the drag
// threshold the press is released, so the button under it does not fire on lift.
#include "ui/widgets/scroll_area.hpp"

#include <imgui_internal.h>
#include <string>

namespace kiosk::ui {

void beginScrollArea(const FrameContext& ctx, std::string_view id, float height) {
    (void)ctx;
    std::string key(id);
    // ImGui's own scrollbar is too thin to drag with a finger; endScrollArea draws a position bar.
    ImGui::BeginChild(key.c_str(), ImVec2(0, height), false,
                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar);
}

void endScrollArea(const FrameContext& ctx) {
    ImGuiIO& io = ImGui::GetIO();
    bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem |
                                          ImGuiHoveredFlags_ChildWindows);
    if (hovered && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        if (ImGui::GetActiveID() != 0) {
            ImGui::ClearActiveID();
        }
    }
    // A visible scroll hint: a thick bar at the right edge while there is more to see.
    float scrollMax = ImGui::GetScrollMaxY();
    if (scrollMax > 0) {
        ImDrawList* d = ImGui::GetWindowDrawList();
        ImVec2 pos = ImGui::GetWindowPos();
        ImVec2 size = ImGui::GetWindowSize();
        float barWidth = ctx.metrics.gapPx;
        float visible = size.y / (size.y + scrollMax);
        float top = pos.y + (size.y - size.y * visible) * (ImGui::GetScrollY() / scrollMax);
        d->AddRectFilled(ImVec2(pos.x + size.x - barWidth, top),
                         ImVec2(pos.x + size.x, top + size.y * visible),
                         ImGui::GetColorU32(ctx.colours.border), barWidth * 0.5f);
    }
    ImGui::EndChild();
}

} // namespace kiosk::ui
