// Receipt blocks: wrapped text, two-column rows, rules, tables and pictures.
#include "kiosk/receipt/receipt_canvas.hpp"

#include <algorithm>
#include <numeric>

namespace kiosk {

ReceiptCanvas::ReceiptCanvas(TextRenderer& text, int widthDots, int marginDots)
    : text_(text)
    , width_(widthDots)
    , margin_(marginDots)
    , paper_(widthDots, 0) {}

void ReceiptCanvas::line(std::string_view utf8, TextStyle style, int x, int width, Align align) {
    auto metrics = text_.metrics(style);
    Bitmap strip(width_, metrics.lineHeight);
    int textWidth = text_.measure(utf8, style);
    int left = x;
    if (align == Align::Center) {
        left = x + std::max(0, (width - textWidth) / 2);
    } else if (align == Align::Right) {
        left = x + std::max(0, width - textWidth);
    }
    text_.draw(strip, left, metrics.ascent, utf8, style);
    paper_.appendBelow(strip);
}

void ReceiptCanvas::paragraph(std::string_view utf8, TextStyle style, Align align) {
    for (const auto& text : text_.wrap(utf8, style, contentWidth())) {
        line(text, style, margin_, contentWidth(), align);
    }
}

void ReceiptCanvas::fittedLine(std::string_view utf8, TextStyle style, int minPixelSize,
                               Align align) {
    while (style.pixelSize > minPixelSize && text_.measure(utf8, style) > contentWidth()) {
        --style.pixelSize;
    }
    paragraph(utf8, style, align);
}

void ReceiptCanvas::hangingParagraph(std::string_view label, std::string_view utf8,
                                     TextStyle style) {
    int indent = text_.measure(label, style);
    auto lines = text_.wrap(utf8, style, contentWidth() - indent);
    auto metrics = text_.metrics(style);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Bitmap strip(width_, metrics.lineHeight);
        if (i == 0) {
            text_.draw(strip, margin_, metrics.ascent, label, style);
        }
        text_.draw(strip, margin_ + indent, metrics.ascent, lines[i], style);
        paper_.appendBelow(strip);
    }
}

void ReceiptCanvas::twoColumns(std::string_view label, std::string_view value, TextStyle labelStyle,
                               TextStyle valueStyle) {
    int gap = labelStyle.pixelSize / 2;
    int labelWidth = text_.measure(label, labelStyle);
    int valueWidth = text_.measure(value, valueStyle);
    if (labelWidth + gap + valueWidth <= contentWidth()) {
        auto labelMetrics = text_.metrics(labelStyle);
        auto valueMetrics = text_.metrics(valueStyle);
        int ascent = std::max(labelMetrics.ascent, valueMetrics.ascent);
        int height = ascent + std::max(labelMetrics.lineHeight - labelMetrics.ascent,
                                       valueMetrics.lineHeight - valueMetrics.ascent);
        Bitmap strip(width_, height);
        text_.draw(strip, margin_, ascent, label, labelStyle);
        text_.draw(strip, width_ - margin_ - valueWidth, ascent, value, valueStyle);
        paper_.appendBelow(strip);
        return;
    }
    paragraph(label, labelStyle, Align::Left);
    paragraph(value, valueStyle, Align::Right);
}

void ReceiptCanvas::rule(RuleStyle style) {
    int thickness = style == RuleStyle::Thick ? 4 : 2;
    // Half a line of white above and below keeps the rule from touching text.
    int pad = 8;
    Bitmap strip(width_, thickness + 2 * pad);
    if (style == RuleStyle::Dashed) {
        for (int x = margin_; x < width_ - margin_; x += 12) {
            strip.fillRect(x, pad, std::min(8, width_ - margin_ - x), thickness);
        }
    } else {
        strip.fillRect(margin_, pad, contentWidth(), thickness);
    }
    paper_.appendBelow(strip);
}

void ReceiptCanvas::space(int dots) {
    paper_.appendWhiteRows(dots);
}

void ReceiptCanvas::table(const std::vector<TableColumn>& columns,
                          const std::vector<std::vector<std::string>>& rows, TextStyle headingStyle,
                          TextStyle cellStyle) {
    int totalWeight = std::accumulate(columns.begin(), columns.end(), 0,
                                      [](int sum, const TableColumn& c) { return sum + c.weight; });
    if (columns.empty() || totalWeight <= 0) {
        return;
    }
    int gap = cellStyle.pixelSize / 3;
    std::vector<int> x(columns.size());
    std::vector<int> width(columns.size());
    int cursor = margin_;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        int share = contentWidth() * columns[c].weight / totalWeight;
        if (c + 1 == columns.size()) {
            share = width_ - margin_ - cursor;
        }
        x[c] = cursor;
        width[c] = share - (c + 1 == columns.size() ? 0 : gap);
        cursor += share;
    }
    auto drawRow = [&](const std::vector<std::string>& cells, TextStyle style) {
        auto metrics = text_.metrics(style);
        std::vector<std::vector<std::string>> wrapped(columns.size());
        std::size_t lines = 1;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            std::string_view cell = c < cells.size() ? std::string_view(cells[c]) : "";
            wrapped[c] = text_.wrap(cell, style, std::max(width[c], 1));
            lines = std::max(lines, wrapped[c].size());
        }
        Bitmap strip(width_, static_cast<int>(lines) * metrics.lineHeight);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            for (std::size_t l = 0; l < wrapped[c].size(); ++l) {
                int w = text_.measure(wrapped[c][l], style);
                int left = x[c];
                if (columns[c].align == Align::Right) {
                    left = x[c] + std::max(0, width[c] - w);
                } else if (columns[c].align == Align::Center) {
                    left = x[c] + std::max(0, (width[c] - w) / 2);
                }
                text_.draw(strip, left, static_cast<int>(l) * metrics.lineHeight + metrics.ascent,
                           wrapped[c][l], style);
            }
        }
        paper_.appendBelow(strip);
    };
    std::vector<std::string> headings;
    for (const auto& column : columns) {
        headings.push_back(column.heading);
    }
    drawRow(headings, headingStyle);
    Bitmap underline(width_, 6);
    underline.fillRect(margin_, 2, contentWidth(), 2);
    paper_.appendBelow(underline);
    for (const auto& row : rows) {
        drawRow(row, cellStyle);
    }
}

void ReceiptCanvas::image(const Bitmap& picture, Align align) {
    if (picture.empty()) {
        return;
    }
    Bitmap strip(width_, picture.height());
    int left = margin_;
    if (align == Align::Center) {
        left = (width_ - picture.width()) / 2;
    } else if (align == Align::Right) {
        left = width_ - margin_ - picture.width();
    }
    strip.draw(picture, std::max(0, left), 0);
    paper_.appendBelow(strip);
}

void ReceiptCanvas::fullWidthImage(const Bitmap& picture) {
    Bitmap strip(width_, picture.height());
    strip.draw(picture, 0, 0);
    paper_.appendBelow(strip);
}

Bitmap ReceiptCanvas::finish() {
    return std::move(paper_);
}

} // namespace kiosk
