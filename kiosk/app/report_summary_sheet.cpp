// Report summary slip: the same type sizes as the receipt, so it reads the same at arm's length.
#include "kiosk/app/report_summary_sheet.hpp"

#include "kiosk/receipt/receipt_canvas.hpp"

namespace kiosk {

Result<Bitmap> renderReportSummary(const std::vector<SummaryLine>& lines, TextRenderer& text,
                                   int widthDots) {
    if (lines.empty()) {
        return makeError("report.empty_summary", "the report summary has no lines");
    }
    // 58 mm paper (384 dots) gets the 80 mm layout about 15% smaller, as receipts do.
    bool narrow = widthDots < 512;
    TextStyle small{FontWeight::Regular, narrow ? 19 : 22};
    TextStyle body{FontWeight::Regular, narrow ? 22 : 26};
    TextStyle bold{FontWeight::Bold, narrow ? 22 : 26};
    TextStyle title{FontWeight::Bold, narrow ? 27 : 32};

    ReceiptCanvas canvas(text, widthDots);
    canvas.space(8);
    for (const SummaryLine& line : lines) {
        switch (line.style) {
        case SummaryStyle::Title:
            canvas.paragraph(line.label, title, Align::Center);
            canvas.rule(RuleStyle::Thick);
            break;
        case SummaryStyle::Heading:
            canvas.space(6);
            canvas.twoColumns(line.label, line.value, bold, bold);
            break;
        case SummaryStyle::Item:
            if (line.value.empty()) {
                // The closing note ("counts under 5 are shown as <5").
                canvas.rule(RuleStyle::Thin);
                canvas.paragraph(line.label, small, Align::Left);
            } else {
                canvas.twoColumns(line.label, line.value, body, body);
            }
            break;
        }
    }
    canvas.space(16);
    return canvas.finish();
}

} // namespace kiosk
