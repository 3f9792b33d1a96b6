// The one switch from flow state to screen view.
#include "ui/screens/screen_router.hpp"

#include "ui/screens/still_there_overlay.hpp"

namespace kiosk::ui {

ScreenView& ScreenRouter::viewFor(Screen screen) {
    switch (screen) {
    case Screen::Home:
        return home_;
    case Screen::Help:
    case Screen::ProcedureCategories:
    case Screen::ProcedureList:
    case Screen::ProcedureInfo:
    case Screen::Lookup:
    case Screen::Lessons:
        return help_;
    case Screen::Maintenance:
        return maintenance_;
    }
    return home_;
}

void ScreenRouter::draw(const FrameContext& ctx) {
    viewFor(ctx.session.screen).draw(ctx);
    if (ctx.secondsUntilWipe > 0) {
        drawStillThereOverlay(ctx);
    }
}

} // namespace kiosk::ui
