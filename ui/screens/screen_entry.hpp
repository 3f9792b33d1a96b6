// How a screen registers itself: its own file defines an entry (which flow screen it draws and
// how to make its view), and screen_registry.cpp lists every entry, one line each.
#pragma once

#include "kiosk/flow/screen.hpp"
#include "ui/screens/screen_view.hpp"

#include <memory>
#include <vector>

namespace kiosk::ui {

struct ScreenEntry {
    Screen screen;
    std::unique_ptr<ScreenView> (*makeView)();
};

template <class View> ScreenEntry screenEntry(Screen screen) {
    return {screen, []() -> std::unique_ptr<ScreenView> { return std::make_unique<View>(); }};
}

// Every screen's entry, in one table (screen_registry.cpp). Built when asked, never during
// static initialisation, so the order of a static library's objects does not matter.
std::vector<ScreenEntry> screenEntries();

} // namespace kiosk::ui
