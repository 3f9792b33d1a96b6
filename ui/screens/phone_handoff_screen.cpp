// Phone hand-off: QR on the left, numbered steps (portal, then VNeID) on the right.
#include "ui/screens/phone_handoff_screen.hpp"

#include "ui/widgets/scroll_area.hpp"

#include <string>

namespace kiosk::ui {

void qrImage(const FrameContext& ctx, const std::string& payload, float side) {
    ImTextureID texture = ctx.qrTextures ? ctx.qrTextures->get(payload) : nullptr;
    if (texture == nullptr) {
        ImGui::Dummy(ImVec2(side, side));
        return;
    }
    ImVec2 at = ImGui::GetCursorScreenPos();
    // A white margin keeps the code readable on the dark theme too.
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + side, at.y + side), IM_COL32_WHITE);
    ImGui::Image(texture, ImVec2(side, side));
}

void PhoneHandOffScreen::drawContent(const FrameContext& ctx) {
    const Procedure* procedure = ctx.procedure;
    if (procedure == nullptr) {
        return;
    }
    headingText(ctx, ctx.tr(Msg::PhoneTitle));
    const float qrSide = std::min(ctx.metrics.mm(55), ImGui::GetContentRegionAvail().y * 0.75f);
    const float column = qrSide + ctx.metrics.gapPx * 2;
    ImGui::BeginGroup();
    qrImage(ctx, procedure->handOff.portalUrl, qrSide);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + qrSide);
    ImGui::PushFont(ctx.fonts.body);
    ImGui::TextUnformatted(ctx.tr(Msg::PhoneScan).data(),
                           ctx.tr(Msg::PhoneScan).data() + ctx.tr(Msg::PhoneScan).size());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(column + ctx.metrics.gapPx);
    ImGui::BeginGroup();
    beginScrollArea(ctx, "steps");
    boldText(ctx, ctx.local(procedure->name));
    boldText(ctx, ctx.tr(Msg::PhoneSteps));
    int number = 1;
    for (const LocalText& step : procedure->handOff.steps) {
        bodyText(ctx, std::to_string(number++) + ". " + std::string(ctx.local(step)));
    }
    if (!procedure->handOff.vneidSteps.empty()) {
        ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
        boldText(ctx, ctx.tr(Msg::PhoneVneid));
        number = 1;
        for (const LocalText& step : procedure->handOff.vneidSteps) {
            bodyText(ctx, std::to_string(number++) + ". " + std::string(ctx.local(step)));
        }
    }
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    mutedText(ctx, ctx.tr(Msg::PhoneVolunteer));
    endScrollArea(ctx);
    ImGui::EndGroup();
}

} // namespace kiosk::ui
