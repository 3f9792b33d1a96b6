// Horizontal bar charts as inline SVG: presentation attributes only (the CSP forbids inline
// styles).
#include "kiosk/programs/gateway/svg_chart.hpp"

#include "kiosk/programs/gateway/web_page.hpp"

#include <algorithm>

namespace kiosk {
namespace {

// Room for a village or procedure name at 12 px, the bars, and a value such as "≥ 12 345".
constexpr int kChartWidth = 720;
constexpr int kLabelWidth = 260;
constexpr int kValueWidth = 80;
constexpr int kRowHeight = 26;
constexpr int kBarHeight = 18;
constexpr std::size_t kLabelCharacters = 38; // what fits in kLabelWidth at 12 px

} // namespace

std::string shortenUtf8(const std::string& text, std::size_t maxCharacters) {
    std::size_t characters = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
            continue; // a continuation byte belongs to the character before
        }
        if (characters == maxCharacters) {
            return text.substr(0, at) + "…";
        }
        ++characters;
    }
    return text;
}

std::string barChartSvg(const std::string& id, const std::string& title,
                        const std::vector<ChartBar>& bars) {
    std::int64_t largest = 1;
    for (const ChartBar& bar : bars) {
        largest = std::max(largest, bar.value);
    }
    int height = std::max<int>(1, static_cast<int>(bars.size())) * kRowHeight + 8;
    std::string svg = "<svg class=\"chart\" id=\"" + escapeHtml(id) +
                      "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" +
                      std::to_string(kChartWidth) + "\" height=\"" + std::to_string(height) +
                      "\" viewBox=\"0 0 " + std::to_string(kChartWidth) + " " +
                      std::to_string(height) + "\" aria-label=\"" + escapeHtml(title) +
                      "\"><title>" + escapeHtml(title) + "</title>";
    int barSpace = kChartWidth - kLabelWidth - kValueWidth;
    int y = 4;
    for (const ChartBar& bar : bars) {
        int width = static_cast<int>(static_cast<double>(bar.value) / largest * barSpace);
        if (bar.value > 0) {
            width = std::max(width, 2); // a small non-zero count stays visible
        }
        int textY = y + kBarHeight - 4;
        svg += "<g><title>" + escapeHtml(bar.label) + ": " + (bar.lowerBound ? "≥ " : "") +
               std::to_string(bar.value) + "</title><text x=\"" + std::to_string(kLabelWidth - 8) +
               "\" y=\"" + std::to_string(textY) + "\" text-anchor=\"end\" fill=\"#1a1a1a\">" +
               escapeHtml(shortenUtf8(bar.label, kLabelCharacters)) + "</text><rect x=\"" +
               std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
               std::to_string(width) + "\" height=\"" + std::to_string(kBarHeight) + "\" fill=\"" +
               (bar.alarm ? "#b00000" : "#2e6da4") + "\"/><text x=\"" +
               std::to_string(kLabelWidth + width + 6) + "\" y=\"" + std::to_string(textY) +
               "\" fill=\"#1a1a1a\">" + (bar.lowerBound ? "≥ " : "") + std::to_string(bar.value) +
               "</text></g>";
        y += kRowHeight;
    }
    if (bars.empty()) {
        svg += "<text x=\"8\" y=\"20\" fill=\"#555\">—</text>";
    }
    return svg + "</svg>";
}

} // namespace kiosk
