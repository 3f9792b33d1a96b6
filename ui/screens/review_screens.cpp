// Documents, review and consent screens.
#include "ui/screens/review_screens.hpp"

#include "ui/screens/form_screens.hpp"
#include "ui/widgets/scroll_area.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace kiosk::ui {

void DocumentsScreen::drawContent(const FrameContext& ctx) {
    const Procedure* procedure = ctx.procedure;
    if (procedure == nullptr) {
        return;
    }
    // Large text on a short screen: the title takes the chrome's size and the hint is read
    // aloud only, so a document's row fits whole above the page buttons.
    const bool shortScreen = shortOfHeight(ctx);
    screenTitle(ctx, ctx.tr(Msg::DocumentsTitle), TitleWhenShort::Compact);
    if (shortScreen) {
        ctx.say(audio::SpeechRole::Instruction, ctx.tr(Msg::DocumentsHint));
    } else {
        mutedText(ctx, ctx.tr(Msg::DocumentsHint));
    }
    const float width = ImGui::GetContentRegionAvail().x - ctx.metrics.gapPx * 2;
    beginScrollArea(ctx, "documents", ImGui::GetContentRegionAvail().y - actionBarHeight(ctx),
                    PagerPlace::BesideAction);
    for (const DocumentRequirement& document : procedure->documents) {
        // "1 bản chính (bản gốc, không phải bản photo)": the count first, and the paper kind
        // in plain words, not "bản chính × 1".
        std::string detail = std::to_string(document.count) + " " +
                             std::string(ctx.tr(document.form == DocumentForm::Original
                                                    ? Msg::DocumentOriginalExplained
                                                    : Msg::DocumentCopyExplained));
        if (document.required) {
            detail += " · " + std::string(ctx.tr(Msg::DocumentsRequired));
        }
        bool ready = ctx.session.dossier.documentsReady.count(document.id) > 0;
        if (checkItem(ctx, document.id, ctx.local(document.name), detail, ready, width)) {
            ctx.emit(intent::ToggleDocument{document.id});
        }
    }
    endScrollArea(ctx);
    if (primaryAction(ctx, ctx.tr(Msg::NavNext))) {
        ctx.emit(intent::Next{});
    }
}

void ReviewScreen::drawContent(const FrameContext& ctx) {
    const Procedure* procedure = ctx.procedure;
    if (procedure == nullptr) {
        return;
    }
    // On a short screen the title takes the chrome's size, so the first page shows answers and
    // not only a group's title.
    screenTitle(ctx, ctx.tr(Msg::ReviewTitle), TitleWhenShort::Compact);
    const Metrics& m = ctx.metrics;
    const float width = ImGui::GetContentRegionAvail().x - m.gapPx * 2;
    const auto& values = ctx.session.dossier.values;
    beginScrollArea(ctx, "review", ImGui::GetContentRegionAvail().y - actionBarHeight(ctx),
                    PagerPlace::BesideAction);
    for (std::size_t g = 0; g < procedure->groups.size(); ++g) {
        const FieldGroup& group = procedure->groups[g];
        // Group title on the left, "Read back" and its own "Change" button on the right.
        float buttonWidth = m.mm(40);
        float readBackWidth = m.mm(40);
        ImVec2 rowStart = ImGui::GetCursorPos();
        ctx.say(audio::SpeechRole::Heading, ctx.local(group.title));
        ImGui::PushTextWrapPos(rowStart.x + width - buttonWidth - readBackWidth - m.gapPx * 2);
        // On a short screen the group title gives way to the answers: body-size bold.
        ImGui::PushFont(shortOfHeight(ctx) ? ctx.fonts.bold : ctx.fonts.heading);
        ImGui::TextUnformatted(ctx.local(group.title).data(),
                               ctx.local(group.title).data() + ctx.local(group.title).size());
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        ImVec2 after = ImGui::GetCursorPos();
        ImGui::PushID(static_cast<int>(g));
        // The answers are never in the screen's own reading; this button reads this group's.
        ImGui::SetCursorPos(
            ImVec2(rowStart.x + width - buttonWidth - m.gapPx - readBackWidth, rowStart.y));
        if (touchButton(ctx, "read-back", ctx.tr(Msg::ReviewReadBack),
                        ImVec2(readBackWidth, m.chromeTargetPx), ButtonKind::Secondary,
                        Icon::Speaker, ctx.fonts.chromeBold)) {
            ctx.emit(intent::ReadBack{g});
        }
        ImGui::SetCursorPos(ImVec2(rowStart.x + width - buttonWidth, rowStart.y));
        if (touchButton(ctx, "edit-group", ctx.tr(Msg::ReviewEdit),
                        ImVec2(buttonWidth, m.chromeTargetPx), ButtonKind::Secondary, std::nullopt,
                        ctx.fonts.chromeBold)) {
            ctx.emit(intent::EditGroup{g});
        }
        ImGui::PopID();
        ImGui::SetCursorPos(ImVec2(rowStart.x, std::max(after.y, ImGui::GetCursorPosY())));
        // Label and answer side by side where the width allows: twice the answers on a page.
        std::vector<std::string_view> labels;
        for (const Field& field : group.fields) {
            labels.push_back(ctx.local(field.label));
        }
        const float labelColumn = labelColumnWidth(ctx, labels);
        for (const Field& field : group.fields) {
            auto found = values.find(field.id);
            if (found == values.end()) {
                labelledValue(ctx, ctx.local(field.label), ctx.tr(Msg::ReviewEmpty), labelColumn,
                              ValueStyle::Absent);
            } else {
                labelledValue(ctx, ctx.local(field.label), displayValue(ctx, field, found->second),
                              labelColumn);
            }
        }
        ImGui::Separator();
    }
    endScrollArea(ctx);
    if (primaryAction(ctx, ctx.tr(Msg::NavNext))) {
        ctx.emit(intent::Next{});
    }
}

void ConsentScreen::drawContent(const FrameContext& ctx) {
    headingText(ctx, ctx.tr(Msg::ConsentTitle));
    bool given = ctx.session.dossier.consent;
    // Until the resident agrees, the send button is shown switched off with the reason for it,
    // never a button that silently does nothing: beside the button, in the half of the action
    // row it leaves free, when the reason fits there; under the tick box it refers to when the
    // text is too large for that (it would cover the explanation).
    std::string_view reason = ctx.tr(Msg::ConsentNeedsTick);
    const ImVec2 region = ImGui::GetWindowContentRegionMax();
    const float wrap = region.x * 0.5f - ctx.metrics.gapPx;
    ImFont* font = ctx.fonts.bold;
    const float reasonHeight = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, reason.data(),
                                                   reason.data() + reason.size())
                                   .y;
    const float listHeight = ImGui::GetContentRegionAvail().y - actionBarHeight(ctx);
    // Beside the button it rises above the row over the list's last lines: only while short.
    const bool reasonBeside =
        reasonHeight <= ctx.metrics.targetPx * 2 && reasonHeight <= listHeight / 3;
    // At large text the explanation and the tick box page above the action row; when no
    // reason stands beside the button, the page buttons take that free half of the row.
    const bool reasonInRow = !given && reasonBeside;
    beginScrollArea(ctx, "consent", listHeight,
                    reasonInRow ? PagerPlace::Below : PagerPlace::BesideAction);
    bodyText(ctx, ctx.tr(Msg::ConsentBody));
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    if (checkItem(ctx, "consent", ctx.tr(Msg::ConsentCheck), "", given,
                  ImGui::GetContentRegionAvail().x)) {
        ctx.emit(intent::SetConsent{!given});
    }
    if (!given && !reasonBeside) {
        boldText(ctx, reason);
    }
    endScrollArea(ctx);
    if (reasonInRow) {
        // Its last line level with the button's bottom.
        ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMin().x,
                                   region.y - std::max(reasonHeight, ctx.metrics.targetPx)));
        ImGui::PushTextWrapPos(wrap);
        ImGui::PushFont(font);
        ImGui::TextUnformatted(reason.data(), reason.data() + reason.size());
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
    }
    if (primaryAction(ctx, ctx.tr(Msg::ConsentSubmit),
                      given ? ButtonKind::Primary : ButtonKind::Disabled) &&
        given) {
        ctx.emit(intent::Submit{});
    }
}

// The screenshot scenes that end on this file's screens (listed through their entries).
namespace {

std::vector<ScreenshotScene> documentsScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("documents", fillEverything);
    add("documents_ticked", [](Flow& flow, R& r) {
        fillEverything(flow, r);
        for (const DocumentRequirement& document : showcase(flow).documents) {
            r.tap(intent::ToggleDocument{document.id});
        }
    });
    addLooks(scenes, "documents", fillEverything);
    return scenes;
}

std::vector<ScreenshotScene> reviewScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    auto toReview = [](Flow& flow, R& r) {
        fillEverything(flow, r);
        r.tap(intent::Next{});
    };
    add("review", toReview);
    addLooks(scenes, "review", toReview);
    return scenes;
}

std::vector<ScreenshotScene> consentScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("consent", toConsent);
    add("consent_ticked", [](Flow& flow, R& r) {
        toConsent(flow, r);
        r.tap(intent::SetConsent{true});
    });
    addLooks(scenes, "consent", toConsent);
    return scenes;
}

} // namespace

ScreenEntry documentsScreenEntry() {
    return screenEntry<DocumentsScreen>(Screen::Documents, documentsScenes);
}

ScreenEntry reviewScreenEntry() {
    return screenEntry<ReviewScreen>(Screen::Review, reviewScenes);
}

ScreenEntry consentScreenEntry() {
    return screenEntry<ConsentScreen>(Screen::Consent, consentScenes);
}

} // namespace kiosk::ui
