// Cap heights per text size and the pixel metrics derived from them.
#include "ui/theme/metrics.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

double capHeightMm(TextSize size) {
    // 4 mm capitals read comfortably at arm's length for most older eyes; each step is ~25%.
    switch (size) {
    case TextSize::Normal:
        return 4.0;
    case TextSize::Large:
        return 5.0;
    case TextSize::Larger:
        return 6.3;
    case TextSize::Largest:
        return 8.0;
    }
    return 4.0;
}

Metrics computeMetrics(int widthPx, double panelWidthMm, TextSize size) {
    Metrics m;
    m.pixelsPerMm = widthPx / panelWidthMm;
    auto fontPxForCap = [&](double capMm) {
        return static_cast<float>(std::round(capMm * m.pixelsPerMm / kNotoCapHeightPerFontPx));
    };
    m.bodyFontPx = fontPxForCap(capHeightMm(size));
    m.headingFontPx = fontPxForCap(capHeightMm(size) * 1.35);
    m.statusFontPx = fontPxForCap(3.0);
    m.chromeFontPx = fontPxForCap(capHeightMm(TextSize::Normal));
    m.chromeTargetPx = std::max(m.mm(kMinimumTargetMm), m.chromeFontPx * 1.9f);
    // A button holds one line of body text with padding, never less than the minimum target nor
    // than at the normal size. At the larger sizes the padding gives way first (1.5 lines, not
    // 1.9), so the field being edited and the main action still fit on the screen.
    m.targetPx = std::max(m.chromeTargetPx, m.bodyFontPx * 1.5f);
    m.gapPx = std::max(m.mm(kMinimumGapMm), m.bodyFontPx * 0.35f);
    m.marginPx = m.mm(6.0);
    return m;
}

} // namespace kiosk::ui
