// A kiosk configured for the physical panel of a screenshot resolution: its millimetres decide
// every size the UI tests measure.
#pragma once

#include "kiosk/config/config.hpp"
#include "ui/screenshot_pass.hpp"

namespace kiosk::testing {

inline Config panelConfig(const ui::Resolution& resolution) {
    Config panel;
    panel.display.panelWidthMm = resolution.panelWidthMm;
    panel.display.panelHeightMm = resolution.panelWidthMm * resolution.height / resolution.width;
    return panel;
}

} // namespace kiosk::testing
