// A finger event as SDL reports a touch, for the UI tests that tap the kiosk.
#pragma once

#include <SDL.h>

namespace kiosk::testing {

// (x, y) in the native panel's 0..1 coordinates, as SDL gives them.
inline SDL_Event finger(Uint32 type, float x, float y, SDL_FingerID id = 1) {
    SDL_Event event{};
    event.type = type;
    event.tfinger.fingerId = id;
    event.tfinger.x = x;
    event.tfinger.y = y;
    return event;
}

} // namespace kiosk::testing
