// Help screen: three numbered steps, the volunteer desk and the commune hotline.
#include "ui/screens/help_screen.hpp"

#include <string>

namespace kiosk::ui {

void HelpScreen::drawContent(const FrameContext& ctx) {
    headingText(ctx, ctx.tr(Msg::HelpTitle));
    bodyText(ctx, ctx.tr(Msg::HelpAskVolunteer));
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(ctx.tr(Msg::HelpStepsTitle).data(),
                           ctx.tr(Msg::HelpStepsTitle).data() + ctx.tr(Msg::HelpStepsTitle).size());
    ImGui::PopFont();
    int number = 1;
    for (Msg step : {Msg::HelpStep1, Msg::HelpStep2, Msg::HelpStep3}) {
        bodyText(ctx, std::to_string(number++) + ". " + std::string(ctx.tr(step)));
    }
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    bodyText(ctx, std::string(ctx.tr(Msg::HelpHotline)) + ": " + ctx.config.hotline);
    // Discreet, at the bottom: volunteers sign in here to switch on assisted mode.
    if (!ctx.session.assist.signedIn && secondaryAction(ctx, ctx.tr(Msg::HelpForVolunteers))) {
        ctx.emit(intent::OpenVolunteerSignIn{});
    }
}

} // namespace kiosk::ui
