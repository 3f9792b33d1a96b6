// What will not work today, in the resident's words, from the one DeviceStatus the status bar
// and the volunteer tools also draw.
#pragma once

#include "kiosk/devices/device_status.hpp"
#include "kiosk/i18n/messages.hpp"

#include <vector>

namespace kiosk {

// One message per device in trouble, each saying what the resident can still do (print
// trouble: the code is shown on screen; no reader: type the details). Empty when all is well
// or a state is still unknown (a notice must never be a guess).
std::vector<Msg> residentNotices(const DeviceStatus& devices);

} // namespace kiosk
