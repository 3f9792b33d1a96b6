// How a screen registers itself: its own file defines an entry (which flow screen it draws, how
// to make its view, and the screenshot scenes that show it), and screen_registry.cpp lists every
// entry, one line each.
#pragma once

#include "kiosk/flow/screen.hpp"
#include "ui/screens/scene_fixtures.hpp"
#include "ui/screens/screen_view.hpp"

#include <memory>
#include <vector>

namespace kiosk::ui {

using SceneList = std::vector<ScreenshotScene> (*)(const SceneSources&);

struct ScreenEntry {
    Screen screen;
    std::unique_ptr<ScreenView> (*makeView)();
    // The screenshot scenes that end on this screen (the layout test runs over them too).
    SceneList scenes;
};

template <class View> ScreenEntry screenEntry(Screen screen, SceneList scenes) {
    return {screen, []() -> std::unique_ptr<ScreenView> { return std::make_unique<View>(); },
            scenes};
}

// Every screen's entry, in one table (screen_registry.cpp). Built when asked, never during
// static initialisation, so the order of a static library's objects does not matter.
std::vector<ScreenEntry> screenEntries();

} // namespace kiosk::ui
