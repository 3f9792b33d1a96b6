// Touch buttons drawn on invisible ImGui buttons, which fire on release inside the target.
#include "ui/widgets/touch_button.hpp"

#include "ui/widgets/layout_probe.hpp"
#include "ui/widgets/scroll_area.hpp"

#include <algorithm>
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
    case ButtonKind::Disabled:
        return {p.background, p.textMuted};
    case ButtonKind::Secondary:
        break;
    }
    return {pressed ? p.secondaryPressed : p.secondary, p.secondaryText};
}

// Invisible button with the house press semantics; returns {clicked, pressed-now}.
std::pair<bool, bool> hitArea(std::string_view id, ImVec2 size) {
    std::string key(id);
    bool clicked = ImGui::InvisibleButton(key.c_str(), size);
    // In a scroll area a button is kept whole, like a line of text.
    noteScrollAtom(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    noteButton(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), id);
    return {clicked, ImGui::IsItemActive()};
}

void centredText(ImDrawList* d, ImFont* font, ImVec2 min, ImVec2 max, ImU32 colour,
                 std::string_view text, float wrapWidth, float px = 0) {
    px = px > 0 ? px : font->FontSize;
    ImVec2 size =
        font->CalcTextSizeA(px, FLT_MAX, wrapWidth, text.data(), text.data() + text.size());
    ImVec2 at((min.x + max.x - size.x) * 0.5f, (min.y + max.y - size.y) * 0.5f);
    d->AddText(font, px, at, colour, text.data(), text.data() + text.size(), wrapWidth);
    noteTextLines(at, ImVec2(at.x + size.x, at.y + size.y), px, text);
}

} // namespace

bool touchButton(const FrameContext& ctx, std::string_view id, std::string_view label, ImVec2 size,
                 ButtonKind kind, std::optional<Icon> icon, ImFont* font) {
    ctx.say(audio::SpeechRole::Choice, label);
    // A chrome button (its own font) may be as short as the minimum target: the navigation row
    // of a short screen gives way to the content.
    size.y = std::max(size.y, font ? ctx.metrics.mm(kMinimumTargetMm) : ctx.metrics.targetPx);
    ImFont* face = font ? font : ctx.fonts.bold;
    // Shrink rather than spill: at the largest sizes a long label may not fit its button.
    auto roomFor = [&](ImFont* f) {
        return size.x - ctx.metrics.gapPx * 2 -
               (icon ? f->FontSize * 0.9f + ctx.metrics.gapPx : 0.0f);
    };
    auto widthAt = [&](ImFont* f, float px) {
        return f->CalcTextSizeA(px, FLT_MAX, 0, label.data(), label.data() + label.size()).x;
    };
    if (widthAt(face, face->FontSize) > roomFor(face)) {
        face = ctx.fonts.chromeBold;
    }
    // Still too wide at the chrome's size (a narrow column of a portrait panel): two lines when
    // the button is tall enough for them, else smaller still; never cut.
    float px = face->FontSize;
    float wrap = 0;
    float labelWidth = widthAt(face, px);
    if (float room = roomFor(face); labelWidth > room && room > 0) {
        ImVec2 wrapped =
            face->CalcTextSizeA(px, FLT_MAX, room, label.data(), label.data() + label.size());
        if (wrapped.y <= size.y - ctx.metrics.mm(1) && wrapped.x <= room) {
            wrap = room;
            labelWidth = wrapped.x;
        } else {
            px *= room / labelWidth;
            labelWidth = room;
        }
    }
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
        float iconSize = face->FontSize * 0.9f;
        float textWidth = labelWidth;
        float groupWidth = iconSize + ctx.metrics.gapPx + textWidth;
        float left = (min.x + max.x - groupWidth) * 0.5f;
        drawIcon(d, *icon, ImVec2(left + iconSize * 0.5f, (min.y + max.y) * 0.5f), iconSize,
                 textColour);
        min.x = left + iconSize + ctx.metrics.gapPx;
        max.x = min.x + textWidth;
    }
    centredText(d, face, min, max, textColour, label, wrap, px);
    return clicked;
}

bool choiceCard(const FrameContext& ctx, std::string_view id, Icon icon, std::string_view title,
                std::string_view hint, ImVec2 size) {
    ctx.say(audio::SpeechRole::Choice, title);
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
    ctx.say(audio::SpeechRole::Choice, label);
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

namespace {

struct RowFonts {
    ImFont* title;
    ImFont* subtitle;
};

// Height of a title plus an optional wrapped subtitle inside `wrap` pixels, with padding.
float rowHeight(const FrameContext& ctx, RowFonts fonts, std::string_view title,
                std::string_view subtitle, float wrap) {
    float height = fonts.title
                       ->CalcTextSizeA(fonts.title->FontSize, FLT_MAX, wrap, title.data(),
                                       title.data() + title.size())
                       .y;
    if (!subtitle.empty()) {
        height += fonts.subtitle
                      ->CalcTextSizeA(fonts.subtitle->FontSize, FLT_MAX, wrap, subtitle.data(),
                                      subtitle.data() + subtitle.size())
                      .y;
    }
    return std::max(ctx.metrics.targetPx, height + ctx.metrics.gapPx * 2);
}

// The resident's sizes, unless the row would be taller than its list can show above the page
// buttons (a long name at the largest text on a short screen): then the second line, and if
// need be the title, take the chrome's size, so the row is seen whole.
RowFonts rowFonts(const FrameContext& ctx, std::string_view title, std::string_view subtitle,
                  float wrap) {
    const float room = scrollAreaRoom(ctx) - ctx.metrics.gapPx;
    for (RowFonts fonts :
         {RowFonts{ctx.fonts.bold, ctx.fonts.body}, RowFonts{ctx.fonts.bold, ctx.fonts.chrome},
          RowFonts{ctx.fonts.chromeBold, ctx.fonts.chrome}}) {
        if (rowHeight(ctx, fonts, title, subtitle, wrap) <= room) {
            return fonts;
        }
    }
    return {ctx.fonts.chromeBold, ctx.fonts.chrome};
}

void rowText(RowFonts fonts, ImVec2 at, float wrap, std::string_view title,
             std::string_view subtitle, ImU32 colour) {
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImFont* bold = fonts.title;
    ImFont* body = fonts.subtitle;
    d->AddText(bold, bold->FontSize, at, colour, title.data(), title.data() + title.size(), wrap);
    ImVec2 titleSize = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, wrap, title.data(),
                                           title.data() + title.size());
    noteTextLines(at, ImVec2(at.x + titleSize.x, at.y + titleSize.y), bold->FontSize, title);
    if (!subtitle.empty()) {
        ImVec2 subAt(at.x, at.y + titleSize.y);
        d->AddText(body, body->FontSize, subAt, colour, subtitle.data(),
                   subtitle.data() + subtitle.size(), wrap);
        ImVec2 subSize = body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, subtitle.data(),
                                             subtitle.data() + subtitle.size());
        noteTextLines(subAt, ImVec2(subAt.x + subSize.x, subAt.y + subSize.y), body->FontSize,
                      subtitle);
    }
}

} // namespace

bool listItem(const FrameContext& ctx, std::string_view id, std::string_view title,
              std::string_view subtitle, float width) {
    ctx.say(audio::SpeechRole::Choice, title);
    const Metrics& m = ctx.metrics;
    float arrow = ctx.fonts.bold->FontSize;
    float wrap = width - m.gapPx * 3 - arrow;
    RowFonts fonts = rowFonts(ctx, title, subtitle, wrap);
    float height = rowHeight(ctx, fonts, title, subtitle, wrap);
    auto [clicked, pressed] = hitArea(id, ImVec2(width, height));
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    float rounding = m.mm(1.5);
    d->AddRectFilled(min, max, ImGui::GetColorU32(pressed ? p.secondaryPressed : p.surface),
                     rounding);
    d->AddRect(min, max, ImGui::GetColorU32(p.border), rounding, 0, 2.0f);
    ImU32 colour = ImGui::GetColorU32(p.secondaryText);
    rowText(fonts, ImVec2(min.x + m.gapPx, min.y + m.gapPx), wrap, title, subtitle, colour);
    drawIcon(d, Icon::Next, ImVec2(max.x - m.gapPx - arrow * 0.5f, (min.y + max.y) * 0.5f), arrow,
             colour);
    return clicked;
}

bool checkItem(const FrameContext& ctx, std::string_view id, std::string_view title,
               std::string_view subtitle, bool checked, float width) {
    ctx.say(audio::SpeechRole::Choice, title);
    const Metrics& m = ctx.metrics;
    float box = std::min(ctx.metrics.targetPx * 0.7f, m.mm(12));
    float wrap = width - m.gapPx * 3 - box;
    RowFonts fonts = rowFonts(ctx, title, subtitle, wrap);
    float height = rowHeight(ctx, fonts, title, subtitle, wrap);
    auto [clicked, pressed] = hitArea(id, ImVec2(width, height));
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    float rounding = m.mm(1.5);
    d->AddRectFilled(min, max, ImGui::GetColorU32(pressed ? p.secondaryPressed : p.surface),
                     rounding);
    d->AddRect(min, max, ImGui::GetColorU32(p.border), rounding, 0, 2.0f);
    ImVec2 boxMin(min.x + m.gapPx, (min.y + max.y - box) * 0.5f);
    ImVec2 boxMax(boxMin.x + box, boxMin.y + box);
    ImU32 colour = ImGui::GetColorU32(p.secondaryText);
    if (checked) {
        d->AddRectFilled(boxMin, boxMax, ImGui::GetColorU32(p.selected), m.mm(1));
        float s = box;
        d->AddLine(ImVec2(boxMin.x + s * 0.2f, boxMin.y + s * 0.5f),
                   ImVec2(boxMin.x + s * 0.42f, boxMin.y + s * 0.75f),
                   ImGui::GetColorU32(p.selectedText), s * 0.12f);
        d->AddLine(ImVec2(boxMin.x + s * 0.42f, boxMin.y + s * 0.75f),
                   ImVec2(boxMin.x + s * 0.8f, boxMin.y + s * 0.25f),
                   ImGui::GetColorU32(p.selectedText), s * 0.12f);
    }
    d->AddRect(boxMin, boxMax, colour, m.mm(1), 0, 3.0f);
    rowText(fonts, ImVec2(boxMax.x + m.gapPx, min.y + m.gapPx), wrap, title, subtitle, colour);
    return clicked;
}

} // namespace kiosk::ui
