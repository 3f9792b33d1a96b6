// Drag-to-scroll: the list follows the finger; once the finger has moved past the drag
// threshold the press is released, so the button under it does not fire on lift.
#include "ui/widgets/scroll_area.hpp"

#include <imgui_internal.h>
#include <string>

namespace kiosk::ui {

namespace {

// The position bar has its own strip right of the list, so wrapped text never runs under it.
float barStrip(const FrameContext& ctx) {
    return ctx.metrics.gapPx * 1.5f;
}

} // namespace

void beginScrollArea(const FrameContext& ctx, std::string_view id, float height) {
    std::string key(id);
    // ImGui's own scrollbar is too thin to drag with a finger; endScrollArea draws a position bar.
    ImGui::BeginChild(key.c_str(), ImVec2(ImGui::GetContentRegionAvail().x - barStrip(ctx), height),
                      false, ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar);
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
    float scrollMax = ImGui::GetScrollMaxY();
    float scrollY = ImGui::GetScrollY();
    ImVec2 pos = ImGui::GetWindowPos();
    ImVec2 size = ImGui::GetWindowSize();
    ImGui::EndChild();
    // A visible scroll hint: a thick bar in the strip while there is more to see.
    if (scrollMax > 0) {
        ImDrawList* d = ImGui::GetWindowDrawList();
        float barWidth = ctx.metrics.gapPx;
        float right = pos.x + size.x + barStrip(ctx);
        float visible = size.y / (size.y + scrollMax);
        float top = pos.y + (size.y - size.y * visible) * (scrollY / scrollMax);
        d->AddRectFilled(ImVec2(right - barWidth, top), ImVec2(right, top + size.y * visible),
                         ImGui::GetColorU32(ctx.colours.border), barWidth * 0.5f);
    }
}

} // namespace kiosk::ui
