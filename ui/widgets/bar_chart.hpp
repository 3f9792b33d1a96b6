// A simple bar chart of one count per day, drawn with ImGui draw lists; the geometry is a pure
// function so it can be tested without a window.
#pragma once

#include "ui/screens/frame_context.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct BarRect {
    float x0 = 0;
    float y0 = 0; // top
    float x1 = 0;
    float y1 = 0; // bottom, on the baseline
};

struct BarLayout {
    std::vector<BarRect> bars; // one per value, left to right
    std::int64_t scaleMax = 0; // the value a full-height bar stands for (at least 1)
};

// Bars for `values` in the box (x, y, width, height): equal slots, `gap` pixels between bars
// (shrunk when the slots are too narrow), heights proportional to value / scaleMax, growing up
// from the bottom edge. Negative values are drawn as zero.
BarLayout layoutBars(std::span<const std::int64_t> values, float x, float y, float width,
                     float height, float gap);

// Draws a titled chart at the cursor, `size` in total, with the largest value as the scale and
// the labels of the first and last bars under the axis; advances the cursor past it.
void drawBarChart(const FrameContext& ctx, std::string_view title,
                  std::span<const std::int64_t> values, std::string_view firstLabel,
                  std::string_view lastLabel, ImVec2 size);

} // namespace kiosk::ui
