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

ScreenEntry maintenanceScreenEntry() {
    return screenEntry<MaintenanceScreen>(Screen::Maintenance);
}

} // namespace kiosk::ui
