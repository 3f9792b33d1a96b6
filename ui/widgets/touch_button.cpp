// Touch buttons drawn on invisible ImGui buttons, which fire on release inside the target.
#include "ui/widgets/touch_button.hpp"

#include <string>

namespace kiosk::ui {
namespace {

struct Colours {
    ImVec4 fill;
    ImVec4 text;
};

Colours colours(const Palette& p, ButtonKind kind, bool pressed) {
    switch (kind) {
    case ButtonKind::Primary:
        return {pressed ? p.primaryPressed : p.primary, p.primaryText};
    case ButtonKind::Danger:
        return {pressed ? p.primaryPressed : p.danger, p.primaryText};
    case ButtonKind::Secondary:
        break;
    }
    return {pressed ? p.secondaryPressed : p.secondary, p.secondaryText};
}

// Invisible button with the house press semantics; returns {clicked, pressed-now}.
std::pair<bool, bool> hitArea(std::string_view id, ImVec2 size) {
    std::string key(id);
    bool clicked = ImGui::InvisibleButton(key.c_str(), size);
    return {clicked, ImGui::IsItemActive()};
}

void centredText(ImDrawList* d, ImFont* font, ImVec2 min, ImVec2 max, ImU32 colour,
                 std::string_view text, float wrapWidth) {
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrapWidth, text.data(),
                                      text.data() + text.size());
    ImVec2 at((min.x + max.x - size.x) * 0.5f, (min.y + max.y - size.y) * 0.5f);
    d->AddText(font, font->FontSize, at, colour, text.data(), text.data() + text.size(), wrapWidth);
}

} // namespace

bool touchButton(const FrameContext& ctx, std::string_view id, std::string_view label, ImVec2 size,
                 ButtonKind kind, std::optional<Icon> icon) {
    size.y = std::max(size.y, ctx.metrics.targetPx);
    auto [clicked, pressed] = hitArea(id, size);
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    Colours c = colours(ctx.colours, kind, pressed);
    ImDrawList* d = ImGui::GetWindowDrawList();
    float rounding = ctx.metrics.mm(1.5);
    d->AddRectFilled(min, max, ImGui::GetColorU32(c.fill), rounding);
    d->AddRect(min, max, ImGui::GetColorU32(ctx.colours.border), rounding, 0, 2.0f);
    ImU32 textColour = ImGui::GetColorU32(c.text);
    if (icon) {
        // Icon and label are centred together as one group.
        ImFont* font = ctx.fonts.bold;
        float iconSize = font->FontSize * 0.9f;
        float textWidth = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(),
                                              label.data() + label.size())
                              .x;
        float groupWidth = iconSize + ctx.metrics.gapPx + textWidth;
        float left = (min.x + max.x - groupWidth) * 0.5f;
        drawIcon(d, *icon, ImVec2(left + iconSize * 0.5f, (min.y + max.y) * 0.5f), iconSize,
                 textColour);
        min.x = left + iconSize + ctx.metrics.gapPx;
        max.x = min.x + textWidth;
    }
    centredText(d, ctx.fonts.bold, min, max, textColour, label, 0);
    return clicked;
}

bool choiceCard(const FrameContext& ctx, std::string_view id, Icon icon, std::string_view title,
                std::string_view hint, ImVec2 size) {
    auto [clicked, pressed] = hitArea(id, size);
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    float rounding = ctx.metrics.mm(2.5);
    ImVec4 fill = pressed ? p.primaryPressed : p.primary;
    d->AddRectFilled(min, max, ImGui::GetColorU32(fill), rounding);
    d->AddRect(min, max, ImGui::GetColorU32(p.border), rounding, 0, 2.0f);

    const float pad = std::min(ctx.metrics.gapPx * 1.5f, size.y * 0.12f);
    const float iconSize = std::min(size.y - pad * 2, ctx.metrics.mm(18));
    ImU32 textColour = ImGui::GetColorU32(p.primaryText);
    drawIcon(d, icon, ImVec2(min.x + pad + iconSize * 0.5f, (min.y + max.y) * 0.5f), iconSize,
             textColour);

    float textLeft = min.x + pad * 2 + iconSize;
    float wrap = max.x - textLeft - pad;
    float room = size.y - pad * 2;
    auto measure = [&](ImFont* font, std::string_view text) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.data(),
                                   text.data() + text.size());
    };
    // Show as much as fits: title and hint, else the title alone, else the title in body size.
    ImFont* titleFont = ctx.fonts.heading;
    ImVec2 titleSize = measure(titleFont, title);
    ImVec2 hintSize = measure(ctx.fonts.body, hint);
    bool showHint = titleSize.y + hintSize.y + pad * 0.3f <= room;
    if (!showHint && titleSize.y > room) {
        titleFont = ctx.fonts.bold;
        titleSize = measure(titleFont, title);
    }
    float blockHeight = titleSize.y + (showHint ? hintSize.y + pad * 0.3f : 0.0f);
    float top = (min.y + max.y - blockHeight) * 0.5f;
    d->AddText(titleFont, titleFont->FontSize, ImVec2(textLeft, top), textColour, title.data(),
               title.data() + title.size(), wrap);
    if (showHint) {
        d->AddText(ctx.fonts.body, ctx.fonts.body->FontSize,
                   ImVec2(textLeft, top + titleSize.y + pad * 0.3f), textColour, hint.data(),
                   hint.data() + hint.size(), wrap);
    }
    return clicked;
}

bool optionButton(const FrameContext& ctx, std::string_view id, std::string_view label, ImVec2 size,
                  Selection selection, ImFont* font) {
    size.y = std::max(size.y, ctx.metrics.chromeTargetPx);
    auto [clicked, pressed] = hitArea(id, size);
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    const Palette& p = ctx.colours;
    bool selected = selection == Selection::Selected;
    ImVec4 fill = pressed ? p.secondaryPressed : (selected ? p.selected : p.secondary);
    ImVec4 text = selected && !pressed ? p.selectedText : p.secondaryText;
    ImDrawList* d = ImGui::GetWindowDrawList();
    float rounding = ctx.metrics.mm(1.5);
    d->AddRectFilled(min, max, ImGui::GetColorU32(fill), rounding);
    // The chosen option also gets a thicker frame, so the choice shows without relying on colour.
    d->AddRect(min, max, ImGui::GetColorU32(p.border), rounding, 0, selected ? 5.0f : 2.0f);
    ImFont* face = font ? font : ctx.fonts.bold;
    // Shrink rather than clip: at the largest text size a label may not fit its button.
    float padding = ctx.metrics.gapPx;
    if (face->CalcTextSizeA(face->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size())
            .x > size.x - padding) {
        face = ctx.fonts.status;
    }
    centredText(d, face, min, max, ImGui::GetColorU32(text), label, 0);
    return clicked;
}

} // namespace kiosk::ui
