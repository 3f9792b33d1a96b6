// Drag-to-scroll: the list follows the finger; once the finger has moved past the drag
// threshold the press is released, so the button under it does not fire on lift. When the list
// does not fit, large "Xem tiếp ▼" / "▲" buttons under it turn one page, and a line that the
// edge would cut is hidden whole: the resident never reads half a line.
#include "ui/widgets/scroll_area.hpp"

#include "ui/widgets/layout_probe.hpp"

#include <imgui_internal.h>
#include <string>
#include <vector>

namespace kiosk::ui {

namespace {

// The position bar has its own strip right of the list, so wrapped text never runs under it.
float barStrip(const FrameContext& ctx) {
    return ctx.metrics.gapPx * 1.5f;
}

float pagerHeight(const FrameContext& ctx) {
    return std::max(ctx.metrics.chromeTargetPx, ctx.fonts.bold->FontSize * 1.5f);
}

// Hides the parts of a draw list outside [top, bottom]: the lines cut by the edge.
void clipDrawList(ImDrawList* drawList, float top, float bottom) {
    for (ImDrawCmd& cmd : drawList->CmdBuffer) {
        cmd.ClipRect.y = std::max(cmd.ClipRect.y, top);
        cmd.ClipRect.w = std::min(cmd.ClipRect.w, bottom);
    }
}

std::vector<PagerPlace> gPagerPlaces; // of the open scroll areas, innermost last

} // namespace

// A large page button: a solid triangle and, for "more below", the words, so that it reads as
// "there is more" to people who do not know scroll bars.
bool pageButton(const FrameContext& ctx, const char* id, PageDirection direction, bool enabled,
                ImVec2 size) {
    bool clicked = ImGui::InvisibleButton(id, size) && enabled;
    bool pressed = enabled && ImGui::IsItemActive();
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    float rounding = ctx.metrics.mm(1.5);
    ImVec4 fill = !enabled ? p.background : pressed ? p.secondaryPressed : p.secondary;
    ImU32 ink = ImGui::GetColorU32(enabled ? p.secondaryText : p.textMuted);
    d->AddRectFilled(min, max, ImGui::GetColorU32(fill), rounding);
    d->AddRect(min, max, ImGui::GetColorU32(p.border), rounding, 0, 2.0f);
    ImFont* font = ctx.fonts.bold;
    std::string_view label =
        direction == PageDirection::Down ? ctx.tr(Msg::ScrollMore) : std::string_view();
    float textWidth = label.empty() ? 0.0f
                                    : font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(),
                                                          label.data() + label.size())
                                          .x;
    float triangle = std::min(font->FontSize * 0.7f, size.y * 0.5f);
    float gap = label.empty() ? 0.0f : ctx.metrics.gapPx;
    float left = (min.x + max.x - textWidth - gap - triangle) * 0.5f;
    float midY = (min.y + max.y) * 0.5f;
    float fontPx = font->FontSize;
    float room = size.x - ctx.metrics.gapPx * 2 - triangle - gap;
    if (!label.empty() && textWidth > room) {
        // Large text in a narrow button: the words shrink to fit rather than run over the edge,
        // down to the chrome's size; narrower still, the large triangle alone says "more".
        float shrunk = fontPx * room / textWidth;
        if (shrunk >= ctx.fonts.chromeBold->FontSize) {
            fontPx = shrunk;
            textWidth = room;
            left = min.x + ctx.metrics.gapPx;
        } else {
            label = std::string_view();
            textWidth = 0;
            gap = 0;
            left = (min.x + max.x - triangle) * 0.5f;
        }
    }
    if (!label.empty()) {
        ImVec2 at(left, midY - fontPx * 0.5f);
        d->AddText(font, fontPx, at, ink, label.data(), label.data() + label.size());
        ImVec4 clip(min.x, min.y, max.x, max.y);
        noteTextLine(at, ImVec2(at.x + textWidth, at.y + fontPx), label, &clip);
    }
    float tx = left + textWidth + gap;
    float half = triangle * 0.5f;
    if (direction == PageDirection::Down) {
        d->AddTriangleFilled(ImVec2(tx, midY - half * 0.8f),
                             ImVec2(tx + triangle, midY - half * 0.8f),
                             ImVec2(tx + half, midY + half * 0.8f), ink);
    } else {
        d->AddTriangleFilled(ImVec2(tx, midY + half * 0.8f),
                             ImVec2(tx + triangle, midY + half * 0.8f),
                             ImVec2(tx + half, midY - half * 0.8f), ink);
    }
    return clicked;
}

float scrollAreaRoom(const FrameContext& ctx) {
    float room = ImGui::GetWindowHeight();
    if (!gPagerPlaces.empty() && gPagerPlaces.back() == PagerPlace::Below) {
        room -= pagerHeight(ctx) + ctx.metrics.gapPx * 0.5f;
    }
    return room;
}

void beginScrollArea(const FrameContext& ctx, std::string_view id, float height, PagerPlace place,
                     float width) {
    std::string key(id);
    gPagerPlaces.push_back(place);
    // ImGui's own scrollbar is too thin to drag with a finger; endScrollArea draws a position bar.
    float listWidth = (width > 0 ? width : ImGui::GetContentRegionAvail().x) - barStrip(ctx);
    ImGui::BeginChild(key.c_str(), ImVec2(listWidth, height), false,
                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar);
    beginProbeScrollArea();
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
    ImGuiWindow* list = ImGui::GetCurrentWindow();
    float scrollY = ImGui::GetScrollY();
    ImVec2 pos = ImGui::GetWindowPos();
    ImVec2 size = ImGui::GetWindowSize();
    // This frame's content, not last frame's (ImGui's ContentSize): the first frame of a screen
    // already shows the page buttons when the list does not fit.
    float contentHeight = list->DC.CursorMaxPos.y - list->DC.CursorStartPos.y;
    bool overflow = contentHeight > size.y + 0.5f;
    // A line reaching past an edge by less than the content's rounding still needs the cue.
    for (const ScrollAtom& atom : probeScrollAtoms()) {
        overflow = overflow || atom.bottom > pos.y + size.y + 0.5f || atom.top < pos.y - 0.5f;
    }
    const Metrics& m = ctx.metrics;
    PagerPlace place = gPagerPlaces.back();
    gPagerPlaces.pop_back();
    bool below = place == PagerPlace::Below;
    bool rightHalf = place == PagerPlace::RightOfAction;
    float pagerRow = overflow && below ? pagerHeight(ctx) + m.gapPx * 0.5f : 0.0f;
    if (overflow) {
        // Room to scroll the last line up above the page buttons.
        ImGui::Dummy(ImVec2(0, pagerRow));
    }
    float scrollMax = std::max(0.0f, contentHeight + pagerRow - size.y);

    // The band of whole lines: a line (or button) the top or bottom edge would cut is hidden.
    float top = pos.y;
    float bottom = pos.y + size.y - pagerRow;
    float bandTop = top;
    float bandBottom = bottom;
    // Until nothing crosses the band's edges: hiding a line can leave a button beside it (a
    // row's toggle) cut by the new edge.
    for (bool moved = true; moved;) {
        moved = false;
        for (const ScrollAtom& atom : probeScrollAtoms()) {
            if (atom.bottom - atom.top > bottom - top) {
                continue; // taller than the area: it is cut whatever we do
            }
            if (atom.top < bandBottom - 0.5f && atom.bottom > bandBottom + 0.5f) {
                bandBottom = atom.top;
                moved = true;
            }
            if (atom.top < bandTop - 0.5f && atom.bottom > bandTop + 0.5f) {
                bandTop = atom.bottom;
                moved = true;
            }
        }
    }
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    clipDrawList(drawList, bandTop, bandBottom);
    drawList->AddDrawCmd(); // what follows (the page buttons) has the list's own clip again
    bool moreAbove = scrollY > 0.5f;
    bool moreBelow = scrollY < scrollMax - 0.5f;
    endProbeScrollArea(ImVec4(pos.x, bandTop, pos.x + size.x, bandBottom), moreAbove, moreBelow,
                       overflow);
    float upStep = std::max(m.targetPx, bandBottom - bandTop);
    float downStep = std::max(m.targetPx, bandBottom - top);
    if (overflow && below) {
        // Under the list: "▲" at the left, "Xem tiếp ▼" at the right, full target height.
        float h = pagerHeight(ctx);
        float upWidth = std::max(m.mm(kMinimumTargetMm) * 1.6f, h * 1.6f);
        float downWidth = std::min(size.x - upWidth - m.gapPx, std::max(m.mm(60), h * 4.0f));
        float rowTop = bottom + m.gapPx * 0.5f;
        ImGui::SetCursorScreenPos(ImVec2(pos.x, rowTop));
        if (pageButton(ctx, "page-up", PageDirection::Up, moreAbove, ImVec2(upWidth, h))) {
            ImGui::SetScrollY(std::max(0.0f, scrollY - upStep));
        }
        ImGui::SetCursorScreenPos(ImVec2(pos.x + size.x - downWidth, rowTop));
        if (pageButton(ctx, "page-down", PageDirection::Down, moreBelow, ImVec2(downWidth, h))) {
            ImGui::SetScrollY(
                std::min(scrollMax, scrollY + std::max(m.targetPx, bandBottom - top)));
        }
    }
    ImGui::EndChild();
    if (overflow && place == PagerPlace::ColumnRight) {
        // Right of the list, above the main action: "Xem tiếp ▼" just above it, "▲" above that.
        float h = m.targetPx;
        ImVec2 regionMax = ImGui::GetWindowContentRegionMax();
        ImVec2 origin = ImGui::GetWindowPos();
        float left = pos.x - origin.x + size.x + barStrip(ctx) + m.gapPx;
        float columnWidth = regionMax.x - left;
        float spacing = m.mm(kMinimumGapMm);
        ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(left, regionMax.y - h * 3 - spacing * 2));
        if (pageButton(ctx, "page-up", PageDirection::Up, moreAbove, ImVec2(columnWidth, h))) {
            ImGui::SetScrollY(list, std::max(0.0f, scrollY - upStep));
        }
        ImGui::SetCursorPos(ImVec2(left, regionMax.y - h * 2 - spacing));
        if (pageButton(ctx, "page-down", PageDirection::Down, moreBelow, ImVec2(columnWidth, h))) {
            ImGui::SetScrollY(list, std::min(scrollMax, scrollY + downStep));
        }
        ImGui::SetCursorPos(after);
    } else if (overflow && !below) {
        // In the action bar's left half: "▲" then "Xem tiếp ▼", as tall as the main action.
        float h = m.targetPx;
        ImVec2 regionMin = ImGui::GetWindowContentRegionMin();
        ImVec2 regionMax = ImGui::GetWindowContentRegionMax();
        float half = (regionMax.x - regionMin.x) * 0.5f - m.gapPx;
        float upWidth = std::min(half * 0.35f, std::max(m.mm(kMinimumTargetMm) * 1.6f, h * 1.2f));
        float downWidth = half - upWidth - m.gapPx;
        ImVec2 after = ImGui::GetCursorPos();
        float left = rightHalf ? regionMin.x + half + m.gapPx * 2 : regionMin.x;
        ImGui::SetCursorPos(ImVec2(left, regionMax.y - h));
        if (pageButton(ctx, "page-up", PageDirection::Up, moreAbove, ImVec2(upWidth, h))) {
            ImGui::SetScrollY(list, std::max(0.0f, scrollY - upStep));
        }
        ImGui::SetCursorPos(ImVec2(left + upWidth + m.gapPx, regionMax.y - h));
        if (pageButton(ctx, "page-down", PageDirection::Down, moreBelow, ImVec2(downWidth, h))) {
            ImGui::SetScrollY(list, std::min(scrollMax, scrollY + downStep));
        }
        ImGui::SetCursorPos(after);
    }
    // A visible position bar in the strip while there is more to see.
    if (scrollMax > 0) {
        ImDrawList* d = ImGui::GetWindowDrawList();
        float barWidth = m.gapPx;
        float right = pos.x + size.x + barStrip(ctx);
        float visible = size.y / (size.y + scrollMax);
        float barTop = pos.y + (size.y - size.y * visible) * (scrollY / scrollMax);
        d->AddRectFilled(ImVec2(right - barWidth, barTop), ImVec2(right, barTop + size.y * visible),
                         ImGui::GetColorU32(ctx.colours.border), barWidth * 0.5f);
    }
}

} // namespace kiosk::ui
