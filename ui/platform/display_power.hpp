// The panel's power through KMS/DRM DPMS: off when the kiosk blanks, on at the waking touch.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/display/screen_power.hpp"

#include <SDL.h>
#include <cstdint>

namespace kiosk::ui {

// SDL has no call for this; on the kmsdrm video driver SDL's own card descriptor (it is the DRM
// master, so only it may set connector properties) switches each connected connector's
// legacy "DPMS" property. The panel's own controller then stops driving it, which a black
// frame on a backlit LCD does not do.
class DisplayPower {
public:
    // Fails with the reason when the window is not on kmsdrm or no connector has DPMS.
    static Result<DisplayPower> open(SDL_Window* window);

    // Off for Blank, on for Dim and On.
    Status apply(ScreenPowerState state) const;

private:
    DisplayPower(int cardFd, std::uint32_t connector, std::uint32_t dpmsProperty)
        : cardFd_(cardFd)
        , connector_(connector)
        , dpmsProperty_(dpmsProperty) {}
    int cardFd_; // SDL's, borrowed for the window's lifetime
    std::uint32_t connector_;
    std::uint32_t dpmsProperty_;
};

} // namespace kiosk::ui
