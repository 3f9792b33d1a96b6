// Shared by the benchmarks: a figure printed with a fixed number of decimals, "n/a" when
// unmeasured.
#pragma once

#include <cstdio>
#include <string>

namespace kiosk::bench {

// Negative means "not measured" (a run that could not take that figure).
inline std::string fixedFigure(double value, int decimals) {
    if (value < 0) {
        return "n/a";
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

} // namespace kiosk::bench
