// Simple line icons drawn with ImGui's draw list, so no icon font or image is needed.
#pragma once

#include <imgui.h>

namespace kiosk::ui {

enum class Icon {
    Dossier,
    Search,
    Learn,
    Help,
    Printer,
    CardReader,
    Network,
    Back,
    Home,
    Next,
    Phone,
    Family,
    House,
    Stamp,
    Backspace,
    Shift,
    Speaker, // "listen": a loudspeaker with sound waves
    Play,
    Pause,
};

// Draws `icon` centred in the square at `centre` with side `size`, in `colour`.
void drawIcon(ImDrawList* drawList, Icon icon, ImVec2 centre, float size, ImU32 colour);

} // namespace kiosk::ui
