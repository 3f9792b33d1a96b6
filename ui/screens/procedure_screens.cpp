// Procedure choice screens: everything comes from the content pack's procedure catalog.
#include "ui/screens/procedure_screens.hpp"

#include "ui/widgets/scroll_area.hpp"

#include <string>

namespace kiosk::ui {

std::string formatDong(long amount) {
    std::string digits = std::to_string(amount);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            grouped += '.';
        }
        grouped += digits[i];
    }
    return grouped + " đ";
}

std::string feeText(const FrameContext& ctx, const Fee& fee) {
    std::string text;
    switch (fee.kind) {
    case FeeKind::Free:
        text = std::string(ctx.tr(Msg::FeeFree));
        break;
    case FeeKind::Fixed:
        text = formatDong(fee.amountDong);
        break;
    case FeeKind::PerCopy:
        text = formatDong(fee.amountDong) + " " + std::string(ctx.tr(Msg::FeePerCopy));
        break;
    case FeeKind::PerPage:
        text = formatDong(fee.amountDong) + " " + std::string(ctx.tr(Msg::FeePerPage));
        break;
    case FeeKind::AskAtDesk:
        text = std::string(ctx.tr(Msg::FeeAskAtDesk));
        break;
    }
    std::string_view note = ctx.local(fee.note);
    if (!note.empty()) {
        text += ". " + std::string(note);
    }
    return text;
}

Icon categoryIcon(std::string_view iconId) {
    if (iconId == "icon-family") {
        return Icon::Family;
    }
    if (iconId == "icon-house") {
        return Icon::House;
    }
    if (iconId == "icon-stamp") {
        return Icon::Stamp;
    }
    return Icon::Dossier;
}

void ProcedureCategoriesScreen::drawContent(const FrameContext& ctx) {
    headingText(ctx, ctx.tr(Msg::CategoriesTitle));
    if (ctx.catalog == nullptr || ctx.catalog->procedures.empty()) {
        bodyText(ctx, ctx.tr(Msg::NoContentTitle));
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x - ctx.metrics.gapPx * 2;
    beginScrollArea(ctx, "categories");
    boldText(ctx, ctx.tr(Msg::CategoriesMostUsed));
    // The catalog is sorted by popularity: the first three are what most residents come for.
    std::size_t shown = 0;
    for (const Procedure& procedure : ctx.catalog->procedures) {
        if (shown++ == 3) {
            break;
        }
        if (listItem(ctx, procedure.code, ctx.local(procedure.name), "", width)) {
            ctx.emit(intent::ChooseCategory{procedure.category});
            ctx.emit(intent::ChooseProcedure{procedure.code});
        }
    }
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    boldText(ctx, ctx.tr(Msg::CategoriesByField));
    const float cardHeight = ctx.metrics.targetPx * 1.4f;
    for (const Category& category : ctx.catalog->categories) {
        if (choiceCard(ctx, "category-" + category.id, categoryIcon(category.icon),
                       ctx.local(category.name), "", ImVec2(width, cardHeight))) {
            ctx.emit(intent::ChooseCategory{category.id});
        }
    }
    endScrollArea(ctx);
}

void ProcedureListScreen::drawContent(const FrameContext& ctx) {
    headingText(ctx, ctx.tr(Msg::ProcedureListTitle));
    if (ctx.catalog == nullptr) {
        return;
    }
    for (const Category& category : ctx.catalog->categories) {
        if (category.id == ctx.session.dossier.categoryId) {
            mutedText(ctx, ctx.local(category.name));
        }
    }
    const float width = ImGui::GetContentRegionAvail().x - ctx.metrics.gapPx * 2;
    beginScrollArea(ctx, "procedures");
    for (const Procedure& procedure : ctx.catalog->procedures) {
        if (procedure.category != ctx.session.dossier.categoryId) {
            continue;
        }
        std::string code = std::string(ctx.tr(Msg::ProcedureCode)) + " " + procedure.code;
        if (listItem(ctx, procedure.code, ctx.local(procedure.name), code, width)) {
            ctx.emit(intent::ChooseProcedure{procedure.code});
        }
    }
    endScrollArea(ctx);
}

void ProcedureInfoScreen::drawContent(const FrameContext& ctx) {
    const Procedure* procedure = ctx.procedure;
    if (procedure == nullptr) {
        return;
    }
    headingText(ctx, ctx.local(procedure->name));
    beginScrollArea(ctx, "info", ImGui::GetContentRegionAvail().y - actionBarHeight(ctx));
    auto section = [&](Msg title, std::string_view text) {
        if (text.empty()) {
            return;
        }
        boldText(ctx, ctx.tr(title));
        bodyText(ctx, text);
        ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 0.5f));
    };
    section(Msg::InfoPurpose, ctx.local(procedure->purpose));
    section(Msg::InfoWho, ctx.local(procedure->whoMayApply));
    boldText(ctx, ctx.tr(Msg::InfoDocuments));
    for (const DocumentRequirement& document : procedure->documents) {
        std::string line =
            "• " + std::string(ctx.local(document.name)) + " (" +
            std::string(ctx.tr(document.form == DocumentForm::Original ? Msg::DocumentOriginal
                                                                       : Msg::DocumentCopy)) +
            ")";
        bodyText(ctx, line);
    }
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 0.5f));
    section(Msg::InfoFee, feeText(ctx, procedure->fee));
    section(Msg::InfoTime, ctx.local(procedure->processing.text));
    section(Msg::InfoResult, ctx.local(procedure->resultReturnedAt));
    endScrollArea(ctx);
    if (primaryAction(ctx, ctx.tr(Msg::NavNext))) {
        ctx.emit(intent::Next{});
    }
}

} // namespace kiosk::ui
