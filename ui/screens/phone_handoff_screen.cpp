// Phone hand-off: QR on the left; on the right the numbered steps (portal, then VNeID) side by
// side, each under the picture of the phone screen it leads to.
#include "ui/screens/phone_handoff_screen.hpp"

#include "ui/widgets/content_picture.hpp"
#include "ui/widgets/scroll_area.hpp"

#include <algorithm>
#include <string>
#include <vector>

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

// Height of the longest numbered instruction when the steps share the width in columns.
float tallestStep(const FrameContext& ctx, const std::vector<HandOffStep>& steps) {
    if (steps.empty()) {
        return 0;
    }
    ImFont* font = ctx.fonts.body;
    float column =
        ImGui::GetContentRegionAvail().x / static_cast<float>(steps.size()) - ctx.metrics.gapPx * 2;
    float tallest = 0;
    int number = 1;
    for (const HandOffStep& step : steps) {
        std::string text = std::to_string(number++) + ". " + std::string(ctx.local(step.text));
        tallest = std::max(tallest, font->CalcTextSizeA(font->FontSize, FLT_MAX, column,
                                                        text.data(), text.data() + text.size())
                                        .y);
    }
    return tallest;
}

// The steps side by side, each picture above its numbered instruction: the resident sees the
// whole walk at once, and wide panels give the pictures room instead of leaving it empty.
void stepColumns(const FrameContext& ctx, const char* id, const std::vector<HandOffStep>& steps,
                 float pictureHeight) {
    if (steps.empty()) {
        return;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ctx.metrics.gapPx, 0));
    if (ImGui::BeginTable(id, static_cast<int>(steps.size()), ImGuiTableFlags_SizingStretchSame)) {
        int number = 1;
        for (const HandOffStep& step : steps) {
            ImGui::TableNextColumn();
            if (!step.image.empty()) {
                contentPicture(ctx, step.image,
                               ImVec2(ImGui::GetContentRegionAvail().x, pictureHeight));
                ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 0.5f));
            }
            bodyText(ctx, std::to_string(number++) + ". " + std::string(ctx.local(step.text)));
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
}

} // namespace

void PhoneHandOffScreen::drawContent(const FrameContext& ctx) {
    const Procedure* procedure = ctx.procedure;
    if (procedure == nullptr) {
        return;
    }
    headingText(ctx, ctx.tr(Msg::PhoneTitle));
    // 45 mm keeps 1 mm modules for a portal address, easy for a phone held at reading distance,
    // and leaves the steps room for their pictures.
    const float qrSide = std::min(ctx.metrics.mm(45), ImGui::GetContentRegionAvail().y * 0.75f);
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
    // Slack for the spacing between picture and text, and a little more: a last line cut in
    // half reads as broken.
    const float spareLine = ctx.fonts.body->FontSize * 0.25f + ImGui::GetStyle().ItemSpacing.y * 3 +
                            ctx.metrics.gapPx * 2;
    // The portal row fits the visible area whole: its longest instruction keeps its full size and
    // the pictures take what is left. The VNeID row, when there is one, is a scroll away.
    const float pictureHeight = std::clamp(
        ImGui::GetContentRegionAvail().y - tallestStep(ctx, procedure->handOff.steps) - spareLine,
        ctx.metrics.mm(25), ctx.metrics.mm(60));
    stepColumns(ctx, "portal-steps", procedure->handOff.steps, pictureHeight);
    if (!procedure->handOff.vneidSteps.empty()) {
        boldText(ctx, ctx.tr(Msg::PhoneVneid));
        stepColumns(ctx, "vneid-steps", procedure->handOff.vneidSteps, pictureHeight);
    }
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    mutedText(ctx, ctx.tr(Msg::PhoneVolunteer));
    endScrollArea(ctx);
    ImGui::EndGroup();
}

// The screenshot scenes that end on this file's screens (listed through their entries).
namespace {

std::vector<ScreenshotScene> phoneHandOffScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    auto toHandOff = [](Flow& flow, R& r) {
        r.tap(intent::ChooseProcedure{showcase(flow).code});
        r.tap(intent::Next{});
        r.tap(intent::ChooseChannel{SubmitChannel::Phone});
    };
    add("phone_handoff", toHandOff);
    addLooks(scenes, "phone_handoff", toHandOff);
    // The walkthrough of a procedure that also has VNeID steps, each with its picture.
    add("phone_handoff_vneid", [](Flow&, R& r) {
        r.tap(intent::ChooseProcedure{"2.000986"});
        r.tap(intent::Next{});
        r.tap(intent::ChooseChannel{SubmitChannel::Phone});
    });
    return scenes;
}

} // namespace

ScreenEntry phoneHandOffScreenEntry() {
    return screenEntry<PhoneHandOffScreen>(Screen::PhoneHandOff, phoneHandOffScenes);
}

} // namespace kiosk::ui
