// Physical sizes (millimetres on the panel) turned into pixels for the current text size.
#pragma once

#include "kiosk/flow/session_state.hpp"

namespace kiosk::ui {

// Noto Sans capital letters are 714/1000 of the em. ImGui's FreeType builder does not take its
// size as the em: it requests FT_SIZE_REQUEST_TYPE_REAL_DIM, so the size is the font's ascender
// to descender height, (1069 + 293)/1000 em for Noto Sans. A capital is therefore 0.714/1.362 of
// the size handed to ImGui, not 0.714 of it.
inline constexpr double kNotoCapHeightPerEm = 0.714;
inline constexpr double kNotoAscenderToDescenderPerEm = 1.362;
inline constexpr double kNotoCapHeightPerFontPx =
    kNotoCapHeightPerEm / kNotoAscenderToDescenderPerEm;

// Accessibility guidance for touch kiosks: targets at least 12.7 mm (0.5 in), 2.5 mm apart.
inline constexpr double kMinimumTargetMm = 12.7;
inline constexpr double kMinimumGapMm = 2.5;

double capHeightMm(TextSize size);

struct Metrics {
    double pixelsPerMm = 5.9;
    float bodyFontPx = 0;     // body text
    float headingFontPx = 0;  // screen titles
    float statusFontPx = 0;   // the status bar: fixed, does not grow with text size
    float chromeFontPx = 0;   // header and accessibility row: fixed at the Normal size
    float chromeTargetPx = 0; // touch target height for chrome controls
    float targetPx = 0;       // minimum height of anything touchable
    float gapPx = 0;          // minimum space between touchables
    float marginPx = 0;       // screen edge margin

    float mm(double millimetres) const { return static_cast<float>(millimetres * pixelsPerMm); }
    // The ImGui font size whose capitals are `capMm` tall (see kNotoCapHeightPerFontPx).
    float fontPxForCap(double capMm) const {
        return static_cast<float>(capMm * pixelsPerMm / kNotoCapHeightPerFontPx);
    }
};

// `panelWidthMm` is the physical width of the `widthPx` pixels across the upright UI: on a panel
// turned a quarter ([display] rotation 90 or 270) that is the panel's native height.
Metrics computeMetrics(int widthPx, double panelWidthMm, TextSize size);

} // namespace kiosk::ui
