// Parsing, validation and application of the touch calibration matrix.
#include "kiosk/display/touch_calibration.hpp"

#include <charconv>
#include <cmath>
#include <vector>

namespace kiosk {
namespace {

// libinput's own examples stay within a few units; a coefficient beyond this is a typo.
constexpr double kLargestCoefficient = 10.0;
// A calibration shrinking the panel to under a tenth of its area cannot be meant.
constexpr double kSmallestDeterminant = 0.1;

} // namespace

Point TouchCalibration::apply(Point p) const {
    const auto& m = matrix;
    return {m[0] * p.x + m[1] * p.y + m[2], m[3] * p.x + m[4] * p.y + m[5]};
}

bool TouchCalibration::isIdentity() const {
    return *this == TouchCalibration{};
}

Result<TouchCalibration> parseTouchCalibration(std::string_view text) {
    const std::string expected = "must be six numbers a b c d e f (identity: 1 0 0 0 1 0)";
    std::vector<double> numbers;
    std::size_t at = 0;
    while (at < text.size()) {
        if (text[at] == ' ' || text[at] == '\t') {
            ++at;
            continue;
        }
        std::size_t end = text.find_first_of(" \t", at);
        std::string_view word =
            text.substr(at, end == std::string_view::npos ? text.size() - at : end - at);
        double value = 0;
        auto [last, error] = std::from_chars(word.data(), word.data() + word.size(), value);
        if (error != std::errc{} || last != word.data() + word.size() || !std::isfinite(value)) {
            return makeError("calibration.syntax",
                             expected + "; \"" + std::string(word) + "\" is not a number");
        }
        numbers.push_back(value);
        at += word.size();
    }
    if (numbers.size() != 6) {
        return makeError("calibration.syntax",
                         expected + "; found " + std::to_string(numbers.size()));
    }
    TouchCalibration calibration;
    for (std::size_t i = 0; i < 6; ++i) {
        if (std::abs(numbers[i]) > kLargestCoefficient) {
            return makeError("calibration.range", "has a number outside -10..10; " + expected);
        }
        calibration.matrix[i] = numbers[i];
    }
    const auto& m = calibration.matrix;
    double determinant = m[0] * m[4] - m[1] * m[3];
    if (std::abs(determinant) < kSmallestDeterminant) {
        return makeError("calibration.degenerate",
                         "would squash the touch area (a*e - b*d is near 0); " + expected);
    }
    return calibration;
}

Point touchToLogical(Point normalised, const TouchCalibration& calibration, Rotation rotation,
                     Size logicalPixels) {
    Point upright = nativeToLogical(calibration.apply(normalised), Size{1, 1}, rotation);
    return {upright.x * logicalPixels.width, upright.y * logicalPixels.height};
}

} // namespace kiosk
