// The panel's backlight through Linux sysfs (/sys/class/backlight/<name>/brightness).
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/display/screen_power.hpp"

#include <filesystem>

namespace kiosk {

// Brightness for a screen power state on a backlight whose top step is `maximum`: full when on,
// a glow when dim (still readable, so a passer-by sees the kiosk is alive), off when blank.
int backlightLevel(ScreenPowerState state, int maximum);

class Backlight {
public:
    // Reads `dir`/max_brightness; fails with the reason when the directory is not a backlight.
    static Result<Backlight> open(const std::filesystem::path& dir);

    // Writes `dir`/brightness (the kiosk group needs write access: see 60-kiosk-backlight.rules).
    Status apply(ScreenPowerState state) const;
    int maximum() const { return maximum_; }

private:
    Backlight(std::filesystem::path dir, int maximum)
        : dir_(std::move(dir))
        , maximum_(maximum) {}
    std::filesystem::path dir_;
    int maximum_;
};

} // namespace kiosk
