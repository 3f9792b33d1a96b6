// Colour tables for standard, high-contrast light and high-contrast dark themes.
#include "ui/theme/palette.hpp"

#include <cmath>

namespace kiosk::ui {
namespace {

ImVec4 rgb(int hex) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f,
                  (hex & 0xFF) / 255.0f, 1.0f);
}

// Standard: calm blue of public-service signage on a warm light background.
const Palette kStandard{
    .background = rgb(0xF4F1EA),
    .surface = rgb(0xFFFFFF),
    .text = rgb(0x1B1B1B),
    .textMuted = rgb(0x4A4A4A),
    .primary = rgb(0x0B5CAD),
    .primaryPressed = rgb(0x06386B),
    .primaryText = rgb(0xFFFFFF),
    .secondary = rgb(0xE3E8EF),
    .secondaryPressed = rgb(0xB8C4D4),
    .secondaryText = rgb(0x12263F),
    .border = rgb(0x8A94A3),
    .selected = rgb(0x1E6B35),
    .selectedText = rgb(0xFFFFFF),
    .ok = rgb(0x1E6B35),
    .warning = rgb(0x8A5300),
    .danger = rgb(0xB3261E),
    .statusBar = rgb(0xE6E1D6),
    .statusText = rgb(0x1B1B1B),
    .headerBar = rgb(0xA51C24),
    .headerText = rgb(0xFFFFFF),
};

const Palette kHighLight{
    .background = rgb(0xFFFFFF),
    .surface = rgb(0xFFFFFF),
    .text = rgb(0x000000),
    .textMuted = rgb(0x1F1F1F),
    .primary = rgb(0x00307A),
    .primaryPressed = rgb(0x000000),
    .primaryText = rgb(0xFFFFFF),
    .secondary = rgb(0xFFFFFF),
    .secondaryPressed = rgb(0xCCCCCC),
    .secondaryText = rgb(0x000000),
    .border = rgb(0x000000),
    .selected = rgb(0x000000),
    .selectedText = rgb(0xFFFFFF),
    .ok = rgb(0x005A1E),
    .warning = rgb(0x6B3E00),
    .danger = rgb(0x9E0000),
    .statusBar = rgb(0xFFFFFF),
    .statusText = rgb(0x000000),
    .headerBar = rgb(0x000000),
    .headerText = rgb(0xFFFFFF),
};

const Palette kHighDark{
    .background = rgb(0x000000),
    .surface = rgb(0x000000),
    .text = rgb(0xFFFFFF),
    .textMuted = rgb(0xE6E6E6),
    .primary = rgb(0xFFD500),
    .primaryPressed = rgb(0xFFFFFF),
    .primaryText = rgb(0x000000),
    .secondary = rgb(0x000000),
    .secondaryPressed = rgb(0x404040),
    .secondaryText = rgb(0xFFFFFF),
    .border = rgb(0xFFFFFF),
    .selected = rgb(0xFFFFFF),
    .selectedText = rgb(0x000000),
    .ok = rgb(0x7CFC8A),
    .warning = rgb(0xFFD500),
    .danger = rgb(0xFF8A80),
    .statusBar = rgb(0x000000),
    .statusText = rgb(0xFFFFFF),
    .headerBar = rgb(0x1A1A1A),
    .headerText = rgb(0xFFFFFF),
};

double channel(float c) {
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const ImVec4& c) {
    return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z);
}

} // namespace

const Palette& palette(Contrast contrast) {
    switch (contrast) {
    case Contrast::Standard:
        return kStandard;
    case Contrast::HighLight:
        return kHighLight;
    case Contrast::HighDark:
        return kHighDark;
    }
    return kStandard;
}

double contrastRatio(const ImVec4& a, const ImVec4& b) {
    double la = luminance(a);
    double lb = luminance(b);
    if (la < lb) {
        std::swap(la, lb);
    }
    return (la + 0.05) / (lb + 0.05);
}

void applyStyle(const Palette& p, float gapPx, float roundingPx) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.FrameRounding = roundingPx;
    style.ChildRounding = roundingPx;
    style.FrameBorderSize = 2.0f;
    style.FramePadding = ImVec2(gapPx, gapPx * 0.5f);
    style.ItemSpacing = ImVec2(gapPx, gapPx);
    style.ItemInnerSpacing = ImVec2(gapPx * 0.5f, gapPx * 0.5f);
    style.ScrollbarSize = gapPx * 2.5f;
    style.ScrollbarRounding = roundingPx;
    style.GrabMinSize = gapPx * 4.0f;
    style.TouchExtraPadding = ImVec2(0, 0);
    // No flashing caret blinks and no fades: nothing animates on its own, so the loop can sleep.
    style.Alpha = 1.0f;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.textMuted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_FrameBg] = p.surface;
    c[ImGuiCol_FrameBgHovered] = p.surface;
    c[ImGuiCol_FrameBgActive] = p.surface;
    c[ImGuiCol_Button] = p.secondary;
    c[ImGuiCol_ButtonHovered] = p.secondary;
    c[ImGuiCol_ButtonActive] = p.secondaryPressed;
    c[ImGuiCol_ScrollbarBg] = p.background;
    c[ImGuiCol_ScrollbarGrab] = p.border;
    c[ImGuiCol_ScrollbarGrabHovered] = p.border;
    c[ImGuiCol_ScrollbarGrabActive] = p.text;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.6f);
    c[ImGuiCol_TextSelectedBg] = p.secondaryPressed;
    c[ImGuiCol_NavHighlight] = ImVec4(0, 0, 0, 0);
}

} // namespace kiosk::ui
