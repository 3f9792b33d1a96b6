// Per-day bar charts for the maintainer's reports.
#include "ui/widgets/bar_chart.hpp"

#include <algorithm>

namespace kiosk::ui {

BarLayout layoutBars(std::span<const std::int64_t> values, float x, float y, float width,
                     float height, float gap) {
    BarLayout layout;
    layout.scaleMax = 1;
    for (std::int64_t value : values) {
        layout.scaleMax = std::max(layout.scaleMax, value);
    }
    if (values.empty() || width <= 0 || height <= 0) {
        return layout;
    }
    float slot = width / static_cast<float>(values.size());
    // A month of days on a narrow panel: keep at least half of each slot for the bar.
    float spacing = std::clamp(gap, 0.0f, slot * 0.5f);
    float bottom = y + height;
    layout.bars.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        float share = static_cast<float>(std::max<std::int64_t>(values[i], 0)) /
                      static_cast<float>(layout.scaleMax);
        BarRect bar;
        bar.x0 = x + slot * static_cast<float>(i) + spacing * 0.5f;
        bar.x1 = x + slot * static_cast<float>(i + 1) - spacing * 0.5f;
        bar.y1 = bottom;
        bar.y0 = bottom - height * share;
        layout.bars.push_back(bar);
    }
    return layout;
}

void drawBarChart(const FrameContext& ctx, std::string_view title,
                  std::span<const std::int64_t> values, std::string_view firstLabel,
                  std::string_view lastLabel, ImVec2 size) {
    const Metrics& m = ctx.metrics;
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    d->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y),
                     ImGui::GetColorU32(p.surface), m.mm(1.2));
    d->AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), ImGui::GetColorU32(p.border),
               m.mm(1.2));

    ImFont* bold = ctx.fonts.bold;
    ImFont* small = ctx.fonts.status;
    float pad = m.gapPx;
    d->AddText(bold, bold->FontSize, ImVec2(origin.x + pad, origin.y + pad),
               ImGui::GetColorU32(p.text), title.data(), title.data() + title.size());

    float top = origin.y + pad * 1.5f + bold->FontSize + small->FontSize;
    float bottom = origin.y + size.y - pad - small->FontSize * 1.2f;
    float scaleWidth = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, "00000").x;
    float left = origin.x + pad + scaleWidth;
    float right = origin.x + size.x - pad;
    BarLayout layout = layoutBars(values, left, top, right - left, bottom - top, m.mm(1.0));

    ImU32 muted = ImGui::GetColorU32(p.textMuted);
    std::string scale = std::to_string(layout.scaleMax);
    d->AddText(small, small->FontSize, ImVec2(origin.x + pad, top - small->FontSize * 0.5f), muted,
               scale.c_str());
    d->AddText(small, small->FontSize, ImVec2(origin.x + pad, bottom - small->FontSize), muted,
               "0");
    d->AddLine(ImVec2(left, top), ImVec2(right, top), ImGui::GetColorU32(p.border), 1.0f);
    ImU32 barColour = ImGui::GetColorU32(p.primary);
    for (const BarRect& bar : layout.bars) {
        if (bar.y1 - bar.y0 >= 1.0f) {
            d->AddRectFilled(ImVec2(bar.x0, bar.y0), ImVec2(bar.x1, bar.y1), barColour);
        }
    }
    d->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), ImGui::GetColorU32(p.text), 2.0f);
    float labelY = bottom + small->FontSize * 0.15f;
    d->AddText(small, small->FontSize, ImVec2(left, labelY), muted, firstLabel.data(),
               firstLabel.data() + firstLabel.size());
    float lastWidth = small
                          ->CalcTextSizeA(small->FontSize, FLT_MAX, 0, lastLabel.data(),
                                          lastLabel.data() + lastLabel.size())
                          .x;
    if (values.size() > 1) {
        d->AddText(small, small->FontSize, ImVec2(right - lastWidth, labelY), muted,
                   lastLabel.data(), lastLabel.data() + lastLabel.size());
    }
    ImGui::Dummy(size);
}

} // namespace kiosk::ui
