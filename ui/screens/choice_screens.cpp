// Two-way choice screens: one decision, two big cards.
#include "ui/screens/choice_screens.hpp"

#include "ui/widgets/scroll_area.hpp"

#include <algorithm>

namespace kiosk::ui {

int drawTwoWayChoice(const FrameContext& ctx, Msg heading, const TwoWayChoice& first,
                     const TwoWayChoice& second) {
    headingText(ctx, ctx.tr(heading));
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    const float gap = ctx.metrics.gapPx * 1.5f;
    const float width = ImGui::GetContentRegionAvail().x;
    // Between the cards: the item spacing ImGui adds after each, and the Dummy that makes it up
    // to `gap`.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float height = std::min(
        (ImGui::GetContentRegionAvail().y - std::max(gap, spacing * 2)) * 0.5f, ctx.metrics.mm(40));
    int chosen = -1;
    if (choiceCard(ctx, "choice-first", first.icon, ctx.tr(first.title), ctx.tr(first.hint),
                   ImVec2(width, height))) {
        chosen = 0;
    }
    ImGui::Dummy(ImVec2(0, std::max(0.0f, gap - spacing * 2)));
    if (choiceCard(ctx, "choice-second", second.icon, ctx.tr(second.title), ctx.tr(second.hint),
                   ImVec2(width, height))) {
        chosen = 1;
    }
    return chosen;
}

void SubmitChannelScreen::drawContent(const FrameContext& ctx) {
    if (!ctx.devices.dossierStorageReady) {
        // The outbox cannot store a dossier: a form the kiosk cannot keep must not be started.
        // On a short screen the title (read aloud) gives way, and a long reason pages above the
        // card, which keeps at least a full target's height.
        const Metrics& m = ctx.metrics;
        const bool shortScreen = shortOfHeight(ctx);
        screenTitle(ctx, ctx.tr(Msg::ChannelTitle), TitleWhenShort::SpokenOnly);
        const float cardMin = m.targetPx * 1.2f;
        if (shortScreen) {
            beginScrollArea(ctx, "channel-reason",
                            ImGui::GetContentRegionAvail().y - cardMin -
                                ImGui::GetStyle().ItemSpacing.y);
            problemText(ctx, ctx.tr(Msg::ChannelKioskUnavailable));
            endScrollArea(ctx);
        } else {
            problemText(ctx, ctx.tr(Msg::ChannelKioskUnavailable));
            ImGui::Dummy(ImVec2(0, m.gapPx));
        }
        const ImVec2 room = ImGui::GetContentRegionAvail();
        if (choiceCard(ctx, "choice-phone", Icon::Phone, ctx.tr(Msg::ChannelPhone),
                       ctx.tr(Msg::ChannelPhoneHint),
                       ImVec2(room.x, std::clamp(room.y, cardMin, std::max(cardMin, m.mm(40)))))) {
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
