// Builds a receipt top to bottom as one 1-bit image at the printer's width.
#pragma once

#include "drivers/printer/bitmap.hpp"
#include "kiosk/receipt/text_renderer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class Align { Left, Center, Right };
enum class RuleStyle { Thin, Thick, Dashed };

struct TableColumn {
    std::string heading;
    int weight = 1; // share of the line width
    Align align = Align::Left;
};

// Blocks are appended in order; the paper grows as needed. Nothing is ever drawn outside the
// margins, and every text block wraps, so nothing can be clipped whatever the language.
class ReceiptCanvas {
public:
    // 203 dpi: a 16-dot margin is 2 mm, which clears the edge of the head on clones.
    ReceiptCanvas(TextRenderer& text, int widthDots, int marginDots = 16);

    int contentWidth() const { return width_ - 2 * margin_; }

    void paragraph(std::string_view utf8, TextStyle style, Align align = Align::Left);
    // One line, shrunk down to `minPixelSize` when it does not fit (the national motto on 58 mm
    // paper); wrapped only if it still does not fit at that size.
    void fittedLine(std::string_view utf8, TextStyle style, int minPixelSize, Align align);
    // Paragraph whose continuation lines are indented by the width of `label`, e.g. "1. ".
    void hangingParagraph(std::string_view label, std::string_view utf8, TextStyle style);
    // "Label ........ value": on one line when both fit, else the value on its own lines,
    // right-aligned under the label.
    void twoColumns(std::string_view label, std::string_view value, TextStyle labelStyle,
                    TextStyle valueStyle);
    void rule(RuleStyle style);
    void space(int dots);
    void table(const std::vector<TableColumn>& columns,
               const std::vector<std::vector<std::string>>& rows, TextStyle headingStyle,
               TextStyle cellStyle);
    void image(const Bitmap& picture, Align align = Align::Center);
    // Edge to edge, ignoring the margins: only for calibration marks such as the ruler.
    void fullWidthImage(const Bitmap& picture);

    Bitmap finish();

private:
    void line(std::string_view utf8, TextStyle style, int x, int width, Align align);

    TextRenderer& text_;
    int width_;
    int margin_;
    Bitmap paper_;
};

} // namespace kiosk
