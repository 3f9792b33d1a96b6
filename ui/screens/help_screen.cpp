// Help screen: the volunteer call button, the help desk and hotline, and three numbered steps.
#include "ui/screens/help_screen.hpp"

#include "ui/widgets/scroll_area.hpp"

#include <string>

namespace kiosk::ui {

void HelpScreen::drawContent(const FrameContext& ctx) {
    const Metrics& m = ctx.metrics;
    headingText(ctx, ctx.tr(Msg::HelpTitle));
    // The home card promises "Gọi tình nguyện viên": the call comes first, and it answers.
    if (ctx.session.volunteerCalled) {
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.colours.ok);
        boldText(ctx, ctx.tr(Msg::HelpVolunteerCalled));
        ImGui::PopStyleColor();
    } else if (touchButton(ctx, "call-volunteer", ctx.tr(Msg::HelpCallVolunteer),
                           ImVec2(ImGui::GetContentRegionAvail().x, m.targetPx * 1.3f),
                           ButtonKind::Primary, Icon::Help)) {
        ctx.emit(intent::CallVolunteer{});
    }
    ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
    // The rest scrolls above the volunteers' sign-in button rather than running under it.
    // The volunteers' button takes the action bar's left half when it shows.
    beginScrollArea(ctx, "help", ImGui::GetContentRegionAvail().y - actionBarHeight(ctx),
                    ctx.session.assist.signedIn ? PagerPlace::BesideAction
                                                : PagerPlace::RightOfAction);
    bodyText(ctx, ctx.tr(Msg::HelpAskVolunteer));
    if (!ctx.config.assisted.volunteerPhone.empty()) {
        bodyText(ctx, std::string(ctx.tr(Msg::HelpCallVolunteer)) + ": " +
                          ctx.config.assisted.volunteerPhone);
    }
    bodyText(ctx, std::string(ctx.tr(Msg::HelpHotline)) + ": " + ctx.config.hotline);
    ImGui::Dummy(ImVec2(0, m.gapPx));
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(ctx.tr(Msg::HelpStepsTitle).data(),
                           ctx.tr(Msg::HelpStepsTitle).data() + ctx.tr(Msg::HelpStepsTitle).size());
    ImGui::PopFont();
    int number = 1;
    for (Msg step : {Msg::HelpStep1, Msg::HelpStep2, Msg::HelpStep3}) {
        bodyText(ctx, std::to_string(number++) + ". " + std::string(ctx.tr(step)));
    }
    endScrollArea(ctx);
    // Discreet, at the bottom: volunteers sign in here to switch on assisted mode.
    if (!ctx.session.assist.signedIn && secondaryAction(ctx, ctx.tr(Msg::HelpForVolunteers))) {
        ctx.emit(intent::OpenVolunteerSignIn{});
    }
}

// The screenshot scenes that end on this file's screens (listed through their entries).
namespace {

std::vector<ScreenshotScene> helpScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("help", [](Flow&, R& r) { r.tap(intent::Open{Screen::Help}); });
    add("still_there", [](Flow& flow, R& r) {
        r.tap(intent::Open{Screen::Help});
        flow.tick(r.now() + std::chrono::minutes(2) + std::chrono::seconds(3));
    });
    add("help_volunteer_called", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::Help});
        r.tap(intent::CallVolunteer{});
    });
    addLooks(scenes, "help", [](Flow&, R& r) { r.tap(intent::Open{Screen::Help}); });
    return scenes;
}

} // namespace

ScreenEntry helpScreenEntry() {
    return screenEntry<HelpScreen>(Screen::Help, helpScenes);
}

} // namespace kiosk::ui
