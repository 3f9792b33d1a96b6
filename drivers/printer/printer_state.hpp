// The closed set of states a receipt printer can be in, as the status bar shows them.
#pragma once

#include <string_view>

namespace kiosk {

enum class PrinterState {
    Unknown, // no answer to the last status query
    Ready,
    PaperNearEnd, // still prints; a volunteer should load a new roll soon
    NoPaper,
    CoverOpen,
    Offline,
    Error,
    Disconnected,
};

std::string_view printerStateName(PrinterState state);

} // namespace kiosk
