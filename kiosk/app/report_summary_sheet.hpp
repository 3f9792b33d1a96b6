// The usage report's printed summary as a slip for the receipt printer.
#pragma once

#include "drivers/printer/bitmap.hpp"
#include "kiosk/receipt/text_renderer.hpp"
#include "kiosk/usage/report_export.hpp"

#include <vector>

namespace kiosk {

// Lays out usageReportSummary's lines (already suppressed: counts under 5 read "<5") at
// `widthDots`: the title centred, then "label ..... value" rows.
Result<Bitmap> renderReportSummary(const std::vector<SummaryLine>& lines, TextRenderer& text,
                                   int widthDots);

} // namespace kiosk
