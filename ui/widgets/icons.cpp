// Line-art icons: thick strokes that stay legible at kiosk distance in every contrast theme.
#include "ui/widgets/icons.hpp"

#include <initializer_list>

namespace kiosk::ui {

void drawIcon(ImDrawList* d, Icon icon, ImVec2 c, float size, ImU32 colour) {
    const float s = size * 0.5f;
    const float w = size * 0.075f; // stroke width
    auto p = [&](float x, float y) { return ImVec2(c.x + x * s, c.y + y * s); };
    switch (icon) {
    case Icon::Dossier: // a sheet with a folded corner and text lines
        d->AddLine(p(-0.6f, -0.9f), p(0.25f, -0.9f), colour, w);
        d->AddLine(p(0.25f, -0.9f), p(0.6f, -0.55f), colour, w);
        d->AddLine(p(0.6f, -0.55f), p(0.6f, 0.9f), colour, w);
        d->AddLine(p(0.6f, 0.9f), p(-0.6f, 0.9f), colour, w);
        d->AddLine(p(-0.6f, 0.9f), p(-0.6f, -0.9f), colour, w);
        for (float y : {-0.3f, 0.1f, 0.5f}) {
            d->AddLine(p(-0.35f, y), p(0.35f, y), colour, w * 0.8f);
        }
        break;
    case Icon::Search: // magnifying glass
        d->AddCircle(p(-0.15f, -0.15f), s * 0.55f, colour, 32, w);
        d->AddLine(p(0.25f, 0.25f), p(0.8f, 0.8f), colour, w * 1.4f);
        break;
    case Icon::Learn: // an open book
        d->AddLine(p(0.0f, -0.55f), p(0.0f, 0.75f), colour, w);
        d->AddBezierCubic(p(0.0f, -0.55f), p(-0.3f, -0.8f), p(-0.7f, -0.7f), p(-0.9f, -0.55f),
                          colour, w);
        d->AddBezierCubic(p(0.0f, -0.55f), p(0.3f, -0.8f), p(0.7f, -0.7f), p(0.9f, -0.55f), colour,
                          w);
        d->AddLine(p(-0.9f, -0.55f), p(-0.9f, 0.6f), colour, w);
        d->AddLine(p(0.9f, -0.55f), p(0.9f, 0.6f), colour, w);
        d->AddBezierCubic(p(0.0f, 0.75f), p(-0.3f, 0.5f), p(-0.7f, 0.5f), p(-0.9f, 0.6f), colour,
                          w);
        d->AddBezierCubic(p(0.0f, 0.75f), p(0.3f, 0.5f), p(0.7f, 0.5f), p(0.9f, 0.6f), colour, w);
        break;
    case Icon::Help: // a question mark in a circle
        d->AddCircle(c, s * 0.9f, colour, 40, w);
        d->AddBezierCubic(p(-0.3f, -0.3f), p(-0.3f, -0.7f), p(0.35f, -0.7f), p(0.3f, -0.25f),
                          colour, w);
        d->AddBezierCubic(p(0.3f, -0.25f), p(0.25f, 0.0f), p(0.0f, 0.0f), p(0.0f, 0.25f), colour,
                          w);
        d->AddCircleFilled(p(0.0f, 0.5f), w * 0.8f, colour);
        break;
    case Icon::Printer:
        d->AddRect(p(-0.8f, -0.2f), p(0.8f, 0.5f), colour, 0, 0, w);
        d->AddRect(p(-0.5f, -0.8f), p(0.5f, -0.2f), colour, 0, 0, w);
        d->AddRect(p(-0.5f, 0.3f), p(0.5f, 0.9f), colour, 0, 0, w);
        break;
    case Icon::CardReader:
        d->AddRect(p(-0.85f, -0.55f), p(0.85f, 0.55f), colour, s * 0.12f, 0, w);
        d->AddRectFilled(p(-0.6f, -0.25f), p(-0.2f, 0.15f), colour);
        break;
    case Icon::Network: // signal bars
        for (int i = 0; i < 4; ++i) {
            float x = -0.75f + i * 0.5f;
            float top = 0.8f - (i + 1) * 0.4f;
            d->AddRectFilled(p(x - 0.15f, top), p(x + 0.15f, 0.8f), colour);
        }
        break;
    case Icon::Back:
        d->AddLine(p(0.7f, 0.0f), p(-0.7f, 0.0f), colour, w * 1.2f);
        d->AddLine(p(-0.7f, 0.0f), p(-0.2f, -0.5f), colour, w * 1.2f);
        d->AddLine(p(-0.7f, 0.0f), p(-0.2f, 0.5f), colour, w * 1.2f);
        break;
    case Icon::Next:
        d->AddLine(p(-0.3f, -0.6f), p(0.3f, 0.0f), colour, w * 1.2f);
        d->AddLine(p(0.3f, 0.0f), p(-0.3f, 0.6f), colour, w * 1.2f);
        break;
    case Icon::Phone:
        d->AddRect(p(-0.45f, -0.9f), p(0.45f, 0.9f), colour, s * 0.12f, 0, w);
        d->AddLine(p(-0.15f, 0.65f), p(0.15f, 0.65f), colour, w);
        break;
    case Icon::Family: // two heads and shoulders
        d->AddCircle(p(-0.35f, -0.4f), s * 0.22f, colour, 24, w);
        d->AddCircle(p(0.35f, -0.4f), s * 0.22f, colour, 24, w);
        d->AddBezierCubic(p(-0.8f, 0.7f), p(-0.8f, 0.0f), p(0.1f, 0.0f), p(0.1f, 0.7f), colour, w);
        d->AddBezierCubic(p(-0.1f, 0.7f), p(-0.1f, 0.0f), p(0.8f, 0.0f), p(0.8f, 0.7f), colour, w);
        break;
    case Icon::House:
        d->AddLine(p(-0.9f, -0.05f), p(0.0f, -0.85f), colour, w);
        d->AddLine(p(0.0f, -0.85f), p(0.9f, -0.05f), colour, w);
        d->AddRect(p(-0.65f, -0.2f), p(0.65f, 0.85f), colour, 0, 0, w);
        d->AddRect(p(-0.2f, 0.3f), p(0.2f, 0.85f), colour, 0, 0, w);
        break;
    case Icon::Stamp:
        d->AddRect(p(-0.7f, 0.35f), p(0.7f, 0.65f), colour, 0, 0, w);
        d->AddLine(p(-0.9f, 0.85f), p(0.9f, 0.85f), colour, w);
        d->AddRect(p(-0.2f, -0.5f), p(0.2f, 0.35f), colour, 0, 0, w);
        d->AddCircle(p(0.0f, -0.6f), s * 0.28f, colour, 24, w);
        break;
    case Icon::Backspace: // a key cap pointing left with a cross
        d->AddLine(p(-0.9f, 0.0f), p(-0.45f, -0.55f), colour, w);
        d->AddLine(p(-0.9f, 0.0f), p(-0.45f, 0.55f), colour, w);
        d->AddLine(p(-0.45f, -0.55f), p(0.85f, -0.55f), colour, w);
        d->AddLine(p(-0.45f, 0.55f), p(0.85f, 0.55f), colour, w);
        d->AddLine(p(0.85f, -0.55f), p(0.85f, 0.55f), colour, w);
        d->AddLine(p(-0.05f, -0.25f), p(0.45f, 0.25f), colour, w);
        d->AddLine(p(-0.05f, 0.25f), p(0.45f, -0.25f), colour, w);
        break;
    case Icon::Speaker:
        d->AddRectFilled(p(-0.9f, -0.3f), p(-0.5f, 0.3f), colour);
        d->AddTriangleFilled(p(-0.55f, 0.0f), p(0.05f, -0.75f), p(0.05f, 0.75f), colour);
        d->PathArcTo(p(0.05f, 0.0f), s * 0.45f, -0.9f, 0.9f, 12);
        d->PathStroke(colour, 0, w);
        d->PathArcTo(p(0.05f, 0.0f), s * 0.8f, -0.9f, 0.9f, 16);
        d->PathStroke(colour, 0, w);
        break;
    case Icon::Play:
        d->AddTriangleFilled(p(-0.55f, -0.8f), p(0.8f, 0.0f), p(-0.55f, 0.8f), colour);
        break;
    case Icon::Pause:
        d->AddRectFilled(p(-0.6f, -0.8f), p(-0.15f, 0.8f), colour);
        d->AddRectFilled(p(0.15f, -0.8f), p(0.6f, 0.8f), colour);
        break;
    case Icon::Shift: // an outlined up arrow
        d->AddLine(p(0.0f, -0.85f), p(-0.75f, 0.0f), colour, w);
        d->AddLine(p(0.0f, -0.85f), p(0.75f, 0.0f), colour, w);
        d->AddLine(p(-0.75f, 0.0f), p(-0.35f, 0.0f), colour, w);
        d->AddLine(p(0.75f, 0.0f), p(0.35f, 0.0f), colour, w);
        d->AddLine(p(-0.35f, 0.0f), p(-0.35f, 0.8f), colour, w);
        d->AddLine(p(0.35f, 0.0f), p(0.35f, 0.8f), colour, w);
        d->AddLine(p(-0.35f, 0.8f), p(0.35f, 0.8f), colour, w);
        break;
    case Icon::Home:
        d->AddLine(p(-0.85f, 0.0f), p(0.0f, -0.8f), colour, w);
        d->AddLine(p(0.0f, -0.8f), p(0.85f, 0.0f), colour, w);
        d->AddRect(p(-0.6f, -0.1f), p(0.6f, 0.8f), colour, 0, 0, w);
        break;
    }
}

} // namespace kiosk::ui
