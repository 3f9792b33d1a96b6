// The fonts of one text size: Noto Sans rasterised by FreeType with Vietnamese glyphs.
#pragma once

#include "ui/theme/metrics.hpp"

#include <filesystem>
#include <imgui.h>

namespace kiosk::ui {

struct FontSet {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* status = nullptr;
    // Chrome (header, accessibility choices) stays at the Normal size whatever the resident
    // picks, so the controls to change the size never overflow.
    ImFont* chrome = nullptr;
    ImFont* chromeBold = nullptr;
    bool vietnameseCapable = false; // false when the Noto files were missing
};

struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;
};

// Clears the atlas and adds the fonts for `metrics`. Only the current size is kept in the
// atlas: four sizes at once would cost tens of megabytes of texture on a 1 GB board.
FontSet buildFonts(const FontFiles& files, const Metrics& metrics);

} // namespace kiosk::ui
