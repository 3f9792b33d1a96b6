// Backlight levels per screen power state and their sysfs writes.
#include "kiosk/display/backlight.hpp"

#include <algorithm>
#include <fstream>

namespace kiosk {

int backlightLevel(ScreenPowerState state, int maximum) {
    switch (state) {
    case ScreenPowerState::On:
        return maximum;
    case ScreenPowerState::Dim:
        // A fifth of full scale reads as clearly dimmed on the Raspberry Pi panel (0..255)
        // yet stays visible in a lit hall; at least one step so the light never goes out.
        return std::max(1, maximum / 5);
    case ScreenPowerState::Blank:
        return 0;
    }
    return maximum;
}

Result<Backlight> Backlight::open(const std::filesystem::path& dir) {
    std::ifstream file(dir / "max_brightness");
    int maximum = 0;
    if (!(file >> maximum) || maximum <= 0) {
        return makeError("backlight.unreadable",
                         (dir / "max_brightness").string() + " cannot be read as a number");
    }
    return Backlight(dir, maximum);
}

Status Backlight::apply(ScreenPowerState state) const {
    std::ofstream file(dir_ / "brightness");
    file << backlightLevel(state, maximum_) << '\n';
    file.flush();
    if (!file) {
        return makeError("backlight.write", (dir_ / "brightness").string() + " cannot be written");
    }
    return ok();
}

} // namespace kiosk
