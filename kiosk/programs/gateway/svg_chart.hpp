// Server-rendered SVG bar charts for the dashboard: no scripts, no front-end framework.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

struct ChartBar {
    std::string label;       // plain text; escaped here
    std::int64_t value = 0;  // bars are scaled to the largest value
    bool lowerBound = false; // some days were too small to publish: shown as "≥ value"
    bool alarm = false;      // drawn in red (a village far behind, for example)
};

// A horizontal bar chart, one row per bar, with the value at the end of each bar. `title` is
// the accessible name (<title> and aria-label); `id` lets tests and CSS find the chart.
std::string barChartSvg(const std::string& id, const std::string& title,
                        const std::vector<ChartBar>& bars);

// Cuts UTF-8 text to at most `maxCharacters` code points, adding "…" when it cuts.
std::string shortenUtf8(const std::string& text, std::size_t maxCharacters);

} // namespace kiosk
