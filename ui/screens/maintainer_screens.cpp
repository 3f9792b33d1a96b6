// Maintainer screen: tabs for reports (figures, bar charts, export and print), volunteers and
// content packs (install from the USB stick with progress, roll back).
#include "ui/screens/maintainer_screens.hpp"

#include "ui/screens/assist_screens.hpp"
#include "ui/widgets/bar_chart.hpp"
#include "ui/widgets/keyboard.hpp"
#include "ui/widgets/layout_probe.hpp"
#include "ui/widgets/scroll_area.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace kiosk::ui {

std::string dayText(UsageDate day) {
    std::chrono::year_month_day ymd{day};
    char text[16];
    std::snprintf(text, sizeof text, "%02u/%02u/%04d", static_cast<unsigned>(ymd.day()),
                  static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
    return text;
}

std::string sizeText(std::uint64_t bytes) {
    char text[32];
    double megabytes = static_cast<double>(bytes) / (1024.0 * 1024.0);
    std::snprintf(text, sizeof text, "%.1f MB", megabytes);
    std::string out = text;
    // Vietnamese writes the decimal comma.
    for (char& c : out) {
        if (c == '.') {
            c = ',';
        }
    }
    return out;
}

namespace {

std::string_view jobWords(const FrameContext& ctx, JobState state) {
    switch (state) {
    case JobState::Running:
        return ctx.tr(Msg::JobRunning);
    case JobState::Done:
        return ctx.tr(Msg::JobDone);
    case JobState::Failed:
        return ctx.tr(Msg::JobFailed);
    case JobState::Idle:
        break;
    }
    return {};
}

// A figure tile: a big number and its label under it.
void figureTile(const FrameContext& ctx, std::string_view id, std::string_view label,
                const std::string& value, ImVec2 size) {
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 end(origin.x + size.x, origin.y + size.y);
    d->AddRectFilled(origin, end, ImGui::GetColorU32(p.surface), ctx.metrics.mm(1.2));
    d->AddRect(origin, end, ImGui::GetColorU32(p.border), ctx.metrics.mm(1.2));
    float pad = ctx.metrics.gapPx;
    ImFont* big = ctx.fonts.heading;
    ImFont* small = ctx.fonts.status;
    ImVec4 clip(origin.x + pad, origin.y, end.x - pad, end.y);
    d->AddText(big, big->FontSize, ImVec2(origin.x + pad, origin.y + pad * 0.5f),
               ImGui::GetColorU32(p.text), value.c_str(), nullptr, 0, &clip);
    // The label wraps under the number: tiles are narrow when six share a row.
    d->AddText(small, small->FontSize,
               ImVec2(origin.x + pad, origin.y + pad * 0.5f + big->FontSize * 1.1f),
               ImGui::GetColorU32(p.textMuted), label.data(), label.data() + label.size(),
               size.x - pad * 2, &clip);
    ImGui::PushID(id.data(), id.data() + id.size());
    ImGui::Dummy(size);
    ImGui::PopID();
}

// What became of the last export, in words a maintainer can act on; empty while idle.
struct ExportMessage {
    std::string text;
    bool problem = false;
};

ExportMessage exportMessage(const FrameContext& ctx, const ReportView& view) {
    switch (view.exportState) {
    case JobState::Idle:
        return {};
    case JobState::Running:
        return {std::string(ctx.tr(Msg::ReportExportSaving)), false};
    case JobState::Done:
        return {std::string(ctx.tr(Msg::ReportExportSaved)) + " " + view.exportDetail, false};
    case JobState::Failed:
        break;
    }
    switch (view.exportOutcome) {
    case UsbExportOutcome::NoStick:
        return {std::string(ctx.tr(Msg::ReportExportNoStick)), true};
    case UsbExportOutcome::StickFull:
        return {std::string(ctx.tr(Msg::ReportExportStickFull)), true};
    case UsbExportOutcome::WriteFailed:
        return {std::string(ctx.tr(Msg::ReportExportWriteFailed)), true};
    case UsbExportOutcome::NoHelper:
        return {std::string(ctx.tr(Msg::ReportExportNoHelper)), true};
    case UsbExportOutcome::Saved:
    case UsbExportOutcome::BadRequest:
    case UsbExportOutcome::ReportFailed:
        break;
    }
    return {std::string(ctx.tr(Msg::ReportExportNotMade)), true};
}

std::string percentText(double share) {
    char text[16];
    std::snprintf(text, sizeof text, "%d%%", static_cast<int>(share * 100.0 + 0.5));
    return text;
}

std::string ratingText(const UsageReport& report) {
    if (report.ratings == 0) {
        return "–";
    }
    char text[24];
    std::snprintf(text, sizeof text, "%.1f / %d", report.averageRating, report.ratingScale);
    std::string out = text;
    for (char& c : out) {
        if (c == '.') {
            c = ',';
        }
    }
    return out;
}

} // namespace

void MaintainerScreen::drawContent(const FrameContext& ctx) {
    const Metrics& m = ctx.metrics;
    const AssistState& assist = ctx.session.assist;
    if (assist.tab == MaintainerTab::Volunteers && assist.admin.enrol.step != EnrolStep::Closed) {
        // Adding a volunteer has its own Cancel; without the tabs the keyboard keeps keys of a
        // full target's height at every text size.
        drawEnrolment(ctx);
        return;
    }
    float width = ImGui::GetContentRegionAvail().x;
    // Back and the tabs on one row; the header and tabs say where this is.
    // Chrome-sized (the header's font and target), so at the largest text the tabs' row stays
    // short and the tab's own content keeps the height.
    float backWidth = std::max(m.mm(45), (width - m.gapPx * 3) * 0.2f);
    const ImVec2 rowStart = ImGui::GetCursorPos();
    if (touchButton(ctx, "own-back", ctx.tr(Msg::NavBack), ImVec2(backWidth, m.chromeTargetPx),
                    ButtonKind::Secondary, Icon::Back, ctx.fonts.chromeBold)) {
        ctx.emit(intent::Back{});
    }
    ImGui::SameLine(0, m.gapPx);
    struct Tab {
        MaintainerTab tab;
        Msg label;
    };
    const Tab tabs[] = {Tab{MaintainerTab::Reports, Msg::TabReports},
                        Tab{MaintainerTab::Volunteers, Msg::TabVolunteers},
                        Tab{MaintainerTab::Content, Msg::TabContent},
                        Tab{MaintainerTab::Health, Msg::TabHealth}};
    // Four tabs beside Back when their words fit (landscape); else two beside Back and two
    // under them (a portrait panel).
    float widest = 0;
    for (const Tab& tab : tabs) {
        std::string_view label = ctx.tr(tab.label);
        widest = std::max(widest, ctx.fonts.chromeBold
                                      ->CalcTextSizeA(ctx.fonts.chromeBold->FontSize, FLT_MAX, 0,
                                                      label.data(), label.data() + label.size())
                                      .x);
    }
    float tabWidth = (width - backWidth - m.gapPx * 4) / 4.0f;
    const bool oneRow = tabWidth >= widest + m.gapPx; // optionButton's own padding
    if (!oneRow) {
        tabWidth = (width - backWidth - m.gapPx * 2) / 2.0f;
    }
    for (const Tab& tab : tabs) {
        if (!oneRow && tab.tab == MaintainerTab::Content) {
            ImGui::NewLine();
            ImGui::SetCursorPos(ImVec2(rowStart.x, rowStart.y + m.chromeTargetPx + m.gapPx * 0.5f));
            tabWidth = (width - m.gapPx) / 2.0f;
        }
        ImGui::PushID(static_cast<int>(tab.tab));
        if (optionButton(ctx, "tab", ctx.tr(tab.label), ImVec2(tabWidth, m.chromeTargetPx),
                         assist.tab == tab.tab ? Selection::Selected : Selection::NotSelected,
                         ctx.fonts.chromeBold)) {
            ctx.emit(intent::ChooseMaintainerTab{tab.tab});
        }
        ImGui::PopID();
        ImGui::SameLine(0, m.gapPx);
    }
    ImGui::NewLine();
    // Right under the row: a new line would add the body's (large) spacing on top.
    ImGui::SetCursorPos(ImVec2(rowStart.x, rowStart.y + (m.chromeTargetPx + m.gapPx * 0.5f) *
                                                            (oneRow ? 1.0f : 2.0f)));
    // The kiosk is in maintenance: the exact reason, which residents are not shown.
    if (!ctx.session.maintenanceReason.empty()) {
        problemText(ctx, ctx.tr(Msg::MaintenanceDetail));
        ImGui::PushFont(ctx.fonts.status);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(ctx.session.maintenanceReason.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    switch (assist.tab) {
    case MaintainerTab::Reports:
        drawReports(ctx);
        break;
    case MaintainerTab::Volunteers:
        drawVolunteers(ctx);
        break;
    case MaintainerTab::Content:
        drawContentPacks(ctx);
        break;
    case MaintainerTab::Health:
        drawHealth(ctx);
        break;
    }
}

// The checks of `kioskctl doctor`, one per row: the verdict as a word in its colour (never colour
// alone), what was found, and the fix under it.
void MaintainerScreen::drawHealth(const FrameContext& ctx) {
    const Metrics& m = ctx.metrics;
    const HealthView& health = ctx.session.assist.health;
    float listHeight = ImGui::GetContentRegionAvail().y - actionBarHeight(ctx) - m.gapPx;
    // The only action is "check again" at the right: the page buttons take the left half.
    beginScrollArea(ctx, "health-list", listHeight, PagerPlace::BesideAction);
    if (!health.loaded) {
        bodyText(ctx, ctx.tr(Msg::HealthChecking));
    }
    // The verdict column as wide as its longest word at this text size.
    float verdictWidth = 0;
    for (Msg word : {Msg::HealthOk, Msg::HealthWarn, Msg::HealthFail}) {
        std::string_view text = ctx.tr(word);
        verdictWidth =
            std::max(verdictWidth, ctx.fonts.bold
                                       ->CalcTextSizeA(ctx.fonts.bold->FontSize, FLT_MAX, 0,
                                                       text.data(), text.data() + text.size())
                                       .x);
    }
    verdictWidth += m.gapPx * 2;
    for (const HealthResult& result : health.results) { // none until loaded
        ImVec4 colour = result.level == HealthLevel::Ok     ? ctx.colours.ok
                        : result.level == HealthLevel::Warn ? ctx.colours.warning
                                                            : ctx.colours.danger;
        Msg verdict = result.level == HealthLevel::Ok     ? Msg::HealthOk
                      : result.level == HealthLevel::Warn ? Msg::HealthWarn
                                                          : Msg::HealthFail;
        float top = ImGui::GetCursorPosY();
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(ctx.tr(verdict).data(),
                               ctx.tr(verdict).data() + ctx.tr(verdict).size());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SetCursorPos(ImVec2(verdictWidth, top));
        ImGui::BeginGroup();
        boldText(ctx, result.title);
        bodyText(ctx, result.detail);
        if (!result.fix.empty()) {
            mutedText(ctx, std::string(ctx.tr(Msg::HealthFix)) + " " + result.fix);
        }
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
    }
    endScrollArea(ctx);
    if (primaryAction(ctx, ctx.tr(Msg::HealthAgain))) {
        ctx.emit(intent::ChooseMaintainerTab{MaintainerTab::Health});
    }
}

void MaintainerScreen::drawReports(const FrameContext& ctx) {
    const Metrics& m = ctx.metrics;
    const ReportView& view = ctx.session.assist.reports;
    // A maintainer's buttons: at the chrome's size when the text is large for the screen.
    const ActionSize actions = shortOfHeight(ctx) ? ActionSize::Chrome : ActionSize::Resident;
    const float listHeight =
        ImGui::GetContentRegionAvail().y - actionBarHeight(ctx, actions) - m.gapPx;
    // One list that pages above Print and Export: the range, the export's outcome (where the
    // file went, or why not), the figures, the charts and the procedures. At the largest text
    // the range rows would leave the figures no room if they stayed put.
    beginScrollArea(ctx, "report", listHeight);
    float width = ImGui::GetContentRegionAvail().x;

    struct Range {
        ReportRangeKind kind;
        Msg label;
    };
    float rangeWidth = (width - m.gapPx * 3) / 4.0f;
    for (Range range : {Range{ReportRangeKind::Today, Msg::RangeToday},
                        Range{ReportRangeKind::Week, Msg::RangeWeek},
                        Range{ReportRangeKind::Month, Msg::RangeMonth},
                        Range{ReportRangeKind::Custom, Msg::RangeCustom}}) {
        ImGui::PushID(static_cast<int>(range.kind));
        if (optionButton(ctx, "range", ctx.tr(range.label), ImVec2(rangeWidth, m.chromeTargetPx),
                         view.kind == range.kind ? Selection::Selected : Selection::NotSelected,
                         ctx.fonts.chromeBold)) {
            ctx.emit(intent::ChooseReportRange{range.kind});
        }
        ImGui::PopID();
        ImGui::SameLine(0, m.gapPx);
    }
    ImGui::NewLine();

    if (view.kind == ReportRangeKind::Custom && view.custom) {
        // The date pads: each end moves by a day or a week.
        struct End {
            intent::RangeEnd end;
            Msg label;
            UsageDate day;
        };
        float padWidth = std::max(m.chromeTargetPx, m.mm(kMinimumTargetMm));
        // Chrome-sized gaps too: the body's gap grows with the text size.
        const float gap = std::max(m.mm(kMinimumGapMm), m.chromeFontPx * 0.35f);
        ImFont* chrome = ctx.fonts.chromeBold;
        auto textWidth = [&](const std::string& text) {
            return chrome->CalcTextSizeA(chrome->FontSize, FLT_MAX, 0, text.c_str()).x;
        };
        // One row when it fits, else "from" above "to".
        const bool oneRow = padWidth * 8 + gap * 12 + textWidth(dayText(view.custom->from)) +
                                textWidth(dayText(view.custom->to)) + textWidth("–") <=
                            width;
        // [-7][-1] from [+1][+7]  –  [-7][-1] to [+1][+7]: chrome-sized text so the row fits
        // whatever the text size.
        auto pad = [&](intent::RangeEnd which, int days) {
            std::string text = (days > 0 ? "+" : "-") + std::to_string(std::abs(days));
            ImGui::PushID(static_cast<int>(which) * 100 + days);
            if (optionButton(ctx, "shift", text, ImVec2(padWidth, m.chromeTargetPx),
                             Selection::NotSelected, ctx.fonts.chromeBold)) {
                ctx.emit(intent::ShiftCustomRange{which, days});
            }
            ImGui::PopID();
            ImGui::SameLine(0, gap);
        };
        auto label = [&](const std::string& text) {
            ImGui::PushFont(chrome);
            ImVec2 at = ImGui::GetCursorPos();
            ImGui::SetCursorPosY(at.y + (m.chromeTargetPx - chrome->FontSize) * 0.5f);
            ImGui::TextUnformatted(text.c_str());
            ImGui::PopFont();
            ImGui::SameLine(0, gap);
            ImGui::SetCursorPosY(at.y);
        };
        for (End end : {End{intent::RangeEnd::From, Msg::RangeFrom, view.custom->from},
                        End{intent::RangeEnd::To, Msg::RangeTo, view.custom->to}}) {
            if (end.end == intent::RangeEnd::To) {
                if (oneRow) {
                    label("–");
                } else {
                    ImGui::NewLine();
                }
            }
            pad(end.end, -7);
            pad(end.end, -1);
            label(dayText(end.day));
            pad(end.end, 1);
            pad(end.end, 7);
        }
        ImGui::NewLine();
    }

    ExportMessage exported = exportMessage(ctx, view);
    if (!exported.text.empty()) {
        if (exported.problem) {
            problemText(ctx, exported.text);
        } else {
            boldText(ctx, exported.text);
        }
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
    }
    if (view.loading) {
        bodyText(ctx, ctx.tr(Msg::ReportLoading));
    } else if (!view.failure.empty()) {
        problemText(ctx, ctx.tr(Msg::ReportFailed));
        mutedText(ctx, view.failure);
    } else if (view.report) {
        const UsageReport& report = *view.report;
        // Six figures: one row on a wide panel, two rows of three on a narrow one.
        float inner = width - m.gapPx * 2;
        int perRow = inner / 6.0f >= m.mm(28) ? 6 : 3;
        float tileWidth = (inner - m.gapPx * static_cast<float>(perRow - 1)) / perRow;
        float tileHeight =
            ctx.fonts.heading->FontSize * 1.1f + ctx.fonts.status->FontSize * 2.3f + m.gapPx;
        ImVec2 tile(tileWidth, tileHeight);
        int rows = 6 / perRow;
        // The charts fill what the figures leave of the first screenful; procedures scroll.
        float chartHeight =
            std::max(ImGui::GetContentRegionAvail().y -
                         (tileHeight + m.gapPx) * static_cast<float>(rows) - m.gapPx,
                     ctx.fonts.bold->FontSize * 5.5f);
        std::int64_t dossiers = report.dossiersSubmitted + report.dossiersQueued;
        struct Figure {
            const char* id;
            Msg label;
            std::string value;
        };
        Figure tiles[] = {
            {"sessions", Msg::ReportSessions, std::to_string(report.sessions)},
            {"dossiers", Msg::ReportDossiers, std::to_string(dossiers)},
            {"assisted", Msg::ReportAssistedShare, percentText(report.assistedShare())},
            {"lessons", Msg::ReportLessons, std::to_string(report.lessonsCompleted)},
            {"rating", Msg::ReportRating, ratingText(report)},
            {"faults", Msg::ReportFaults, std::to_string(report.deviceFaultsTotal)},
        };
        for (int i = 0; i < 6; ++i) {
            if (i % perRow != 0) {
                ImGui::SameLine(0, m.gapPx);
            }
            figureTile(ctx, tiles[i].id, ctx.tr(tiles[i].label), tiles[i].value, tile);
        }

        // Per-day charts, side by side.
        if (!report.perDay.empty()) {
            std::vector<std::int64_t> sessions;
            std::vector<std::int64_t> dossierDays;
            for (const DayFigures& day : report.perDay) {
                sessions.push_back(day.sessions);
                dossierDays.push_back(day.dossiers);
            }
            std::string first = dayText(report.perDay.front().day).substr(0, 5);
            std::string last = dayText(report.perDay.back().day).substr(0, 5);
            float chartWidth = (inner - m.gapPx) * 0.5f;
            ImVec2 chart(chartWidth, chartHeight);
            drawBarChart(ctx, ctx.tr(Msg::ReportSessions), sessions, first, last, chart);
            ImGui::SameLine(0, m.gapPx);
            drawBarChart(ctx, ctx.tr(Msg::ReportDossiers), dossierDays, first, last, chart);
        }
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
        if (!report.procedures.empty()) {
            boldText(ctx, ctx.tr(Msg::ReportByProcedure));
            const ProcedureCatalog* catalog = ctx.catalog;
            for (const ProcedureFigures& procedure : report.procedures) {
                std::string name = procedure.code;
                if (catalog != nullptr) {
                    if (const Procedure* known = catalog->findProcedure(procedure.code)) {
                        name += "  " + std::string(ctx.local(known->name));
                    }
                }
                std::string figures = std::to_string(procedure.submitted) + " / " +
                                      std::to_string(procedure.queued) + " / " +
                                      std::to_string(procedure.failed);
                ImGui::PushFont(ctx.fonts.body);
                ImGui::TextUnformatted(figures.c_str());
                ImGui::SameLine(ctx.fonts.body->FontSize * 6);
                ImGui::PushTextWrapPos(0);
                ImGui::TextUnformatted(name.c_str());
                ImGui::PopTextWrapPos();
                ImGui::PopFont();
            }
        }
    }
    endScrollArea(ctx);

    // Export and print: while they run, the word beside the button; the export's outcome is
    // the message above, so a finished one does not widen the button past the screen.
    std::string exportLabel = std::string(ctx.tr(Msg::ReportExport));
    if (view.exportState == JobState::Running) {
        exportLabel += " · " + std::string(jobWords(ctx, view.exportState));
    }
    std::string printLabel = std::string(ctx.tr(Msg::ReportPrint));
    if (view.printState != JobState::Idle) {
        printLabel += " · " + std::string(jobWords(ctx, view.printState));
    }
    if (secondaryAction(ctx, printLabel, actions)) {
        ctx.emit(intent::PrintReportSummary{});
    }
    if (primaryAction(ctx, exportLabel, ButtonKind::Primary, actions)) {
        ctx.emit(intent::ExportReport{});
    }
}

void MaintainerScreen::drawVolunteers(const FrameContext& ctx) {
    const Metrics& m = ctx.metrics;
    const VolunteerAdmin& admin = ctx.session.assist.admin;
    if (admin.enrol.step != EnrolStep::Closed) {
        drawEnrolment(ctx);
        return;
    }
    float listHeight = ImGui::GetContentRegionAvail().y - actionBarHeight(ctx) - m.gapPx;
    // The only action is "add" at the right: the page buttons take the left half.
    beginScrollArea(ctx, "volunteer-admin", listHeight, PagerPlace::BesideAction);
    if (admin.all.empty()) {
        bodyText(ctx, ctx.tr(Msg::VolunteerNone));
    } else {
        mutedText(ctx, ctx.tr(Msg::VolunteersAddHint));
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
        float rowWidth = ImGui::GetContentRegionAvail().x - m.gapPx * 2;
        float buttonWidth = std::min(rowWidth * 0.35f, m.mm(70));
        for (const VolunteerEntry& volunteer : admin.all) {
            ImGui::PushID(volunteer.id.c_str());
            ImVec2 start = ImGui::GetCursorPos();
            boldText(ctx, volunteer.displayName);
            mutedText(ctx, std::string(ctx.tr(volunteer.enabled ? Msg::VolunteersEnabled
                                                                : Msg::VolunteersDisabled)) +
                               " · " + volunteer.id);
            ImVec2 after = ImGui::GetCursorPos();
            ImGui::SetCursorPos(ImVec2(start.x + rowWidth - buttonWidth, start.y));
            if (touchButton(
                    ctx, "toggle",
                    ctx.tr(volunteer.enabled ? Msg::VolunteersDisable : Msg::VolunteersEnable),
                    ImVec2(buttonWidth, m.targetPx),
                    volunteer.enabled ? ButtonKind::Secondary : ButtonKind::Primary)) {
                ctx.emit(intent::SetVolunteerEnabled{volunteer.id, !volunteer.enabled});
            }
            ImGui::SetCursorPos(ImVec2(start.x, std::max(after.y, start.y + m.targetPx) + m.gapPx));
            ImGui::PopID();
        }
    }
    endScrollArea(ctx);
    if (primaryAction(ctx, ctx.tr(Msg::VolunteersAdd))) {
        ctx.emit(intent::StartAddVolunteer{});
    }
}

// The first step: the volunteer's name, typed on the residents' keyboard (Telex), shown in a
// box above it; an empty box keeps the automatic "TNV n", said under the box.
void MaintainerScreen::drawEnrolmentName(const FrameContext& ctx) {
    const Metrics& m = ctx.metrics;
    const Palette& p = ctx.colours;
    const VolunteerEnrolment& enrol = ctx.session.assist.admin.enrol;
    const float width = ImGui::GetContentRegionAvail().x;
    // The title row in the chrome's size, so the keyboard keeps the height at any text size:
    // what this is on the left, Cancel on the right.
    float cancelWidth = std::min(width * 0.3f, m.mm(45));
    ImVec2 rowStart = ImGui::GetCursorPos();
    ImGui::PushFont(ctx.fonts.chromeBold);
    ImGui::PushTextWrapPos(rowStart.x + width - cancelWidth - m.gapPx);
    std::string title = std::string(ctx.tr(Msg::VolunteerAddTitle)) + ". " +
                        std::string(ctx.tr(Msg::VolunteerAddNameTitle));
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImVec2 afterTitle = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(rowStart.x + width - cancelWidth, rowStart.y));
    if (touchButton(ctx, "enrol-close", ctx.tr(Msg::NavCancel),
                    ImVec2(cancelWidth, m.chromeTargetPx), ButtonKind::Secondary, std::nullopt,
                    ctx.fonts.chromeBold)) {
        ctx.emit(intent::CancelAddVolunteer{});
    }
    ImGui::SetCursorPos(
        ImVec2(rowStart.x, std::max(afterTitle.y, rowStart.y + m.chromeTargetPx + m.gapPx * 0.5f)));

    // The name box, as tall as a target, with the cursor after what is typed.
    std::string_view typed = enrol.name ? enrol.name->text() : std::string_view();
    ImFont* font = ctx.fonts.bold;
    ImVec2 min = ImGui::GetCursorScreenPos();
    float boxHeight = std::max(m.chromeTargetPx, font->FontSize * 1.4f);
    ImGui::Dummy(ImVec2(width, boxHeight));
    ImVec2 max(min.x + width, min.y + boxHeight);
    ImDrawList* d = ImGui::GetWindowDrawList();
    d->AddRectFilled(min, max, ImGui::GetColorU32(p.surface), m.mm(1.2));
    d->AddRect(min, max, ImGui::GetColorU32(p.primary), m.mm(1.2), 0, 4.0f);
    float textX = min.x + m.gapPx * 1.5f;
    float textY = (min.y + max.y - font->FontSize) * 0.5f;
    ImVec4 clip(min.x, min.y, max.x - m.gapPx, max.y);
    d->AddText(font, font->FontSize, ImVec2(textX, textY), ImGui::GetColorU32(p.text), typed.data(),
               typed.data() + typed.size(), 0, &clip);
    if (enrol.name) {
        std::size_t cursorByte = enrol.name->cursorByteOffset();
        float cursorX = textX + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, typed.data(),
                                                    typed.data() + cursorByte)
                                    .x;
        d->AddLine(ImVec2(cursorX + 1, textY), ImVec2(cursorX + 1, textY + font->FontSize),
                   ImGui::GetColorU32(p.primary), 3.0f);
    }
    if (typed.empty()) {
        // What an empty box keeps, inside the box where a typed name would go.
        std::string keeps = std::string(ctx.tr(Msg::VolunteerAddNameEmpty)) + enrol.autoLabel;
        // In the chrome's size, so "TNV n" stays whole in a portrait box at the largest text.
        ImFont* hint = ctx.fonts.chrome;
        d->AddText(hint, hint->FontSize,
                   ImVec2(textX + m.gapPx, (min.y + max.y - hint->FontSize) * 0.5f),
                   ImGui::GetColorU32(p.textMuted), keeps.c_str(), nullptr, 0, &clip);
    }
    noteFocusedField(min, max, "volunteer-name");
    if (enrol.name) {
        for (const input::KeyDef& key :
             drawKeyboard(ctx, enrol.nameKeys, enrol.name->method(), ImGui::GetContentRegionAvail(),
                          backspace_, enrol.name->textBeforeCursor())) {
            ctx.emit(intent::AddVolunteerKey{key});
        }
    }
}

void MaintainerScreen::drawEnrolment(const FrameContext& ctx) {
    const Metrics& m = ctx.metrics;
    const VolunteerEnrolment& enrol = ctx.session.assist.admin.enrol;
    if (enrol.step == EnrolStep::Label) {
        drawEnrolmentName(ctx);
        return;
    }
    bool typing = enrol.step == EnrolStep::FirstPin || enrol.step == EnrolStep::SecondPin;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    // As on the sign-in pad: the keys on the right half, what to do on the left.
    float padWidth = typing ? std::min(avail.x * 0.5f, m.mm(120)) : 0.0f;
    float leftWidth = typing ? avail.x - padWidth - m.gapPx * 2 : avail.x;

    ImGui::BeginChild("enrol-left", ImVec2(leftWidth, avail.y), false,
                      ImGuiWindowFlags_NoScrollbar);
    // What to do pages above the Cancel/Done button when it does not fit beside the pad.
    beginScrollArea(ctx, "enrol-left-scroll",
                    enrol.step == EnrolStep::Saving
                        ? 0.0f
                        : ImGui::GetContentRegionAvail().y - actionBarHeight(ctx));
    mutedText(ctx, ctx.tr(Msg::VolunteerAddTitle));
    headingText(ctx, enrol.label);
    switch (enrol.step) {
    case EnrolStep::FirstPin:
    case EnrolStep::SecondPin:
        if (enrol.label == enrol.autoLabel) {
            mutedText(ctx, ctx.tr(Msg::VolunteerAddLabelHint));
        }
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
        if (enrol.problem == EnrolProblem::Mismatch) {
            problemText(ctx, ctx.tr(Msg::VolunteerAddMismatch));
        } else if (enrol.problem == EnrolProblem::TooEasy) {
            problemText(ctx, ctx.tr(Msg::VolunteerAddTooEasy));
        }
        boldText(ctx, ctx.tr(enrol.step == EnrolStep::FirstPin ? Msg::VolunteerAddFirstPin
                                                               : Msg::VolunteerAddSecondPin));
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
        drawPinDots(ctx, enrol.digits.size(), 8, ImGui::GetContentRegionAvail().x);
        break;
    case EnrolStep::Saving:
        bodyText(ctx, ctx.tr(Msg::JobRunning));
        break;
    case EnrolStep::Added:
        boldText(ctx, ctx.tr(Msg::VolunteerAdded));
        break;
    case EnrolStep::Failed:
        problemText(ctx, ctx.tr(Msg::VolunteerAddFailed));
        mutedText(ctx, enrol.failure);
        break;
    case EnrolStep::Closed:
    case EnrolStep::Label:
        break;
    }
    endScrollArea(ctx);
    if (enrol.step != EnrolStep::Saving) {
        bool finished = enrol.step == EnrolStep::Added || enrol.step == EnrolStep::Failed;
        ImVec2 regionMax = ImGui::GetWindowContentRegionMax();
        float buttonWidth = std::min(leftWidth, m.mm(70));
        ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMin().x, regionMax.y - m.targetPx));
        if (touchButton(ctx, "enrol-close", ctx.tr(finished ? Msg::NavDone : Msg::NavCancel),
                        ImVec2(buttonWidth, m.targetPx),
                        finished ? ButtonKind::Primary : ButtonKind::Secondary)) {
            ctx.emit(intent::CancelAddVolunteer{});
        }
    }
    ImGui::EndChild();

    if (typing) {
        ImGui::SameLine(0, m.gapPx * 2);
        ImGui::BeginChild("enrol-pad", ImVec2(padWidth, avail.y), false,
                          ImGuiWindowFlags_NoScrollbar);
        if (auto key = drawKeyboard(ctx, enrol.pad, input::InputMethod::Plain,
                                    ImGui::GetContentRegionAvail())) {
            ctx.emit(intent::AddVolunteerKey{*key});
        }
        ImGui::EndChild();
    }
}

namespace {

std::string versionLine(const FrameContext& ctx, const std::optional<VersionSummary>& version) {
    if (!version) {
        return std::string(ctx.tr(Msg::ContentNone));
    }
    return version->displayVersion + "  (#" + std::to_string(version->sequence) + ", " +
           sizeText(version->bytes) + ")";
}

// Procedure files of a pack diff, each named as residents know it when the installed catalog
// has it ("1.004194 Đăng ký tạm trú"): a removed procedure must be recognisable by name, since
// residents can no longer submit it here. All removed ones are listed, never cut short.
void procedureList(const FrameContext& ctx, Msg title, const std::vector<std::string>& paths,
                   std::size_t shown = 8) {
    if (paths.empty()) {
        return;
    }
    boldText(ctx, std::string(ctx.tr(title)) + " (" + std::to_string(paths.size()) + ")");
    std::string line;
    for (std::size_t i = 0; i < paths.size() && i < shown; ++i) {
        std::string code = paths[i];
        if (auto slash = code.rfind('/'); slash != std::string::npos) {
            code = code.substr(slash + 1);
        }
        if (auto dot = code.rfind(".json"); dot != std::string::npos) {
            code = code.substr(0, dot);
        }
        std::string entry = code;
        if (ctx.catalog != nullptr) {
            if (const Procedure* procedure = ctx.catalog->findProcedure(code)) {
                entry += " " + std::string(ctx.local(procedure->name));
            }
        }
        line += (i > 0 ? "; " : "") + entry;
    }
    if (paths.size() > shown) {
        line += "; …";
    }
    bodyText(ctx, line);
}

void progressBar(const FrameContext& ctx, std::uint64_t done, std::uint64_t total, float width) {
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float height = ctx.metrics.targetPx * 0.6f;
    float share =
        total > 0 ? std::min(1.0f, static_cast<float>(done) / static_cast<float>(total)) : 0.0f;
    d->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                     ImGui::GetColorU32(p.surface), 4.0f);
    d->AddRectFilled(origin, ImVec2(origin.x + width * share, origin.y + height),
                     ImGui::GetColorU32(p.primary), 4.0f);
    d->AddRect(origin, ImVec2(origin.x + width, origin.y + height), ImGui::GetColorU32(p.border),
               4.0f, 0, 2.0f);
    ImGui::Dummy(ImVec2(width, height));
    std::string figures = sizeText(done) + " / " + sizeText(total) + "  (" +
                          std::to_string(static_cast<int>(share * 100.0f)) + "%)";
    boldText(ctx, figures);
}

} // namespace

void MaintainerScreen::drawContentPacks(const FrameContext& ctx) {
    const Metrics& m = ctx.metrics;
    const ContentView& content = ctx.session.assist.content;
    // A maintainer's buttons: at the chrome's size when the text is large for the screen.
    const ActionSize actions = shortOfHeight(ctx) ? ActionSize::Chrome : ActionSize::Resident;
    float listHeight = ImGui::GetContentRegionAvail().y - actionBarHeight(ctx, actions) - m.gapPx;
    // A pack's diff can be long: it pages above the Install and Roll back buttons.
    beginScrollArea(ctx, "content-pack", listHeight);
    if (!content.loaded) {
        bodyText(ctx, ctx.tr(Msg::JobRunning));
        endScrollArea(ctx);
        return;
    }
    boldText(ctx,
             std::string(ctx.tr(Msg::ContentCurrent)) + ": " + versionLine(ctx, content.current));
    mutedText(ctx, std::string(ctx.tr(Msg::ContentPrevious)) + ": " +
                       versionLine(ctx, content.previous));
    ImGui::Dummy(ImVec2(0, m.gapPx));

    if (content.install == JobState::Running) {
        headingText(ctx, ctx.tr(Msg::ContentInstalling));
        progressBar(ctx, content.bytesDone, content.bytesTotal, ImGui::GetContentRegionAvail().x);
    } else if (content.install == JobState::Done || content.rollback == JobState::Done) {
        headingText(ctx, ctx.tr(content.install == JobState::Done ? Msg::ContentInstalled
                                                                  : Msg::ContentRolledBack));
        if (!content.installedVersion.empty()) {
            boldText(ctx, content.installedVersion);
        }
        if (content.switchPending) {
            bodyText(ctx, ctx.tr(Msg::ContentAppliesNext));
        }
    }
    if (content.install == JobState::Failed || content.rollback == JobState::Failed) {
        problemText(ctx, ctx.tr(Msg::ContentFailed));
        mutedText(ctx, content.failure);
    }

    if (content.install != JobState::Running && content.install != JobState::Done) {
        if (content.found) {
            const FoundPackInfo& found = *content.found;
            headingText(ctx, ctx.tr(Msg::ContentFound));
            boldText(ctx, found.displayVersion + "  (#" + std::to_string(found.sequence) + ", " +
                              sizeText(found.bytes) + ")");
            mutedText(ctx, found.path);
            // Removed first: those are the procedures residents can no longer submit here.
            procedureList(ctx, Msg::ContentRemoved, found.diff.removed, found.diff.removed.size());
            procedureList(ctx, Msg::ContentAdded, found.diff.added);
            procedureList(ctx, Msg::ContentChanged, found.diff.changed);
            if (!found.newer) {
                problemText(ctx, ctx.tr(Msg::ContentNotNewer));
            }
        } else if (!content.inspectFailure.empty()) {
            problemText(ctx, ctx.tr(Msg::ContentUnreadable));
            mutedText(ctx, content.inspectFailure);
        } else {
            bodyText(ctx, ctx.tr(Msg::ContentNoStick));
        }
    }
    endScrollArea(ctx);

    if (content.previous && content.install != JobState::Running &&
        secondaryAction(ctx, ctx.tr(Msg::ContentRollback), actions)) {
        ctx.emit(intent::RollbackContent{});
    }
    if (content.found && content.found->newer && content.install != JobState::Running &&
        content.install != JobState::Done &&
        primaryAction(ctx, ctx.tr(Msg::ContentInstall), ButtonKind::Primary, actions)) {
        ctx.emit(intent::InstallFoundPack{});
    }
}

// The screenshot scenes that end on this file's screens (listed through their entries).
namespace {

std::vector<ScreenshotScene> maintainerScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("maintainer_reports", [](Flow& flow, R& r) {
        maintainerUnlocked(flow, r);
        r.tap(intent::ChooseReportRange{ReportRangeKind::Month});
        flow.takeEffects();
        flow.reportBuilt(syntheticReport());
    });
    add("maintainer_reports_custom", [](Flow& flow, R& r) {
        maintainerUnlocked(flow, r);
        r.tap(intent::ChooseReportRange{ReportRangeKind::Custom});
        flow.takeEffects();
        UsageReport report = syntheticReport();
        report.perDay.resize(7);
        flow.reportBuilt(report);
        r.tap(intent::ExportReport{});
        flow.takeEffects();
        flow.reportExported(UsbExportOutcome::Saved,
                            "kiosk-reports/kiosk-report-2026-11-19_2026-11-25.csv");
    });
    add("maintainer_report_export_failed", [](Flow& flow, R& r) {
        maintainerUnlocked(flow, r);
        r.tap(intent::ChooseReportRange{ReportRangeKind::Month});
        flow.takeEffects();
        flow.reportBuilt(syntheticReport());
        r.tap(intent::ExportReport{});
        flow.takeEffects();
        flow.reportExported(UsbExportOutcome::NoHelper, "");
    });
    add("maintainer_add_volunteer", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Volunteers);
        flow.volunteersLoaded({{"vol-0a1b2c3d", "TNV 1", true}, {"vol-5e6f7a8b", "TNV 2", true}});
        r.tap(intent::StartAddVolunteer{});
        typeVolunteerName(r, "chij thu haf", true);
        typeNewPin(r, "2580", true);
        typeNewPin(r, "258", false);
    });
    // Issue 15.6: the name is typed on the keyboard; left empty, it is the next "TNV n".
    add("maintainer_add_volunteer_name", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Volunteers);
        flow.volunteersLoaded({{"vol-0a1b2c3d", "TNV 1", true}, {"vol-5e6f7a8b", "TNV 2", true}});
        r.tap(intent::StartAddVolunteer{});
        typeVolunteerName(r, "chij thu haf", false);
    });
    add("maintainer_add_volunteer_name_empty", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Volunteers);
        flow.volunteersLoaded({{"vol-0a1b2c3d", "TNV 1", true}, {"vol-5e6f7a8b", "TNV 2", true}});
        r.tap(intent::StartAddVolunteer{});
    });
    add("maintainer_add_volunteer_too_easy", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Volunteers);
        flow.volunteersLoaded({{"vol-0a1b2c3d", "TNV 1", true}});
        r.tap(intent::StartAddVolunteer{});
        typeVolunteerName(r, "", true);
        typeNewPin(r, "1234", true);
    });
    add("maintainer_volunteer_added", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Volunteers);
        flow.volunteersLoaded({{"vol-0a1b2c3d", "TNV 1", true}});
        r.tap(intent::StartAddVolunteer{});
        typeVolunteerName(r, "", true);
        typeNewPin(r, "2580", true);
        typeNewPin(r, "2580", true);
        flow.takeEffects();
        flow.volunteerAdded(true, "");
        flow.volunteersLoaded({{"vol-0a1b2c3d", "TNV 1", true}, {"vol-1a2b3c4d", "TNV 2", true}});
    });
    add("maintainer_volunteers", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Volunteers);
        flow.volunteersLoaded({{"vol-0a1b2c3d", "Chị Nguyễn Thu Hà", true},
                               {"vol-5e6f7a8b", "Anh Lò Văn Dũng", true},
                               {"vol-00ff00ff", "Bác Phạm Thị Lụa", false}});
    });
    add("maintainer_content", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Content);
        flow.contentInspected(syntheticContent());
    });
    add("maintainer_content_installing", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Content);
        flow.contentInspected(syntheticContent());
        r.tap(intent::InstallFoundPack{});
        flow.takeEffects();
        flow.installProgress(31457280, 51380224);
    });
    add("maintainer_content_installed", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Content);
        flow.contentInspected(syntheticContent());
        r.tap(intent::InstallFoundPack{});
        flow.takeEffects();
        flow.installFinished(true, "2026.11");
    });

    add("maintainer_health", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Health);
        flow.healthChecked(syntheticHealth());
    });

    add("maintainer_content_removed", [](Flow& flow, R& r) {
        maintainerTab(flow, r, MaintainerTab::Content);
        ContentView view = syntheticContent();
        view.found->diff.removed = {"procedures/1.000894.json", "procedures/1.004194.json",
                                    "procedures/2.000815.json"};
        flow.contentInspected(view);
    });
    add("maintainer_in_maintenance", [](Flow& flow, R& r) {
        flow.enterMaintenance("/etc/kiosk/kiosk.ini:12: unknown key [session] inactivty_timeout_s");
        maintainerTab(flow, r, MaintainerTab::Content);
        flow.contentInspected(syntheticContent());
    });
    return scenes;
}

} // namespace

ScreenEntry maintainerScreenEntry() {
    return screenEntry<MaintainerScreen>(Screen::Maintainer, maintainerScenes);
}

} // namespace kiosk::ui
