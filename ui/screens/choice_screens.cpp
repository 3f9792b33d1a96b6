// Two-way choice screens: one decision, two big cards.
#include "ui/screens/choice_screens.hpp"

namespace kiosk::ui {

int drawTwoWayChoice(const FrameContext& ctx, Msg heading, const TwoWayChoice& first,
                     const TwoWayChoice& second) {
    headingText(ctx, ctx.tr(heading));
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    const float gap = ctx.metrics.gapPx * 1.5f;
    const float width = ImGui::GetContentRegionAvail().x;
    const float height =
        std::min((ImGui::GetContentRegionAvail().y - gap) * 0.5f, ctx.metrics.mm(40));
    int chosen = -1;
    if (choiceCard(ctx, "choice-first", first.icon, ctx.tr(first.title), ctx.tr(first.hint),
                   ImVec2(width, height))) {
        chosen = 0;
    }
    ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    if (choiceCard(ctx, "choice-second", second.icon, ctx.tr(second.title), ctx.tr(second.hint),
                   ImVec2(width, height))) {
        chosen = 1;
    }
    return chosen;
}

void SubmitChannelScreen::drawContent(const FrameContext& ctx) {
    if (!ctx.devices.dossierStorageReady) {
        // The outbox cannot store a dossier: a form the kiosk cannot keep must not be started.
        headingText(ctx, ctx.tr(Msg::ChannelTitle));
        problemText(ctx, ctx.tr(Msg::ChannelKioskUnavailable));
        ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
        if (choiceCard(ctx, "choice-phone", Icon::Phone, ctx.tr(Msg::ChannelPhone),
                       ctx.tr(Msg::ChannelPhoneHint),
                       ImVec2(ImGui::GetContentRegionAvail().x, ctx.metrics.mm(40)))) {
            ctx.emit(intent::ChooseChannel{SubmitChannel::Phone});
        }
        return;
    }
    int chosen = drawTwoWayChoice(ctx, Msg::ChannelTitle,
                                  {Icon::Dossier, Msg::ChannelKiosk, Msg::ChannelKioskHint},
                                  {Icon::Phone, Msg::ChannelPhone, Msg::ChannelPhoneHint});
    if (chosen >= 0) {
        ctx.emit(intent::ChooseChannel{chosen == 0 ? SubmitChannel::Kiosk : SubmitChannel::Phone});
    }
}

void IdentityScreen::drawContent(const FrameContext& ctx) {
    int chosen = drawTwoWayChoice(ctx, Msg::IdentityTitle,
                                  {Icon::CardReader, Msg::IdentityCard, Msg::IdentityCardHint},
                                  {Icon::Dossier, Msg::IdentityTyped, Msg::IdentityTypedHint});
    if (chosen >= 0) {
        ctx.emit(
            intent::ChooseIdentity{chosen == 0 ? IdentitySource::Card : IdentitySource::Typed});
    }
}

// The screenshot scenes that end on this file's screens (listed through their entries).
namespace {

std::vector<ScreenshotScene> submitChannelScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    auto toChannel = [](Flow& flow, R& r) {
        r.tap(intent::ChooseProcedure{showcase(flow).code});
        r.tap(intent::Next{});
    };
    add("submit_channel", toChannel);
    addLooks(scenes, "submit_channel", toChannel);
    // A storage fault (issue 19): the dossier channel without the kiosk.
    ScreenshotScene channelStorage{"submit_channel_storage_fault", toChannel};
    channelStorage.devices.dossierStorageReady = false;
    scenes.push_back(std::move(channelStorage));
    return scenes;
}

std::vector<ScreenshotScene> identityScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("identity", [](Flow& flow, R& r) {
        r.tap(intent::ChooseProcedure{showcase(flow).code});
        r.tap(intent::Next{});
        r.tap(intent::ChooseChannel{SubmitChannel::Kiosk});
    });
    return scenes;
}

} // namespace

ScreenEntry submitChannelScreenEntry() {
    return screenEntry<SubmitChannelScreen>(Screen::SubmitChannel, submitChannelScenes);
}

ScreenEntry identityScreenEntry() {
    return screenEntry<IdentityScreen>(Screen::Identity, identityScenes);
}

} // namespace kiosk::ui
