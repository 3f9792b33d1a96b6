// Countdown overlay: dims the screen, shows the seconds left and one big button to stay.
#include "ui/screens/still_there_overlay.hpp"

#include "ui/screens/screen_view.hpp"
#include "ui/widgets/touch_button.hpp"

#include <string>

namespace kiosk::ui {

void drawStillThereOverlay(const FrameContext& ctx) {
    const Metrics& m = ctx.metrics;
    ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0.65f));
    ImGui::Begin("still-there-dim", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav);
    ImGui::PopStyleColor();

    const float designedWidth = std::min(viewport->Size.x - 2 * m.marginPx, m.mm(150));
    // Whether the card fits the panel as designed; at the largest text on a landscape panel the
    // title drops to body size and the number to heading size, so the button stays on screen.
    const float wrap = designedWidth - 2 * m.marginPx;
    auto heightOf = [&](ImFont* f, Msg msg) {
        std::string_view t = ctx.tr(msg);
        return f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, t.data(), t.data() + t.size()).y;
    };
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float designed = heightOf(ctx.fonts.heading, Msg::StillThereTitle) +
                           heightOf(ctx.fonts.body, Msg::StillThereBody) +
                           ctx.fonts.heading->FontSize * 2.0f + m.targetPx * 1.2f + spacing * 3 +
                           m.marginPx * 2;
    const bool compact = designed > viewport->Size.y - m.gapPx * 2;
    // Compact, the card also takes the whole width: fewer lines of explanation.
    const float cardWidth = compact ? viewport->Size.x - 2 * m.marginPx : designedWidth;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.colours.surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(m.marginPx, m.marginPx));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3.0f);
    ImGui::SetNextWindowPos(ImVec2(viewport->Size.x * 0.5f, viewport->Size.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(cardWidth, 0), ImVec2(cardWidth, viewport->Size.y));
    ImGui::Begin("still-there-card", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                     ImGuiWindowFlags_AlwaysAutoResize);
    if (compact) {
        ctx.say(audio::SpeechRole::Heading, ctx.tr(Msg::StillThereTitle));
        boldText(ctx, ctx.tr(Msg::StillThereTitle));
    } else {
        headingText(ctx, ctx.tr(Msg::StillThereTitle));
    }
    bodyText(ctx, ctx.tr(Msg::StillThereBody));

    // The number is the biggest thing on screen: it is what tells the resident to act.
    std::string number = std::to_string(ctx.secondsUntilWipe);
    std::string unit = std::string(ctx.tr(Msg::StillThereSeconds));
    ImFont* font = ctx.fonts.heading;
    float numberPx = font->FontSize * (compact ? 1.0f : 2.0f);
    ImVec2 numberSize = font->CalcTextSizeA(numberPx, FLT_MAX, 0, number.c_str());
    ImVec2 unitSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, unit.c_str());
    float groupWidth = numberSize.x + m.gapPx + unitSize.x;
    ImVec2 at = ImGui::GetCursorScreenPos();
    at.x += (ImGui::GetContentRegionAvail().x - groupWidth) * 0.5f;
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImU32 colour = ImGui::GetColorU32(ctx.colours.danger);
    d->AddText(font, numberPx, at, colour, number.c_str());
    d->AddText(font, font->FontSize,
               ImVec2(at.x + numberSize.x + m.gapPx,
                      compact ? at.y : at.y + numberSize.y - unitSize.y * 1.1f),
               colour, unit.c_str());
    ImGui::Dummy(ImVec2(groupWidth, numberSize.y));

    if (touchButton(ctx, "still-here", ctx.tr(Msg::StillThereContinue),
                    ImVec2(ImGui::GetContentRegionAvail().x, m.targetPx * (compact ? 1.0f : 1.2f)),
                    ButtonKind::Primary)) {
        ctx.emit(intent::StillHere{});
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    ImGui::End();
}

} // namespace kiosk::ui
