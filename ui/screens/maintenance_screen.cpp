// Maintenance screen: a short apology for residents with where to go instead; the technical
// reason is for the maintainer only (their screen and the log), never shown here.
#include "ui/screens/maintenance_screen.hpp"

#include <string>

namespace kiosk::ui {

void MaintenanceScreen::drawContent(const FrameContext& ctx) {
    headingText(ctx, ctx.tr(Msg::MaintenanceTitle));
    bodyText(ctx, ctx.tr(Msg::MaintenanceBody));
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 2));
    mutedText(ctx, ctx.tr(Msg::MaintenanceGoTo));
    boldText(ctx, ctx.config.officeAddress);
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    mutedText(ctx, ctx.tr(Msg::HelpHotline));
    headingText(ctx, ctx.config.hotline);
}

// The screenshot scenes that end on this file's screens (listed through their entries).
namespace {

std::vector<ScreenshotScene> maintenanceScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("maintenance", [](Flow& flow, R&) {
        flow.enterMaintenance("/etc/kiosk/kiosk.ini:12: unknown key [session] inactivty_timeout_s");
    });
    return scenes;
}

} // namespace

ScreenEntry maintenanceScreenEntry() {
    return screenEntry<MaintenanceScreen>(Screen::Maintenance, maintenanceScenes);
}

} // namespace kiosk::ui
