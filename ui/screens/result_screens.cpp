// Submitting, result and lookup screens.
#include "ui/screens/result_screens.hpp"

#include "kiosk/dossier/dossier_status.hpp"
#include "ui/widgets/scroll_area.hpp"

#include <string>

namespace kiosk::ui {

void SubmittingScreen::drawContent(const FrameContext& ctx) {
    headingText(ctx, ctx.tr(Msg::SubmittingTitle));
    bodyText(ctx, ctx.tr(Msg::SubmittingBody));
}

void ResultScreen::drawContent(const FrameContext& ctx) {
    const DossierDraft& dossier = ctx.session.dossier;
    const SubmissionOutcome& outcome = dossier.outcome;
    const Metrics& m = ctx.metrics;
    beginScrollArea(ctx, "result", ImGui::GetContentRegionAvail().y - actionBarHeight(ctx));
    switch (outcome.state) {
    case SubmissionState::Accepted:
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.colours.ok);
        headingText(ctx, ctx.tr(Msg::ResultAccepted));
        ImGui::PopStyleColor();
        break;
    case SubmissionState::Queued:
        headingText(ctx, ctx.tr(Msg::ResultQueued));
        bodyText(ctx, ctx.tr(Msg::ResultQueuedBody));
        break;
    default:
        headingText(ctx, ctx.tr(Msg::ResultFailed));
        bodyText(ctx, ctx.tr(Msg::ResultFailedBody));
        break;
    }
    if (!outcome.dossierCode.empty()) {
        mutedText(ctx, ctx.tr(Msg::ResultCode));
        headingText(ctx, outcome.dossierCode);
    } else if (!outcome.localReference.empty()) {
        mutedText(ctx, ctx.tr(Msg::ResultLocalReference));
        headingText(ctx, outcome.localReference);
    }
    if (!outcome.appointmentText.empty()) {
        mutedText(ctx, ctx.tr(Msg::ResultAppointment));
        boldText(ctx, outcome.appointmentText);
    }
    ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
    if (outcome.state == SubmissionState::Accepted || outcome.state == SubmissionState::Queued) {
        bodyText(ctx, ctx.tr(Msg::ResultNextSteps));
        if (outcome.receiptPrinted) {
            boldText(ctx, ctx.tr(Msg::ResultReceiptPrinted));
        } else {
            problemText(ctx, ctx.tr(Msg::ResultReceiptFailed));
        }
    }
    ImGui::Dummy(ImVec2(0, m.gapPx));
    boldText(ctx, ctx.tr(Msg::ResultDataTitle));
    mutedText(ctx, ctx.tr(dossier.cardStep == CardStep::Read ? Msg::ResultDataCard
                                                             : Msg::ResultDataTyped));
    mutedText(ctx, ctx.tr(Msg::ResultDataSent));
    mutedText(ctx, ctx.tr(Msg::ResultDataWiped));
    ImGui::Dummy(ImVec2(0, m.gapPx));

    boldText(ctx, ctx.tr(dossier.rating ? Msg::ResultThanks : Msg::ResultRateTitle));
    const float width = (ImGui::GetContentRegionAvail().x - m.gapPx * 4) / 3.0f;
    static constexpr std::pair<int, Msg> kScale[] = {
        {3, Msg::RateGood}, {2, Msg::RateOk}, {1, Msg::RateBad}};
    for (std::size_t i = 0; i < std::size(kScale); ++i) {
        if (i > 0) {
            ImGui::SameLine(0, m.gapPx);
        }
        auto [score, label] = kScale[i];
        bool chosen = dossier.rating && *dossier.rating == score;
        ImGui::PushID(score);
        if (optionButton(ctx, "rate", ctx.tr(label), ImVec2(width, m.targetPx),
                         chosen ? Selection::Selected : Selection::NotSelected)) {
            ctx.emit(intent::Rate{score});
        }
        ImGui::PopID();
    }
    endScrollArea(ctx);
    if (primaryAction(ctx, ctx.tr(Msg::NavDone))) {
        ctx.emit(intent::Finish{});
    }
}

void LookupScreen::drawContent(const FrameContext& ctx) {
    headingText(ctx, ctx.tr(Msg::LookupTitle));
    bodyText(ctx, ctx.tr(Msg::LookupHint));
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    boldText(ctx, ctx.tr(Msg::LookupCodeLabel));
    const std::string& code = ctx.session.lookup.code;
    if (listItem(ctx, "lookup-code",
                 code.empty() ? ctx.tr(Msg::FormTapToFill) : std::string_view(code), "",
                 ImGui::GetContentRegionAvail().x)) {
        ctx.emit(intent::EditField{kLookupCodeField});
    }
    if (!code.empty() && primaryAction(ctx, ctx.tr(Msg::LookupSearch))) {
        ctx.emit(intent::LookupSubmit{});
    }
}

void LookupResultScreen::drawContent(const FrameContext& ctx) {
    const LookupState& lookup = ctx.session.lookup;
    headingText(ctx, ctx.tr(Msg::LookupTitle));
    mutedText(ctx, ctx.tr(Msg::LookupCodeLabel));
    boldText(ctx, lookup.code);
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    if (lookup.searching) {
        bodyText(ctx, ctx.tr(Msg::LookupSearching));
    } else if (!lookup.failureReason.empty()) {
        problemText(ctx, ctx.tr(Msg::LookupFailed));
    } else if (!lookup.found) {
        problemText(ctx, ctx.tr(Msg::LookupNotFound));
    } else {
        mutedText(ctx, ctx.tr(Msg::LookupStatus));
        auto status = dossierStatusFromCode(lookup.statusCode);
        headingText(ctx, status ? ctx.local(dossierStatusLabel(*status))
                                : std::string_view(lookup.statusCode));
        if (!lookup.appointmentText.empty()) {
            mutedText(ctx, ctx.tr(Msg::ResultAppointment));
            boldText(ctx, lookup.appointmentText);
        }
    }
}

} // namespace kiosk::ui
