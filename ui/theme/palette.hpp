// The three contrast themes as colour tables, and how they are applied to ImGui.
#pragma once

#include "kiosk/flow/session_state.hpp"

#include <imgui.h>

namespace kiosk::ui {

struct Palette {
    ImVec4 background;
    ImVec4 surface; // cards and panels
    ImVec4 text;
    ImVec4 textMuted; // hints under titles; still at least 4.5:1 on surface
    ImVec4 primary;   // the main action on a screen
    ImVec4 primaryPressed;
    ImVec4 primaryText;
    ImVec4 secondary; // other actions
    ImVec4 secondaryPressed;
    ImVec4 secondaryText;
    ImVec4 border;
    ImVec4 selected; // the chosen option in a group
    ImVec4 selectedText;
    ImVec4 ok;
    ImVec4 warning;
    ImVec4 danger;
    ImVec4 statusBar;
    ImVec4 statusText;
    ImVec4 headerBar;
    ImVec4 headerText;
};

const Palette& palette(Contrast contrast);

// Sets ImGui's colours and sizes. Hovered colours equal the normal ones: a touchscreen has no
// hover, and a stale hover highlight after a tap reads as "still pressed".
void applyStyle(const Palette& colours, float gapPx, float roundingPx);

// WCAG relative-luminance contrast ratio between two colours.
double contrastRatio(const ImVec4& a, const ImVec4& b);

} // namespace kiosk::ui
