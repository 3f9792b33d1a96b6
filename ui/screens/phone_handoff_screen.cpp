// Phone hand-off: QR on the left; on the right the numbered steps (portal, then VNeID), each
// with the picture of the phone screen it leads to.
#include "ui/screens/phone_handoff_screen.hpp"

#include "ui/widgets/content_picture.hpp"
#include "ui/widgets/scroll_area.hpp"

#include <algorithm>
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

namespace {

// One step: its picture on the left at a size that leaves the text its full body size, the
// numbered instruction beside it.
void stepRow(const FrameContext& ctx, int number, const HandOffStep& step, ImVec2 picture) {
    if (!step.image.empty()) {
        contentPicture(ctx, step.image, picture);
        ImGui::SameLine(0, ctx.metrics.gapPx * 2);
    }
    ImGui::BeginGroup();
    bodyText(ctx, std::to_string(number) + ". " + std::string(ctx.local(step.text)));
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
}

} // namespace

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
    // About two steps show at once: the pictures are guides, the words are the instruction.
    const float pictureHeight =
        std::min(ctx.metrics.mm(34), ImGui::GetContentRegionAvail().y * 0.42f);
    const ImVec2 picture(pictureHeight * 0.75f, pictureHeight);
    boldText(ctx, ctx.local(procedure->name));
    boldText(ctx, ctx.tr(Msg::PhoneSteps));
    int number = 1;
    for (const HandOffStep& step : procedure->handOff.steps) {
        stepRow(ctx, number++, step, picture);
    }
    if (!procedure->handOff.vneidSteps.empty()) {
        boldText(ctx, ctx.tr(Msg::PhoneVneid));
        number = 1;
        for (const HandOffStep& step : procedure->handOff.vneidSteps) {
            stepRow(ctx, number++, step, picture);
        }
    }
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    mutedText(ctx, ctx.tr(Msg::PhoneVolunteer));
    endScrollArea(ctx);
    ImGui::EndGroup();
}

} // namespace kiosk::ui
