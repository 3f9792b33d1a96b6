// `kiosk --demo`: a scripted walk through the main flow with simulated devices.
#pragma once

#include <ostream>

namespace kiosk::ui {

class KioskApp;

enum class DemoPace { Fast, Visible };

// Returns 0 when every step reached the screen it expected.
int runDemo(KioskApp& app, std::ostream& out, DemoPace pace);

} // namespace kiosk::ui
