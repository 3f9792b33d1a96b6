// Stable names of printer states for logs.
#include "drivers/printer/printer_state.hpp"

namespace kiosk {

std::string_view printerStateName(PrinterState state) {
    switch (state) {
    case PrinterState::Unknown:
        return "unknown";
    case PrinterState::Ready:
        return "ready";
    case PrinterState::PaperNearEnd:
        return "paper_near_end";
    case PrinterState::NoPaper:
        return "no_paper";
    case PrinterState::CoverOpen:
        return "cover_open";
    case PrinterState::Offline:
        return "offline";
    case PrinterState::Error:
        return "error";
    case PrinterState::Disconnected:
        return "disconnected";
    }
    return "unknown";
}

} // namespace kiosk
