// Form group and field editor screens.
#include "ui/screens/form_screens.hpp"

#include "kiosk/input/utf8.hpp"
#include "ui/widgets/keyboard.hpp"
#include "ui/widgets/layout_probe.hpp"
#include "ui/widgets/scroll_area.hpp"

#include <string>

namespace kiosk::ui {
namespace {

const FieldProblem* problemFor(const std::vector<FieldProblem>& problems,
                               const std::string& fieldId) {
    for (const FieldProblem& problem : problems) {
        if (problem.fieldId == fieldId) {
            return &problem;
        }
    }
    return nullptr;
}

// A field as a large box: label above, value (or an invitation) inside, problem below.
bool fieldBox(const FrameContext& ctx, const Field& field, const std::string* value, bool prefilled,
              const FieldProblem* problem, float width) {
    const Metrics& m = ctx.metrics;
    std::string label(ctx.local(field.label));
    if (!field.required) {
        label += " (" + std::string(ctx.tr(Msg::FormOptional)) + ")";
    }
    boldText(ctx, label);
    ctx.say(audio::SpeechRole::Choice, label);
    std::string shown =
        value ? displayValue(ctx, field, *value) : std::string(ctx.tr(Msg::FormTapToFill));
    ImGui::PushID(field.id.c_str());
    // One line of text with a little padding: at the largest sizes the padding gives way so the
    // label, value and problem of a field fit together, never below the minimum target.
    float boxHeight = std::max(m.mm(kMinimumTargetMm), ctx.fonts.bold->FontSize * 1.25f);
    bool clicked = ImGui::InvisibleButton("box", ImVec2(width, boxHeight));
    bool pressed = ImGui::IsItemActive();
    ImGui::PopID();
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    d->AddRectFilled(min, max, ImGui::GetColorU32(pressed ? p.secondaryPressed : p.surface),
                     m.mm(1.2));
    d->AddRect(min, max, ImGui::GetColorU32(problem ? p.danger : p.border), m.mm(1.2), 0,
               problem ? 4.0f : 2.0f);
    ImFont* font = value ? ctx.fonts.bold : ctx.fonts.body;
    ImVec4 clip(min.x, min.y, max.x - m.gapPx, max.y);
    ImVec2 at(min.x + m.gapPx, (min.y + max.y - font->FontSize) * 0.5f);
    d->AddText(font, font->FontSize, at, ImGui::GetColorU32(value ? p.text : p.textMuted),
               shown.c_str(), nullptr, 0, &clip);
    ImVec2 shownSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str());
    noteTextLine(at, ImVec2(at.x + shownSize.x, at.y + font->FontSize), shown, &clip);
    if (prefilled) {
        std::string tag = std::string(ctx.tr(Msg::FormFromCard));
        ImFont* small = ctx.fonts.status;
        ImVec2 t = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, tag.c_str());
        ImVec2 tagMin(max.x - t.x - m.gapPx * 2, min.y + m.gapPx * 0.4f);
        d->AddRectFilled(tagMin, ImVec2(max.x - m.gapPx * 0.5f, tagMin.y + t.y + m.gapPx * 0.4f),
                         ImGui::GetColorU32(p.ok), m.mm(1));
        d->AddText(small, small->FontSize,
                   ImVec2(tagMin.x + m.gapPx * 0.5f, tagMin.y + m.gapPx * 0.2f),
                   ImGui::GetColorU32(p.primaryText), tag.c_str());
    }
    if (problem) {
        problemText(ctx, ctx.local(problem->text));
    }
    return clicked;
}

} // namespace

std::string displayValue(const FrameContext& ctx, const Field& field, const std::string& value) {
    if (field.type == FieldType::Select && field.picker && ctx.catalog) {
        if (const PickerList* list = ctx.catalog->findList(*field.picker)) {
            if (const PickerItem* item = list->find(value)) {
                return std::string(ctx.local(item->label));
            }
        }
    }
    return value;
}

void FormGroupScreen::drawContent(const FrameContext& ctx) {
    const Procedure* procedure = ctx.procedure;
    const DossierDraft& dossier = ctx.session.dossier;
    if (procedure == nullptr || dossier.groupIndex >= procedure->groups.size()) {
        return;
    }
    const Metrics& m = ctx.metrics;
    const FieldGroup& group = procedure->groups[dossier.groupIndex];
    std::string step =
        std::string(ctx.tr(Msg::FormStep)) + " " + std::to_string(dossier.groupIndex + 1) + " " +
        std::string(ctx.tr(Msg::FormOf)) + " " + std::to_string(procedure->groups.size());
    const bool shortScreen = shortOfHeight(ctx);
    // Within a field the label, box and problem sit close; fields are set apart below.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(m.gapPx, std::min(m.gapPx, m.mm(kMinimumGapMm))));
    if (shortScreen) {
        // Step and title give way first: one line at the chrome's size, so the field keeps the
        // room.
        compactHeadingText(ctx, step + " · " + std::string(ctx.local(group.title)));
    } else {
        mutedText(ctx, step);
        headingText(ctx, ctx.local(group.title));
    }
    // The field a resident must look at: the first with a problem, else the next to fill in,
    // else the first.
    const Field* focused = nullptr;
    for (const Field& field : group.fields) {
        if (focused == nullptr && problemFor(dossier.problems, field.id) != nullptr) {
            focused = &field;
        }
    }
    for (const Field& field : group.fields) {
        if (focused == nullptr && dossier.values.count(field.id) == 0) {
            focused = &field;
        }
    }
    if (focused == nullptr && !group.fields.empty()) {
        focused = &group.fields.front();
    }
    std::string scrollKey = dossier.procedureCode + "/" + std::to_string(dossier.groupIndex) + "/" +
                            std::to_string(dossier.problems.size()) + "/" +
                            (focused ? focused->id : std::string()) + "/" +
                            std::to_string(static_cast<int>(ctx.session.accessibility.textSize)) +
                            "/" + std::to_string(static_cast<int>(ctx.session.language));
    const bool scrollToFocused = scrollKey != scrolledFor_;
    scrolledFor_ = scrollKey;
    // On a short landscape screen the main action and the page buttons stand in a column right
    // of the fields, so a field with its problem message gets the whole height.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float column = primaryActionWidth(ctx, ctx.tr(Msg::NavNext));
    const bool sideColumn = shortScreen && avail.x - column - m.gapPx >= column * 1.5f;
    const float listWidth = sideColumn ? avail.x - column - m.gapPx : 0.0f;
    const float width = (sideColumn ? listWidth : avail.x) - m.gapPx * 1.5f - m.mm(kMinimumGapMm);
    beginScrollArea(ctx, "fields", sideColumn ? avail.y : avail.y - actionBarHeight(ctx),
                    sideColumn ? PagerPlace::ColumnRight : PagerPlace::BesideAction, listWidth);
    for (const Field& field : group.fields) {
        auto found = dossier.values.find(field.id);
        const std::string* value = found == dossier.values.end() ? nullptr : &found->second;
        ImVec2 top = ImGui::GetCursorScreenPos();
        if (&field == focused && scrollToFocused) {
            ImGui::SetScrollY(ImGui::GetCursorPosY() - ImGui::GetStyle().WindowPadding.y);
        }
        if (fieldBox(ctx, field, value, dossier.prefilled.count(field.id) > 0,
                     problemFor(dossier.problems, field.id), width)) {
            ctx.emit(intent::EditField{field.id});
        }
        if (&field == focused) {
            noteFocusedField(top, ImVec2(top.x + width, ImGui::GetItemRectMax().y), field.id);
        }
        ImGui::Dummy(ImVec2(0, m.gapPx));
    }
    endScrollArea(ctx);
    ImGui::PopStyleVar();
    if (primaryAction(ctx, ctx.tr(Msg::NavNext))) {
        ctx.emit(intent::Next{});
    }
}

void FieldEditorScreen::drawContent(const FrameContext& ctx) {
    const DossierDraft& dossier = ctx.session.dossier;
    if (!dossier.edit) {
        return;
    }
    const std::string& id = dossier.edit->fieldId;
    if (id == kLookupCodeField) {
        drawTextEditor(ctx, ctx.tr(Msg::LookupCodeLabel));
        return;
    }
    if (id == kCardNumberField) {
        drawTextEditor(ctx, ctx.tr(Msg::CardNumberLabel));
        return;
    }
    if (isCardDateField(id)) {
        drawDate(ctx, ctx.tr(id == kCardBirthField ? Msg::CardFieldBirth : Msg::CardDatesExpiry));
        return;
    }
    const Field* field = ctx.procedure ? ctx.procedure->findField(id) : nullptr;
    if (field == nullptr) {
        return;
    }
    if (field->type == FieldType::Select) {
        drawPicker(ctx, *field);
    } else if (field->type == FieldType::Date) {
        drawDate(ctx, ctx.local(field->label));
    } else {
        drawTextEditor(ctx, ctx.local(field->label));
    }
}

void FieldEditorScreen::drawTextEditor(const FrameContext& ctx, std::string_view label) {
    const FieldEdit& edit = *ctx.session.dossier.edit;
    const Metrics& m = ctx.metrics;
    const Palette& p = ctx.colours;
    ImVec2 fieldTop = ImGui::GetCursorScreenPos();
    const ImVec2 start = ImGui::GetCursorPos();
    const ImVec2 whole = ImGui::GetContentRegionAvail();
    // The keys keep 12.7 mm in both directions and come first: when a large label and value
    // leave them less, the number pad stands beside the field on a landscape screen, and a
    // letter keyboard's label and value take the chrome's size.
    const bool numberPad = edit.keyboard.layout == input::LayoutKind::NumericPad;
    const float keyboardNeed = keyboardMinimumHeight(m, edit.keyboard, whole.x);
    const bool roomy =
        whole.y - keyboardNeed >= ctx.fonts.bold->FontSize * 1.3f + m.targetPx + m.gapPx * 3;
    const bool padBeside = numberPad && (shortOfHeight(ctx) || !roomy) && whole.x >= whole.y * 1.5f;
    const bool tight = !padBeside && !roomy;
    // Beside the field the pad needs little: three keys a row, well over the minimum target.
    const float width = padBeside ? whole.x * 0.62f - m.gapPx : whole.x;
    const float boxHeight =
        tight ? std::max(m.mm(kMinimumTargetMm), ctx.fonts.chromeBold->FontSize * 1.5f)
              : m.targetPx;
    if (padBeside || tight) {
        if (padBeside) {
            // A column of its own, so the label and problem wrap short of the pad.
            ImGui::BeginChild("edited-field", ImVec2(width, whole.y), false,
                              ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNav);
        }
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(m.gapPx, m.mm(kMinimumGapMm)));
        // The label gives way to the value and the problem: the chrome's size.
        compactHeadingText(ctx.unspoken(), label);
    } else {
        boldText(ctx, label);
    }
    ctx.say(audio::SpeechRole::Heading, label);
    // The field stays visible above the keyboard, with the cursor where the next letter goes.
    std::string_view text = edit.composer ? edit.composer->text() : std::string_view();
    bool clicked = ImGui::InvisibleButton("edited-text", ImVec2(width, boxHeight));
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* d = ImGui::GetWindowDrawList();
    d->AddRectFilled(min, max, ImGui::GetColorU32(p.surface), m.mm(1.2));
    d->AddRect(min, max, ImGui::GetColorU32(edit.problem ? p.danger : p.primary), m.mm(1.2), 0,
               4.0f);
    ImFont* font = ctx.fonts.bold;
    // A long value shrinks to fit the box, down to the chrome's size, so the resident sees the
    // whole name they typed; past that the start gives way and the cursor stays in view.
    const float room = (max.x - m.gapPx * 0.5f) - (min.x + m.gapPx) - m.gapPx * 0.5f;
    float px = tight ? ctx.fonts.chromeBold->FontSize * 1.2f : font->FontSize;
    float fullWidth = font->CalcTextSizeA(px, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
    if (fullWidth > room) {
        px = std::max(ctx.fonts.chromeBold->FontSize, px * room / fullWidth);
    }
    auto widthTo = [&](std::size_t byte) {
        return font->CalcTextSizeA(px, FLT_MAX, 0, text.data(), text.data() + byte).x;
    };
    float textX = min.x + m.gapPx;
    if (edit.composer) {
        float cursorWidth = widthTo(edit.composer->cursorByteOffset());
        if (cursorWidth > room) {
            textX -= cursorWidth - room;
        }
    }
    float textY = (min.y + max.y - px) * 0.5f;
    ImVec4 valueClip(min.x, min.y, max.x - m.gapPx * 0.5f, max.y);
    d->AddText(font, px, ImVec2(textX, textY), ImGui::GetColorU32(p.text), text.data(),
               text.data() + text.size(), 0, &valueClip);
    float textWidth = widthTo(text.size());
    noteTextLine(ImVec2(textX, textY), ImVec2(textX + textWidth, textY + px), text, &valueClip);
    if (edit.composer) {
        std::size_t cursorByte = edit.composer->cursorByteOffset();
        float cursorX = textX + widthTo(cursorByte);
        d->AddLine(ImVec2(cursorX + 1, textY), ImVec2(cursorX + 1, textY + px),
                   ImGui::GetColorU32(p.primary), 3.0f);
        if (clicked) {
            // Put the cursor at the character boundary nearest the finger.
            float touchX = ImGui::GetIO().MousePos.x;
            int best = 0;
            float bestDistance = std::abs(touchX - textX);
            std::size_t byte = 0;
            bool valid = true;
            for (int index = 1; byte < text.size(); ++index) {
                input::decodeUtf8At(text, byte, valid);
                float x = textX + widthTo(byte);
                if (std::abs(touchX - x) < bestDistance) {
                    bestDistance = std::abs(touchX - x);
                    best = index;
                }
            }
            ctx.emit(intent::MoveCursor{best});
        }
    }
    if (edit.problem) {
        problemText(ctx, ctx.local(edit.problem->text));
    }
    noteFocusedField(fieldTop, ImVec2(fieldTop.x + width, ImGui::GetItemRectMax().y), label);
    if (!tight) {
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
    }
    if (padBeside || tight) {
        ImGui::PopStyleVar();
    }
    if (padBeside) {
        ImGui::EndChild();
    }
    ImVec2 avail = ImGui::GetContentRegionAvail();
    if (padBeside) {
        ImGui::SetCursorPos(ImVec2(start.x + width + m.gapPx, start.y));
        avail = ImVec2(whole.x - width - m.gapPx, whole.y);
    }
    for (const input::KeyDef& key :
         drawKeyboard(ctx, edit.keyboard,
                      edit.composer ? edit.composer->method() : input::InputMethod::Plain,
                      ImVec2(avail.x, avail.y), backspace_,
                      edit.composer ? edit.composer->textBeforeCursor() : std::string_view())) {
        ctx.emit(intent::PressKey{key});
    }
}

void FieldEditorScreen::drawPicker(const FrameContext& ctx, const Field& field) {
    const bool shortScreen = shortOfHeight(ctx);
    if (shortScreen) {
        // Large text on a short screen: the label takes the chrome's size, the hint is only
        // read aloud, and the items page by whole rows.
        compactHeadingText(ctx.unspoken(), ctx.local(field.label));
        ctx.say(audio::SpeechRole::Instruction, ctx.tr(Msg::EditorChooseItem));
    } else {
        boldText(ctx, ctx.local(field.label));
        mutedText(ctx, ctx.tr(Msg::EditorChooseItem));
    }
    ctx.say(audio::SpeechRole::Heading, ctx.local(field.label));
    const PickerList* list =
        ctx.catalog && field.picker ? ctx.catalog->findList(*field.picker) : nullptr;
    if (list == nullptr) {
        return;
    }
    const auto& values = ctx.session.dossier.values;
    auto current = values.find(field.id);
    // Items under a parent (villages of a commune) show once that parent has been chosen.
    std::vector<const PickerItem*> items;
    for (const PickerItem& item : list->items) {
        bool parentChosen = item.parent.empty();
        for (const auto& [fieldId, value] : values) {
            parentChosen = parentChosen || value == item.parent;
        }
        if (parentChosen) {
            items.push_back(&item);
        }
    }
    auto option = [&](const PickerItem& item, float width) {
        bool chosen = current != values.end() && current->second == item.id;
        if (optionButton(ctx, item.id, ctx.local(item.label), ImVec2(width, ctx.metrics.targetPx),
                         chosen ? Selection::Selected : Selection::NotSelected)) {
            ctx.emit(intent::PickItem{item.id});
        }
    };
    if (shortScreen) {
        const float width = ImGui::GetContentRegionAvail().x;
        RowPages::Range range = pickerPages_.begin(field.id, items.size(), ctx.metrics.targetPx);
        for (std::size_t i = range.first; i < range.last; ++i) {
            option(*items[i], width);
        }
        pickerPages_.end(ctx);
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x - ctx.metrics.gapPx * 2;
    beginScrollArea(ctx, "picker");
    for (const PickerItem* item : items) {
        option(*item, width);
    }
    endScrollArea(ctx);
}

void FieldEditorScreen::drawDate(const FrameContext& ctx, std::string_view label) {
    if (ctx.session.dossier.edit->date.stage != DatePick::Stage::Year) {
        drawDatePads(ctx, label);
        return;
    }
    drawTextEditor(ctx, std::string(label) + " · " + std::string(ctx.tr(Msg::EditorTypeYear)));
}

void FieldEditorScreen::drawDatePads(const FrameContext& ctx, std::string_view label) {
    const DatePick& date = ctx.session.dossier.edit->date;
    const Metrics& m = ctx.metrics;
    std::string chosen = std::string(ctx.tr(Msg::EditorYear)) + " " + std::to_string(date.year);
    if (date.stage == DatePick::Stage::Day) {
        chosen += " · " + std::string(ctx.tr(Msg::EditorMonth)) + " " + std::to_string(date.month);
    }
    ctx.say(audio::SpeechRole::Heading, label);
    const Msg ask =
        date.stage == DatePick::Stage::Month ? Msg::EditorChooseMonth : Msg::EditorChooseDay;
    if (shortOfHeight(ctx)) {
        // The field's name and what was chosen share one line at the chrome's size, so the
        // pads keep the room (the year is the resident's: shown, not read aloud).
        compactHeadingText(ctx.unspoken(), std::string(label) + " · " + chosen);
        boldText(ctx, ctx.tr(ask));
        ctx.say(audio::SpeechRole::Instruction, ctx.tr(ask));
    } else {
        boldText(ctx, label);
        mutedText(ctx.unspoken(), chosen); // the year the resident typed: a birth year
        headingText(ctx, ctx.tr(ask));
    }
    if (ctx.session.dossier.edit->problem) {
        problemText(ctx, ctx.local(ctx.session.dossier.edit->problem->text));
    }
    const int count =
        date.stage == DatePick::Stage::Month ? 12 : daysInMonth(date.year, date.month);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    // As many rows as fit at the chrome's target height: a short screen gets wider rows
    // (7 days a row at most when it can, up to 16 when the text is large or the panel short).
    int columns = date.stage == DatePick::Stage::Month ? 4 : 7;
    auto rowsFor = [&](int cols) { return (count + cols - 1) / cols; };
    // Cells may shrink to the chrome's target (optionButton's floor) and the minimum gap.
    const float cellMin = m.chromeTargetPx;
    const float gap = std::min(m.gapPx, m.mm(kMinimumGapMm));
    while (columns < count && rowsFor(columns) * (cellMin + gap) - gap > avail.y &&
           (avail.x - gap * columns) / (columns + 1) >= cellMin) {
        ++columns;
    }
    const int rows = rowsFor(columns);
    const float cellW = (avail.x - gap * (columns - 1)) / columns;
    const float cellH = std::max(cellMin, (avail.y - gap * (rows - 1)) / rows);
    ImVec2 origin = ImGui::GetCursorPos();
    for (int i = 0; i < count; ++i) {
        ImGui::SetCursorPos(ImVec2(origin.x + (i % columns) * (cellW + gap),
                                   origin.y + (i / columns) * (cellH + gap)));
        std::string cell = date.stage == DatePick::Stage::Month
                               ? std::string(ctx.tr(Msg::EditorMonth)) + " " + std::to_string(i + 1)
                               : std::to_string(i + 1);
        ImGui::PushID(i);
        if (optionButton(ctx, "cell", cell, ImVec2(cellW, cellH), Selection::NotSelected)) {
            ctx.emit(intent::PickDatePart{i + 1});
        }
        ImGui::PopID();
    }
}

// The screenshot scenes that end on this file's screens (listed through their entries).
namespace {

std::vector<ScreenshotScene> formGroupScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("form_group", toFirstGroup);
    add("form_group_prefilled", [](Flow& flow, R& r) {
        toCardRead(flow, r);
        flow.cardRead(syntheticCard());
        r.tap(intent::Next{});
    });
    add("form_group_problems", [](Flow& flow, R& r) {
        toFirstGroup(flow, r);
        r.tap(intent::Next{});
    });
    addTextSizes(scenes, "form_group", toFirstGroup);
    add("form_group_still_there", [](Flow& flow, R& r) {
        toFirstGroup(flow, r);
        flow.tick(r.now() + std::chrono::minutes(2) + std::chrono::seconds(3));
    });
    add("assisted_form_group", [](Flow& flow, R& r) {
        volunteerSignedIn(flow, r);
        r.tap(intent::StartOver{});
        toFirstGroup(flow, r);
    });
    return scenes;
}

std::vector<ScreenshotScene> fieldEditorScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("card_number", [](Flow& flow, R& r) {
        r.startProcedure(showcase(flow), IdentitySource::Card);
        r.type("02619000");
    });
    auto typingName = [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Name);
        r.type("Nguyeenx");
    };
    add("editor_name", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Name);
        r.type("Nguyeenx Thij Asnh Tuyeets");
    });
    add("editor_id_number", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::IdNumber);
        r.type("0261");
    });
    add("editor_id_number_problem", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::IdNumber);
        r.type("999190001234");
        r.tap(intent::EditDone{});
    });
    add("editor_select", [](Flow& flow, R& r) { openEditor(flow, r, FieldType::Select); });
    add("editor_date_year", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Date);
        r.type("19");
    });
    add("editor_date_month", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Date);
        r.type("2026");
        r.tap(intent::EditDone{});
    });
    add("editor_date_day", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Date);
        r.type("2026");
        r.tap(intent::EditDone{});
        r.tap(intent::PickDatePart{11});
    });
    addTextSizes(scenes, "editor_name", typingName);
    for (Contrast contrast : {Contrast::HighLight, Contrast::HighDark}) {
        std::string suffix = "_contrast_" + std::to_string(static_cast<int>(contrast));
        scenes.push_back({"editor_name" + suffix,
                          [contrast, typingName](Flow& flow, R& r) {
                              r.tap(intent::SetContrast{contrast});
                              typingName(flow, r);
                          },
                          healthyDevices(), true});
    }
    add("lookup_typing", [](Flow&, R& r) {
        r.tap(intent::Open{Screen::Lookup});
        r.tap(intent::EditField{kLookupCodeField});
        r.type("000.00.01.H22-2611");
    });
    add("card_dates_day", [](Flow& flow, R& r) {
        toCardDates(flow, r);
        r.tap(intent::EditField{kCardBirthField});
        r.type("1958");
        r.tap(intent::EditDone{});
        r.tap(intent::PickDatePart{3});
    });
    add("editor_name_numbers", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Name);
        r.type("Thoon 3");
        r.tap(intent::PressKey{layoutKey(input::LayoutKind::Numbers)});
    });
    // The other two keyboard pages and the third input method (issue 21.16).
    add("editor_name_symbols", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Name);
        r.type("Thoon 3");
        r.tap(intent::PressKey{layoutKey(input::LayoutKind::Numbers)});
        r.tap(intent::PressKey{layoutKey(input::LayoutKind::Symbols)});
    });
    add("editor_name_plain", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Name);
        r.tap(intent::PressKey{methodKey()});
        r.tap(intent::PressKey{methodKey()});
        r.type("Nguyen");
    });
    add("editor_name_vni", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Name);
        r.tap(intent::PressKey{methodKey()});
        r.type("Nguye6n4");
    });
    add("editor_address_place_names", [](Flow& flow, R& r) {
        openEditor(flow, r, FieldType::Name);
        r.type("Ddawks Lawks Kroong Busk");
    });
    return scenes;
}

} // namespace

ScreenEntry formGroupScreenEntry() {
    return screenEntry<FormGroupScreen>(Screen::FormGroup, formGroupScenes);
}

ScreenEntry fieldEditorScreenEntry() {
    return screenEntry<FieldEditorScreen>(Screen::FieldEditor, fieldEditorScenes);
}

} // namespace kiosk::ui
