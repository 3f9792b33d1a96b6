// Theme rules: physical sizes from millimetres, and contrast ratios of every colour pairing.
#include "ui/theme/metrics.hpp"
#include "ui/theme/palette.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::ui;

TEST_CASE("touch targets are at least 12.7 mm and gaps 2.5 mm on any panel", "[theme]") {
    for (auto [pixels, millimetres] :
         {std::pair{1280, 217.0}, {1920, 344.0}, {800, 154.0}, {3840, 600.0}}) {
        for (TextSize size :
             {TextSize::Normal, TextSize::Large, TextSize::Larger, TextSize::Largest}) {
            Metrics m = computeMetrics(pixels, millimetres, size);
            double pxPerMm = pixels / millimetres;
            CHECK(m.targetPx / pxPerMm >= Approx(12.7).epsilon(0.001));
            CHECK(m.chromeTargetPx / pxPerMm >= Approx(12.7).epsilon(0.001));
            CHECK(m.gapPx / pxPerMm >= Approx(2.5).epsilon(0.001));
        }
    }
}

TEST_CASE("text sizes are set by cap height in millimetres", "[theme]") {
    // 1280 px over 217 mm = 5.9 px/mm; Normal caps are 4 mm = 23.6 px, a 45 px ImGui size
    // (ascender to descender, see kNotoCapHeightPerFontPx). The rendered check is below.
    Metrics normal = computeMetrics(1280, 217.0, TextSize::Normal);
    CHECK(normal.bodyFontPx * kNotoCapHeightPerFontPx / normal.pixelsPerMm ==
          Approx(4.0).margin(0.1));
    Metrics largest = computeMetrics(1280, 217.0, TextSize::Largest);
    CHECK(largest.bodyFontPx * kNotoCapHeightPerFontPx / largest.pixelsPerMm ==
          Approx(8.0).margin(0.1));
    // The same text size is the same physical size on a bigger, denser panel.
    Metrics big = computeMetrics(1920, 344.0, TextSize::Normal);
    CHECK(big.bodyFontPx / big.pixelsPerMm ==
          Approx(normal.bodyFontPx / normal.pixelsPerMm).margin(0.2));
    CHECK(capHeightMm(TextSize::Normal) < capHeightMm(TextSize::Large));
    CHECK(capHeightMm(TextSize::Large) < capHeightMm(TextSize::Larger));
    CHECK(capHeightMm(TextSize::Larger) < capHeightMm(TextSize::Largest));
}

TEST_CASE("every theme meets WCAG contrast for text: high-contrast themes meet 7:1", "[theme]") {
    for (Contrast contrast : {Contrast::Standard, Contrast::HighLight, Contrast::HighDark}) {
        const Palette& p = palette(contrast);
        double minimum = contrast == Contrast::Standard ? 4.5 : 7.0;
        INFO("theme " << static_cast<int>(contrast));
        CHECK(contrastRatio(p.text, p.background) >= minimum);
        CHECK(contrastRatio(p.textMuted, p.background) >= 4.5);
        CHECK(contrastRatio(p.primaryText, p.primary) >= minimum);
        CHECK(contrastRatio(p.primaryText, p.primaryPressed) >= 4.5);
        CHECK(contrastRatio(p.secondaryText, p.secondary) >= minimum);
        CHECK(contrastRatio(p.secondaryText, p.secondaryPressed) >= 4.5);
        CHECK(contrastRatio(p.selectedText, p.selected) >= minimum);
        CHECK(contrastRatio(p.headerText, p.headerBar) >= minimum);
        CHECK(contrastRatio(p.statusText, p.statusBar) >= minimum);
        CHECK(contrastRatio(p.danger, p.surface) >= 4.5);
    }
}
