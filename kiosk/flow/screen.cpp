// Stable screen names for logs and screenshot file names.
#include "kiosk/flow/screen.hpp"

namespace kiosk {

LogToken screenName(Screen screen) {
    switch (screen) {
    case Screen::Home:
        return "home";
    case Screen::Help:
        return "help";
    case Screen::ProcedureCategories:
        return "procedure_categories";
    case Screen::ProcedureList:
        return "procedure_list";
    case Screen::ProcedureInfo:
        return "procedure_info";
    case Screen::Lookup:
        return "lookup";
    case Screen::Lessons:
        return "lessons";
    case Screen::Maintenance:
        return "maintenance";
    }
    return "unknown";
}

} // namespace kiosk
