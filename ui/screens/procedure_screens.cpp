// Procedure choice screens: everything comes from the content pack's procedure catalog.
#include "ui/screens/procedure_screens.hpp"

#include "ui/widgets/keyboard.hpp"
#include "ui/widgets/row_pages.hpp"
#include "ui/widgets/scroll_area.hpp"

#include <algorithm>
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
    // Searching comes first: a resident who knows what they came for should not have to browse.
    if (choiceCard(ctx, "search", Icon::Search, ctx.tr(Msg::SearchOpen),
                   ctx.tr(Msg::SearchOpenHint), ImVec2(width, ctx.metrics.targetPx * 1.4f))) {
        ctx.emit(intent::OpenProcedureSearch{});
    }
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 0.5f));
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
    if (ctx.catalog == nullptr) {
        headingText(ctx, ctx.tr(Msg::ProcedureListTitle));
        return;
    }
    std::string_view categoryName;
    for (const Category& category : ctx.catalog->categories) {
        if (category.id == ctx.session.dossier.categoryId) {
            categoryName = ctx.local(category.name);
        }
    }
    std::vector<const Procedure*> procedures;
    for (const Procedure& procedure : ctx.catalog->procedures) {
        if (procedure.category == ctx.session.dossier.categoryId) {
            procedures.push_back(&procedure);
        }
    }
    if (shortOfHeight(ctx)) {
        // Large text on a short screen: the title and the field's name share one chrome-sized
        // line, and the procedures page by whole rows (their codes are for the commune's staff).
        compactHeadingText(ctx, std::string(ctx.tr(Msg::ProcedureListTitle)) + " · " +
                                    std::string(categoryName));
        const float width = ImGui::GetContentRegionAvail().x;
        const float height = ctx.metrics.targetPx;
        RowPages::Range range =
            pages_.begin(ctx.session.dossier.categoryId, procedures.size(), height);
        for (std::size_t i = range.first; i < range.last; ++i) {
            const Procedure& procedure = *procedures[i];
            if (touchButton(ctx, procedure.code, ctx.local(procedure.name),
                            ImVec2(width, height))) {
                ctx.emit(intent::ChooseProcedure{procedure.code});
            }
        }
        pages_.end(ctx);
        return;
    }
    headingText(ctx, ctx.tr(Msg::ProcedureListTitle));
    if (!categoryName.empty()) {
        mutedText(ctx, categoryName);
    }
    const float width = ImGui::GetContentRegionAvail().x - ctx.metrics.gapPx * 2;
    beginScrollArea(ctx, "procedures");
    for (const Procedure* procedure : procedures) {
        std::string code = std::string(ctx.tr(Msg::ProcedureCode)) + " " + procedure->code;
        if (listItem(ctx, procedure->code, ctx.local(procedure->name), code, width)) {
            ctx.emit(intent::ChooseProcedure{procedure->code});
        }
    }
    endScrollArea(ctx);
}

namespace {

// The search box: what is typed with the cursor, or an invitation; tapping it brings the
// keyboard back after Done put it away.
// `tight`: a short screen, where the box takes the chrome's size and leaves the keys theirs.
void searchBox(const FrameContext& ctx, const ProcedureSearchState& search, float height,
               bool tight) {
    const Metrics& m = ctx.metrics;
    const Palette& p = ctx.colours;
    std::string_view text = search.composer ? search.composer->text() : std::string_view();
    const float width = ImGui::GetContentRegionAvail().x;
    if (ImGui::InvisibleButton("search-box", ImVec2(width, height))) {
        ctx.emit(intent::ShowSearchKeyboard{});
    }
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* d = ImGui::GetWindowDrawList();
    d->AddRectFilled(min, max, ImGui::GetColorU32(p.surface), m.mm(1.2));
    d->AddRect(min, max, ImGui::GetColorU32(p.primary), m.mm(1.2), 0, 4.0f);
    float iconSize = height * 0.5f;
    drawIcon(d, Icon::Search, ImVec2(min.x + m.gapPx + iconSize * 0.5f, (min.y + max.y) * 0.5f),
             iconSize, ImGui::GetColorU32(p.textMuted));
    ImFont* font = text.empty() ? (tight ? ctx.fonts.chrome : ctx.fonts.body)
                                : (tight ? ctx.fonts.chromeBold : ctx.fonts.bold);
    float textX = min.x + m.gapPx * 2 + iconSize;
    float textY = (min.y + max.y - font->FontSize) * 0.5f;
    ImVec4 clip(min.x, min.y, max.x - m.gapPx, max.y);
    if (text.empty()) {
        std::string_view invite = ctx.tr(Msg::SearchBoxEmpty);
        d->AddText(font, font->FontSize, ImVec2(textX, textY), ImGui::GetColorU32(p.textMuted),
                   invite.data(), invite.data() + invite.size(), 0, &clip);
    } else {
        d->AddText(font, font->FontSize, ImVec2(textX, textY), ImGui::GetColorU32(p.text),
                   text.data(), text.data() + text.size(), 0, &clip);
    }
    if (search.composer && search.shown == SearchKeyboard::Shown) {
        std::size_t cursorByte = search.composer->cursorByteOffset();
        float cursorX = textX + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(),
                                                    text.data() + cursorByte)
                                    .x;
        d->AddLine(ImVec2(cursorX + 1, textY), ImVec2(cursorX + 1, textY + font->FontSize),
                   ImGui::GetColorU32(p.primary), 3.0f);
    }
}

} // namespace

namespace {

// While typing, the rows between the box and the keyboard: each a whole button (never a list
// cut by an edge). They stay put as results come and go, so the keys do not move under a finger.
// The keyboard keeps at least 60% of the height and its keys 12.7 mm; the rows get the rest.
int answerRows(float avail, float rowHeight, float keyboardNeed) {
    const float step = rowHeight + ImGui::GetStyle().ItemSpacing.y;
    const float room = std::min(avail * 0.4f, avail - keyboardNeed);
    return std::max(1, static_cast<int>(room / step));
}

// The answer to what is typed so far, in `rows` buttons: the matching procedures while they fit,
// else the first ones and "See all N procedures found", which puts the keyboard away.
void typingAnswer(const FrameContext& ctx, const ProcedureSearchState& search, int rows,
                  ImVec2 rowSize, ImFont* font) {
    if (!search.composer || search.composer->text().empty()) {
        // The box already invites typing; the rest is said when "Nghe" is tapped.
        ctx.say(audio::SpeechRole::Instruction, ctx.tr(Msg::SearchTypeHint));
        return;
    }
    if (search.results.empty()) {
        if (touchButton(ctx, "browse", ctx.tr(Msg::SearchNothingBrowse), rowSize,
                        ButtonKind::Secondary, Icon::Back, font)) {
            ctx.emit(intent::Back{});
        }
        return;
    }
    const std::size_t count = search.results.size();
    const bool all = count <= static_cast<std::size_t>(rows);
    const std::size_t shown = all ? count : static_cast<std::size_t>(rows - 1);
    for (std::size_t i = 0; i < shown && ctx.catalog != nullptr; ++i) {
        const Procedure* procedure = ctx.catalog->findProcedure(search.results[i]);
        if (procedure != nullptr &&
            touchButton(ctx, "result-" + procedure->code, ctx.local(procedure->name), rowSize,
                        ButtonKind::Secondary, std::nullopt, font)) {
            ctx.emit(intent::ChooseProcedure{procedure->code});
        }
    }
    if (!all) {
        std::string label = std::string(ctx.tr(Msg::SearchSeeAll)) + " " + std::to_string(count) +
                            " " + std::string(ctx.tr(Msg::SearchSeeAllUnit));
        if (touchButton(ctx, "see-all", label, rowSize, ButtonKind::Primary, std::nullopt, font)) {
            ctx.emit(intent::ShowSearchResults{});
        }
    }
}

// With the keyboard away and nothing found (or nothing typed yet): what to do next.
void noResults(const FrameContext& ctx, const ProcedureSearchState& search) {
    const Metrics& m = ctx.metrics;
    const float width = ImGui::GetContentRegionAvail().x - m.gapPx * 2;
    beginScrollArea(ctx, "search-results");
    if (!search.composer || search.composer->text().empty()) {
        mutedText(ctx, ctx.tr(Msg::SearchTypeHint));
    } else {
        boldText(ctx, ctx.tr(Msg::SearchNothing));
        bodyText(ctx, ctx.tr(Msg::SearchNothingHint));
        if (touchButton(ctx, "browse", ctx.tr(Msg::SearchBrowse), ImVec2(width, m.targetPx),
                        ButtonKind::Secondary, Icon::Back)) {
            ctx.emit(intent::Back{});
        }
    }
    endScrollArea(ctx);
}

} // namespace

void ProcedureSearchScreen::drawContent(const FrameContext& ctx) {
    const ProcedureSearchState& search = ctx.session.search;
    const bool keyboard = search.shown == SearchKeyboard::Shown && search.composer;
    // While typing, the keys keep the size they have everywhere else and the answer gets whole
    // rows above them; "Xong" (Done) or "See all" puts the keyboard away to show every result.
    // The heading gives way to them when the keyboard is up or the screen is short.
    if (keyboard || shortOfHeight(ctx)) {
        ctx.say(audio::SpeechRole::Heading, ctx.tr(Msg::SearchOpen));
    } else {
        headingText(ctx, ctx.tr(Msg::SearchOpen));
    }
    const Metrics& m = ctx.metrics;
    const ImVec2 whole = ImGui::GetContentRegionAvail();
    float spacing = ImGui::GetStyle().ItemSpacing.y;
    // The keys come first: when the box and one answer row at the resident's size would leave
    // them under 12.7 mm, the box and the rows take the chrome's size.
    const float keyboardNeed =
        keyboard ? keyboardMinimumHeight(m, search.keyboard, whole.x) + spacing : 0.0f;
    const bool tight = keyboard && whole.y - keyboardNeed < (m.targetPx + spacing) * 2;
    if (tight) {
        // The gaps between the box, the rows and the keys shrink to the least that still keeps
        // neighbouring targets apart.
        spacing = m.mm(kMinimumGapMm);
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                            ImVec2(ImGui::GetStyle().ItemSpacing.x, spacing));
    }
    const float rowHeight =
        tight ? std::max(m.mm(kMinimumTargetMm), ctx.fonts.chromeBold->FontSize * 1.5f)
              : m.targetPx;
    searchBox(ctx, search, rowHeight, tight);
    if (!keyboard) {
        if (search.results.empty() || ctx.catalog == nullptr) {
            noResults(ctx, search);
        } else {
            resultPages(ctx, search);
        }
        return;
    }
    const float avail = ImGui::GetContentRegionAvail().y;
    const int rows = answerRows(avail, rowHeight, keyboardNeed);
    const float rowsHeight = static_cast<float>(rows) * (rowHeight + spacing);
    const ImVec2 top = ImGui::GetCursorPos();
    typingAnswer(ctx, search, rows, ImVec2(whole.x, rowHeight),
                 tight ? ctx.fonts.chromeBold : nullptr);
    ImGui::SetCursorPos(ImVec2(top.x, top.y + rowsHeight));
    ImVec2 size = ImGui::GetContentRegionAvail();
    for (const input::KeyDef& key :
         drawKeyboard(ctx, search.keyboard, search.composer->method(), size, backspace_,
                      search.composer->textBeforeCursor())) {
        ctx.emit(intent::PressKey{key});
    }
    if (tight) {
        ImGui::PopStyleVar();
    }
}

void ProcedureSearchScreen::resultPages(const FrameContext& ctx,
                                        const ProcedureSearchState& search) {
    // On a short screen the results themselves say what to do; the line is still read aloud.
    if (shortOfHeight(ctx)) {
        ctx.say(audio::SpeechRole::Instruction, ctx.tr(Msg::SearchFound));
    } else {
        mutedText(ctx, ctx.tr(Msg::SearchFound));
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ctx.metrics.targetPx;
    std::string_view words = search.composer ? search.composer->text() : std::string_view();
    RowPages::Range range = pages_.begin(words, search.results.size(), height);
    for (std::size_t i = range.first; i < range.last; ++i) {
        const Procedure* procedure = ctx.catalog->findProcedure(search.results[i]);
        if (procedure != nullptr &&
            touchButton(ctx, "result-" + procedure->code, ctx.local(procedure->name),
                        ImVec2(width, height))) {
            ctx.emit(intent::ChooseProcedure{procedure->code});
        }
    }
    pages_.end(ctx);
}

void ProcedureInfoScreen::drawContent(const FrameContext& ctx) {
    const Procedure* procedure = ctx.procedure;
    if (procedure == nullptr) {
        return;
    }
    headingText(ctx, ctx.local(procedure->name));
    beginScrollArea(ctx, "info", ImGui::GetContentRegionAvail().y - actionBarHeight(ctx),
                    PagerPlace::BesideAction);
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
        std::string line = "• " + std::string(ctx.local(document.name)) + ": " +
                           std::to_string(document.count) + " " +
                           std::string(ctx.tr(document.form == DocumentForm::Original
                                                  ? Msg::DocumentOriginalExplained
                                                  : Msg::DocumentCopyExplained));
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

// The screenshot scenes that end on this file's screens (listed through their entries).
namespace {

std::vector<ScreenshotScene> procedureCategoriesScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("procedure_categories",
        [](Flow&, R& r) { r.tap(intent::Open{Screen::ProcedureCategories}); });
    scenes.push_back({"procedure_categories_text_size_3", [](Flow&, R& r) {
                          r.tap(intent::SetTextSize{TextSize::Largest});
                          r.tap(intent::Open{Screen::ProcedureCategories});
                      }});
    add("procedure_categories_all", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::ChooseCategory{"civil_status"});
        r.tap(intent::Back{});
    });
    return scenes;
}

std::vector<ScreenshotScene> procedureListScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("procedure_list", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::ChooseCategory{"civil_status"});
    });
    return scenes;
}

std::vector<ScreenshotScene> procedureInfoScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("procedure_info", [](Flow& flow, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::ChooseCategory{"civil_status"});
        r.tap(intent::ChooseProcedure{showcase(flow).code});
    });
    return scenes;
}

std::vector<ScreenshotScene> procedureSearchScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("procedure_search", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::OpenProcedureSearch{});
    });
    add("procedure_search_typing", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::OpenProcedureSearch{});
        r.type("khai sinh");
    });
    add("procedure_search_typing_many", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::OpenProcedureSearch{});
        r.type("dang ky");
    });
    add("procedure_search_results", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::OpenProcedureSearch{});
        r.type("dang ky");
        r.tap(intent::PressKey{doneKey()});
    });
    add("procedure_search_nothing", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::ProcedureCategories});
        r.tap(intent::OpenProcedureSearch{});
        r.type("xe máy");
    });
    scenes.push_back({"procedure_search_typing_text_size_3", [](Flow&, R& r) {
                          r.tap(intent::SetTextSize{TextSize::Largest});
                          r.tap(intent::Open{Screen::ProcedureCategories});
                          r.tap(intent::OpenProcedureSearch{});
                          r.type("khai sinh");
                      }});
    return scenes;
}

} // namespace

ScreenEntry procedureCategoriesScreenEntry() {
    return screenEntry<ProcedureCategoriesScreen>(Screen::ProcedureCategories,
                                                  procedureCategoriesScenes);
}

ScreenEntry procedureListScreenEntry() {
    return screenEntry<ProcedureListScreen>(Screen::ProcedureList, procedureListScenes);
}

ScreenEntry procedureInfoScreenEntry() {
    return screenEntry<ProcedureInfoScreen>(Screen::ProcedureInfo, procedureInfoScenes);
}

ScreenEntry procedureSearchScreenEntry() {
    return screenEntry<ProcedureSearchScreen>(Screen::ProcedureSearch, procedureSearchScenes);
}

} // namespace kiosk::ui
