// Simple, high-contrast line drawings: a phone, a web portal, a QR code, warnings, a lock...
#include "ui/widgets/lesson_illustration.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

// A fixed pattern that reads as a QR code; it encodes nothing, so no one scans it by mistake.
constexpr unsigned kQrRows[9] = {0x1f7, 0x115, 0x1d5, 0x03a, 0x16d, 0x0c2, 0x1b7, 0x14d, 0x1e5};

void finder(ImDrawList* d, ImVec2 at, float cell, ImU32 colour) {
    d->AddRect(at, ImVec2(at.x + cell * 3, at.y + cell * 3), colour, 0, 0, cell * 0.6f);
    d->AddRectFilled(ImVec2(at.x + cell, at.y + cell), ImVec2(at.x + cell * 2, at.y + cell * 2),
                     colour);
}

} // namespace

void drawIllustration(const FrameContext& ctx, Illustration picture, ImVec2 min, ImVec2 max) {
    if (picture == Illustration::None) {
        return;
    }
    ImDrawList* d = ImGui::GetWindowDrawList();
    const Palette& p = ctx.colours;
    d->AddRectFilled(min, max, ImGui::GetColorU32(p.surface), ctx.metrics.mm(3));
    d->AddRect(min, max, ImGui::GetColorU32(p.border), ctx.metrics.mm(3), 0, 2.0f);
    ImVec2 c((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    float s = std::min(max.x - min.x, max.y - min.y) * 0.4f; // half the drawing's side
    float w = std::max(3.0f, s * 0.06f);
    auto at = [&](float x, float y) { return ImVec2(c.x + x * s, c.y + y * s); };
    ImU32 ink = ImGui::GetColorU32(p.text);
    ImU32 primary = ImGui::GetColorU32(p.primary);
    ImU32 ok = ImGui::GetColorU32(p.ok);
    ImU32 danger = ImGui::GetColorU32(p.danger);
    ImU32 warning = ImGui::GetColorU32(p.warning);
    ImU32 paper = ImGui::GetColorU32(p.background);
    switch (picture) {
    case Illustration::Phone:
        d->AddRectFilled(at(-0.5f, -0.95f), at(0.5f, 0.95f), ink, s * 0.12f);
        d->AddRectFilled(at(-0.42f, -0.78f), at(0.42f, 0.72f), paper, s * 0.04f);
        for (int row = 0; row < 3; ++row) {
            for (int col = 0; col < 3; ++col) {
                float x = -0.3f + col * 0.24f;
                float y = -0.6f + row * 0.3f;
                d->AddRectFilled(at(x, y), at(x + 0.16f, y + 0.16f), row == 0 ? primary : ok,
                                 s * 0.03f);
            }
        }
        d->AddCircleFilled(at(0.0f, 0.84f), s * 0.06f, paper);
        break;
    case Illustration::Portal: {
        d->AddRectFilled(at(-0.95f, -0.75f), at(0.95f, 0.75f), paper, s * 0.05f);
        d->AddRect(at(-0.95f, -0.75f), at(0.95f, 0.75f), ink, s * 0.05f, 0, w);
        d->AddRectFilled(at(-0.95f, -0.75f), at(0.95f, -0.5f), primary, s * 0.05f);
        ImFont* font = ctx.fonts.bold;
        const char* address = "dichvucong.gov.vn";
        float size = std::min(font->FontSize, s * 0.16f);
        d->AddText(font, size, at(-0.85f, -0.7f), ImGui::GetColorU32(p.primaryText), address);
        for (float y : {-0.3f, -0.05f, 0.2f}) {
            d->AddRect(at(-0.8f, y), at(0.8f, y + 0.16f), ink, 0, 0, w * 0.6f);
        }
        d->AddRectFilled(at(0.3f, 0.45f), at(0.8f, 0.65f), ok, s * 0.04f);
        break;
    }
    case Illustration::Qr: {
        float cell = s * 0.17f;
        ImVec2 origin = at(-0.78f, -0.78f);
        d->AddRectFilled(at(-0.9f, -0.9f), at(0.9f, 0.9f), paper);
        for (int row = 0; row < 9; ++row) {
            for (int col = 0; col < 9; ++col) {
                if (kQrRows[row] >> col & 1u) {
                    ImVec2 a(origin.x + col * cell, origin.y + row * cell);
                    d->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), ink);
                }
            }
        }
        finder(d, origin, cell, ink);
        finder(d, ImVec2(origin.x + cell * 6, origin.y), cell, ink);
        finder(d, ImVec2(origin.x, origin.y + cell * 6), cell, ink);
        d->AddRect(at(-0.9f, -0.9f), at(0.9f, 0.9f), primary, 0, 0, w);
        break;
    }
    case Illustration::Warning:
        d->AddTriangleFilled(at(0.0f, -0.9f), at(0.95f, 0.8f), at(-0.95f, 0.8f), warning);
        d->AddTriangle(at(0.0f, -0.9f), at(0.95f, 0.8f), at(-0.95f, 0.8f), ink, w);
        d->AddRectFilled(at(-0.08f, -0.4f), at(0.08f, 0.3f), ink, s * 0.04f);
        d->AddCircleFilled(at(0.0f, 0.55f), s * 0.1f, ink);
        break;
    case Illustration::Shield:
        d->PathLineTo(at(0.0f, -0.95f));
        d->PathLineTo(at(0.8f, -0.6f));
        d->PathBezierCubicCurveTo(at(0.8f, 0.2f), at(0.4f, 0.7f), at(0.0f, 0.95f));
        d->PathBezierCubicCurveTo(at(-0.4f, 0.7f), at(-0.8f, 0.2f), at(-0.8f, -0.6f));
        d->PathFillConvex(primary);
        d->AddLine(at(-0.4f, 0.0f), at(-0.1f, 0.35f), paper, w * 2.0f);
        d->AddLine(at(-0.1f, 0.35f), at(0.45f, -0.35f), paper, w * 2.0f);
        break;
    case Illustration::Lock:
        d->PathArcTo(at(0.0f, -0.25f), s * 0.45f, static_cast<float>(M_PI),
                     2 * static_cast<float>(M_PI), 20);
        d->PathStroke(ink, 0, w * 2.2f);
        d->AddLine(at(-0.45f, -0.25f), at(-0.45f, 0.0f), ink, w * 2.2f);
        d->AddLine(at(0.45f, -0.25f), at(0.45f, 0.0f), ink, w * 2.2f);
        d->AddRectFilled(at(-0.75f, -0.05f), at(0.75f, 0.9f), primary, s * 0.1f);
        d->AddCircleFilled(at(0.0f, 0.35f), s * 0.14f, paper);
        d->AddRectFilled(at(-0.05f, 0.35f), at(0.05f, 0.65f), paper);
        break;
    case Illustration::Gift:
        d->AddRectFilled(at(-0.8f, -0.2f), at(0.8f, 0.85f), danger, s * 0.04f);
        d->AddRectFilled(at(-0.9f, -0.5f), at(0.9f, -0.2f), danger, s * 0.04f);
        d->AddRectFilled(at(-0.1f, -0.5f), at(0.1f, 0.85f), warning);
        d->AddCircle(at(-0.25f, -0.7f), s * 0.2f, warning, 20, w * 1.5f);
        d->AddCircle(at(0.25f, -0.7f), s * 0.2f, warning, 20, w * 1.5f);
        // The hook: the "gift" hides a question mark.
        d->AddCircleFilled(at(0.7f, 0.55f), s * 0.32f, paper);
        d->AddCircle(at(0.7f, 0.55f), s * 0.32f, ink, 24, w);
        d->AddText(ctx.fonts.heading, s * 0.45f, at(0.58f, 0.3f), ink, "?");
        break;
    case Illustration::Call:
        d->AddRectFilled(at(-0.7f, -0.6f), at(-0.2f, 0.9f), ink, s * 0.1f);
        d->AddRectFilled(at(-0.62f, -0.45f), at(-0.28f, 0.65f), paper, s * 0.03f);
        d->AddRectFilled(at(0.0f, -0.9f), at(0.95f, -0.1f), danger, s * 0.12f);
        d->AddTriangleFilled(at(0.1f, -0.2f), at(0.35f, -0.2f), at(0.0f, 0.1f), danger);
        d->AddText(ctx.fonts.heading, s * 0.55f, at(0.32f, -0.85f), paper, "!");
        d->PathArcTo(at(-0.45f, 0.1f), s * 0.75f, -0.6f, 0.6f, 12);
        d->PathStroke(primary, 0, w);
        break;
    case Illustration::None:
        break;
    }
}

} // namespace kiosk::ui
