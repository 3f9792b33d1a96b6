// `kiosk --demo`: a scripted walk through the main flow with simulated devices, driving the
// KioskRuntime directly; a window, when there is one, only shows its frames.
#pragma once

#include "kiosk/runtime/kiosk_runtime.hpp"

#include <functional>
#include <ostream>

namespace kiosk {

enum class DemoPace { Fast, Visible };

// `showFrame`, when set, runs after every step and while waiting (the window draws there).
// Returns 0 when every step reached the screen it expected.
int runDemo(KioskRuntime& runtime, std::ostream& out, DemoPace pace,
            std::function<void()> showFrame = {});

} // namespace kiosk
