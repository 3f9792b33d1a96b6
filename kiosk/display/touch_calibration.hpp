// An affine correction of touch positions, written like libinput's LIBINPUT_CALIBRATION_MATRIX.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/display/panel_geometry.hpp"

#include <array>
#include <string>
#include <string_view>

namespace kiosk {

// The first two rows of a 3x3 matrix over normalised touch coordinates (0..1 across the panel's
// native width and height): x' = a*x + b*y + c, y' = d*x + e*y + f. Identity by default.
struct TouchCalibration {
    std::array<double, 6> matrix{1, 0, 0, 0, 1, 0};

    Point apply(Point normalised) const;
    bool isIdentity() const;
    bool operator==(const TouchCalibration&) const = default;
};

// Six numbers separated by spaces ("1 0 0 0 1 0"). Refuses anything that is not six finite
// numbers, and matrices that would squash the panel onto a line (no inverse) or throw touches
// far off the glass, since either would leave the kiosk untouchable.
Result<TouchCalibration> parseTouchCalibration(std::string_view text);

// Where a touch lands in the upright UI: calibrated on the native panel, then rotated, then
// scaled to the logical size in pixels.
Point touchToLogical(Point normalised, const TouchCalibration& calibration, Rotation rotation,
                     Size logicalPixels);

} // namespace kiosk
