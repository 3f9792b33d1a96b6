// Maintenance screen: an apology for residents and the exact reason for the maintainer.
#include "ui/screens/maintenance_screen.hpp"

namespace kiosk::ui {

void MaintenanceScreen::drawContent(const FrameContext& ctx) {
    headingText(ctx, ctx.tr(Msg::MaintenanceTitle));
    bodyText(ctx, ctx.tr(Msg::MaintenanceBody));
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 2));
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(ctx.tr(Msg::MaintenanceDetail).data(),
                           ctx.tr(Msg::MaintenanceDetail).data() +
                               ctx.tr(Msg::MaintenanceDetail).size());
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.status);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(ctx.session.maintenanceReason.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

} // namespace kiosk::ui
