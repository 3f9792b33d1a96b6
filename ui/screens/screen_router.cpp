// From flow state to screen view: one lookup in the views the registry made.
#include "ui/screens/screen_router.hpp"

#include "ui/screens/still_there_overlay.hpp"

#include <cassert>

namespace kiosk::ui {

ScreenRouter::ScreenRouter() {
    for (ScreenEntry& entry : screenEntries()) {
        const auto index = static_cast<std::size_t>(entry.screen);
        if (index >= views_.size()) {
            views_.resize(index + 1);
        }
        assert(views_[index] == nullptr && "two entries for one screen");
        views_[index] = entry.makeView();
    }
}

ScreenView* ScreenRouter::viewFor(Screen screen) const {
    const auto index = static_cast<std::size_t>(screen);
    return index < views_.size() ? views_[index].get() : nullptr;
}

void ScreenRouter::draw(const FrameContext& ctx) {
    // Home stands in for a screen nobody registered (the registry test keeps that from shipping).
    ScreenView* view = viewFor(ctx.session.screen);
    (view != nullptr ? *view : *viewFor(Screen::Home)).draw(ctx);
    if (ctx.secondsUntilWipe > 0) {
        drawStillThereOverlay(ctx);
    }
    // Pictures the screen did not ask for this frame are freed: a screen change evicts them.
    if (ctx.images != nullptr) {
        ctx.images->endFrame();
    }
}

} // namespace kiosk::ui
