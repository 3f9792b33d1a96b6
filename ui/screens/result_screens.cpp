// Submitting, result and lookup screens.
#include "ui/screens/result_screens.hpp"

#include "kiosk/dossier/appointment_text.hpp"
#include "kiosk/dossier/dossier_status.hpp"
#include "kiosk/validation/civil_date.hpp"
#include "ui/widgets/layout_probe.hpp"
#include "ui/widgets/scroll_area.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <span>
#include <string>

namespace kiosk::ui {

void SubmittingScreen::drawContent(const FrameContext& ctx) {
    headingText(ctx, ctx.tr(Msg::SubmittingTitle));
    bodyText(ctx, ctx.tr(Msg::SubmittingBody));
}

namespace {

struct RatingOption {
    int score;
    Msg label;
    float smile; // mouth curve: 1 a broad smile, 0 a straight line, -1 a frown
};

// Best first, as residents read left to right; the score is on the configured scale.
std::span<const RatingOption> ratingOptions(int scale) {
    static constexpr RatingOption kThree[] = {
        {3, Msg::RateGood, 1.0f}, {2, Msg::RateOk, 0.0f}, {1, Msg::RateBad, -1.0f}};
    static constexpr RatingOption kFive[] = {{5, Msg::RateVeryGood, 1.0f},
                                             {4, Msg::RateGood, 0.5f},
                                             {3, Msg::RateOk, 0.0f},
                                             {2, Msg::RateBad, -0.5f},
                                             {1, Msg::RateVeryBad, -1.0f}};
    if (scale == 3) {
        return kThree;
    }
    return kFive;
}

// A face whose mouth says the answer, so the choice does not depend on reading the word.
void drawFace(ImDrawList* d, ImVec2 centre, float radius, float smile, ImU32 ink) {
    const float stroke = std::max(2.0f, radius * 0.09f);
    d->AddCircle(centre, radius, ink, 40, stroke);
    const float eyeY = centre.y - radius * 0.28f;
    d->AddCircleFilled(ImVec2(centre.x - radius * 0.35f, eyeY), radius * 0.11f, ink);
    d->AddCircleFilled(ImVec2(centre.x + radius * 0.35f, eyeY), radius * 0.11f, ink);
    const float mouthY = centre.y + radius * 0.35f - smile * radius * 0.12f;
    const float half = radius * 0.45f;
    d->AddBezierQuadratic(ImVec2(centre.x - half, mouthY),
                          ImVec2(centre.x, mouthY + smile * radius * 0.5f),
                          ImVec2(centre.x + half, mouthY), ink, stroke);
}

} // namespace

void drawRating(const FrameContext& ctx, std::optional<int> rating) {
    const Metrics& m = ctx.metrics;
    const Palette& p = ctx.colours;
    auto options = ratingOptions(ctx.config.usage.ratingScale);
    const float count = static_cast<float>(options.size());
    const float width = (ImGui::GetContentRegionAvail().x - m.gapPx * (count + 1)) / count;
    ImFont* font = ctx.fonts.body;
    const float wrap = width - m.gapPx;
    // Every button as tall as the tallest label, so the row stays even at the largest text.
    float labelHeight = 0;
    for (const RatingOption& option : options) {
        std::string_view label = ctx.tr(option.label);
        labelHeight =
            std::max(labelHeight, font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, label.data(),
                                                      label.data() + label.size())
                                      .y);
    }
    const float faceSize = std::min(width * 0.6f, m.targetPx * 1.4f);
    const ImVec2 size(width, faceSize + labelHeight + m.gapPx * 1.5f);
    ImDrawList* d = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < options.size(); ++i) {
        const RatingOption& option = options[i];
        if (i > 0) {
            ImGui::SameLine(0, m.gapPx);
        }
        ImGui::PushID(option.score);
        bool clicked = ImGui::InvisibleButton("rate", size);
        bool pressed = ImGui::IsItemActive();
        ImGui::PopID();
        bool chosen = rating && *rating == option.score;
        ImVec2 min = ImGui::GetItemRectMin();
        ImVec2 max = ImGui::GetItemRectMax();
        ImVec4 fill = chosen ? p.selected : (pressed ? p.secondaryPressed : p.surface);
        ImU32 ink = ImGui::GetColorU32(chosen ? p.selectedText : p.secondaryText);
        d->AddRectFilled(min, max, ImGui::GetColorU32(fill), m.mm(1.5));
        d->AddRect(min, max, ImGui::GetColorU32(chosen ? p.selected : p.border), m.mm(1.5), 0,
                   chosen ? 4.0f : 2.0f);
        drawFace(d, ImVec2((min.x + max.x) * 0.5f, min.y + m.gapPx * 0.5f + faceSize * 0.5f),
                 faceSize * 0.42f, option.smile, ink);
        std::string_view label = ctx.tr(option.label);
        const char* begin = label.data();
        const char* end = label.data() + label.size();
        // Centre each wrapped line under the face.
        float y = min.y + m.gapPx + faceSize;
        while (begin < end) {
            const char* lineEnd = font->CalcWordWrapPositionA(1.0f, begin, end, wrap);
            if (lineEnd == begin) {
                lineEnd = begin + 1;
            }
            ImVec2 t = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, begin, lineEnd);
            d->AddText(font, font->FontSize, ImVec2((min.x + max.x - t.x) * 0.5f, y), ink, begin,
                       lineEnd);
            y += font->FontSize;
            begin = lineEnd;
            while (begin < end && *begin == ' ') {
                ++begin;
            }
        }
        if (clicked) {
            ctx.emit(intent::Rate{option.score});
        }
    }
}

namespace {

Msg weekdayName(const CivilDate& date) {
    // weekday(): 0 is Monday.
    static constexpr Msg kDays[] = {
        Msg::WeekdayMonday, Msg::WeekdayTuesday,  Msg::WeekdayWednesday, Msg::WeekdayThursday,
        Msg::WeekdayFriday, Msg::WeekdaySaturday, Msg::WeekdaySunday};
    return kDays[static_cast<std::size_t>(weekday(date))];
}

// What an elder needs from an appointment: the day of the week and the date, then the hour.
std::string appointmentWords(const FrameContext& ctx, std::string_view text) {
    auto a = parseAppointmentText(text);
    if (!a) {
        return std::string(text);
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, " %02d/%02d/%04d, %02d:%02d", a->date.day, a->date.month,
                  a->date.year, a->hour, a->minute);
    return std::string(ctx.tr(weekdayName(a->date))) + buffer;
}

// Today's date on the kiosk's clock (the header's), for "overdue".
CivilDate today(const FrameContext& ctx) {
    std::tm local{};
    localtime_r(&ctx.wallClock, &local);
    return CivilDate{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

} // namespace

void ResultScreen::drawContent(const FrameContext& ctx) {
    const DossierDraft& dossier = ctx.session.dossier;
    const SubmissionOutcome& outcome = dossier.outcome;
    const Metrics& m = ctx.metrics;
    const bool accepted = outcome.state == SubmissionState::Accepted;
    const bool queued = outcome.state == SubmissionState::Queued;
    const bool stored = accepted || queued;
    const bool receiptMissing = stored && (outcome.receiptPrint == ReceiptPrint::NoPrinter ||
                                           outcome.receiptPrint == ReceiptPrint::Failed);
    // Issue 14, defect 1: with no receipt to take home the code itself must leave with the
    // resident: near the top, large, the instruction first, and the volunteer's reprint later.
    auto writeDownCode = [&](Msg label, const std::string& code) {
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
        problemText(ctx, ctx.tr(outcome.receiptPrint == ReceiptPrint::NoPrinter
                                    ? Msg::ResultNoPrinterWriteDown
                                    : Msg::ResultPrintFailedWriteDown));
        mutedText(ctx, ctx.tr(label));
        headingText(ctx, code);
        mutedText(ctx, ctx.tr(Msg::ResultReprintLater));
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
    };
    // A "try again" for the volunteer takes the action bar's left half; else the page buttons may.
    bool tryAgainShown = !stored && ctx.session.assisted;
    beginScrollArea(ctx, "result", ImGui::GetContentRegionAvail().y - actionBarHeight(ctx),
                    tryAgainShown ? PagerPlace::Below : PagerPlace::BesideAction);
    if (accepted) {
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.colours.ok);
        headingText(ctx, ctx.tr(Msg::ResultAccepted));
        ImGui::PopStyleColor();
        // The date is what the resident must remember: it gets the large type, the long code
        // (printed on the receipt) comes second.
        if (!outcome.appointmentText.empty()) {
            mutedText(ctx, ctx.tr(Msg::ResultAppointment));
            headingText(ctx, appointmentWords(ctx, outcome.appointmentText));
        }
        if (receiptMissing) {
            writeDownCode(outcome.dossierCode.empty() ? Msg::ResultLocalReference : Msg::ResultCode,
                          outcome.dossierCode.empty() ? outcome.localReference
                                                      : outcome.dossierCode);
        } else if (!outcome.dossierCode.empty()) {
            mutedText(ctx, ctx.tr(Msg::ResultCode));
            boldText(ctx, outcome.dossierCode);
        }
    } else if (queued) {
        // Not received by the commune: no code and no appointment exist yet, so none is shown.
        headingText(ctx, ctx.tr(Msg::ResultQueued));
        if (receiptMissing) {
            writeDownCode(Msg::ResultLocalReference, outcome.localReference);
        }
        bodyText(ctx, ctx.tr(outcome.refused ? Msg::ResultRefusedBody : Msg::ResultQueuedBody));
        if (!outcome.localReference.empty() && !receiptMissing) {
            mutedText(ctx, ctx.tr(Msg::ResultLocalReference));
            headingText(ctx, outcome.localReference);
        }
    } else {
        // The truth, plainly: nothing was stored or sent, and what the resident can do now.
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.colours.danger);
        headingText(ctx, ctx.tr(Msg::ResultNotSaved));
        ImGui::PopStyleColor();
        bodyText(ctx, ctx.tr(Msg::ResultNotSavedBody));
        boldText(ctx, ctx.tr(Msg::ResultNotSavedOptions));
        mutedText(ctx, ctx.tr(Msg::ResultNotSavedKept));
    }
    ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
    if (accepted || queued) {
        bodyText(ctx, ctx.tr(accepted ? Msg::ResultNextSteps : Msg::ResultQueuedNextSteps));
        if (outcome.receiptPrinted) {
            boldText(ctx,
                     ctx.tr(accepted ? Msg::ResultReceiptPrinted : Msg::ResultQueuedSlipPrinted));
        } else if (!receiptMissing) {
            mutedText(ctx, ctx.tr(Msg::ResultReceiptPrinting)); // never "printed" before it is
        }
    }
    ImGui::Dummy(ImVec2(0, m.gapPx));
    boldText(ctx, ctx.tr(Msg::ResultDataTitle));
    mutedText(ctx, ctx.tr(dossier.cardStep == CardStep::Read ? Msg::ResultDataCard
                                                             : Msg::ResultDataTyped));
    // Say what happened to the dossier in this case, never "sent" when it was not.
    mutedText(ctx, ctx.tr(accepted ? Msg::ResultDataSent
                                   : (queued ? Msg::ResultDataQueued : Msg::ResultDataNotSent)));
    mutedText(ctx, ctx.tr(Msg::ResultDataWiped));
    ImGui::Dummy(ImVec2(0, m.gapPx));

    boldText(ctx, ctx.tr(dossier.rating ? Msg::ResultThanks : Msg::ResultRateTitle));
    drawRating(ctx, dossier.rating);
    if (!stored) {
        // The phone hand-off needs nothing from this kiosk's storage.
        ImGui::Dummy(ImVec2(0, m.gapPx));
        if (touchButton(ctx, "use-phone", ctx.tr(Msg::ResultUsePhone),
                        ImVec2(ImGui::GetContentRegionAvail().x, m.targetPx), ButtonKind::Secondary,
                        Icon::Phone)) {
            ctx.emit(intent::Open{Screen::PhoneHandOff});
        }
    }
    endScrollArea(ctx);
    // A volunteer, once the fault is cleared, tries again with the answers still in memory.
    if (tryAgainShown && secondaryAction(ctx, ctx.tr(Msg::ResultTryAgain))) {
        ctx.emit(intent::Submit{});
    }
    if (primaryAction(ctx, ctx.tr(Msg::NavDone))) {
        ctx.emit(intent::Finish{});
    }
}

void LookupScreen::drawContent(const FrameContext& ctx) {
    // On a short screen the title (still read aloud) and the label's size give way to the field
    // and what to type in it: the label says what the screen is for.
    const bool shortScreen = shortOfHeight(ctx);
    screenTitle(ctx, ctx.tr(Msg::LookupTitle), TitleWhenShort::SpokenOnly);
    // The field first, then what to type in it: at large text the explanation pages, the
    // field stays in view.
    ImVec2 fieldTop = ImGui::GetCursorScreenPos();
    if (shortScreen) {
        // The least gap that keeps the field apart from its neighbours.
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                            ImVec2(ImGui::GetStyle().ItemSpacing.x, ctx.metrics.mm(kMinimumGapMm)));
        compactHeadingText(ctx.unspoken(), ctx.tr(Msg::LookupCodeLabel));
    } else {
        boldText(ctx, ctx.tr(Msg::LookupCodeLabel));
    }
    ctx.say(audio::SpeechRole::Choice, ctx.tr(Msg::LookupCodeLabel));
    const std::string& code = ctx.session.lookup.code;
    if (listItem(code.empty() ? ctx : ctx.unspoken(), "lookup-code",
                 code.empty() ? ctx.tr(Msg::FormTapToFill) : std::string_view(code), "",
                 ImGui::GetContentRegionAvail().x)) {
        ctx.emit(intent::EditField{kLookupCodeField});
    }
    noteFocusedField(fieldTop, ImGui::GetItemRectMax(), kLookupCodeField);
    if (shortScreen) {
        ImGui::PopStyleVar();
    } else {
        ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
    }
    beginScrollArea(ctx, "lookup-hint", ImGui::GetContentRegionAvail().y - actionBarHeight(ctx),
                    code.empty() ? PagerPlace::BesideAction : PagerPlace::Below);
    bodyText(ctx, ctx.tr(Msg::LookupHint));
    mutedText(ctx, ctx.tr(Msg::LookupWhich));
    endScrollArea(ctx);
    if (!code.empty() && primaryAction(ctx, ctx.tr(Msg::LookupSearch))) {
        ctx.emit(intent::LookupSubmit{});
    }
}

void LookupResultScreen::drawContent(const FrameContext& ctx) {
    const LookupState& lookup = ctx.session.lookup;
    // On a short screen the code line says what this is (the title is still read aloud), and
    // the answer gets the room.
    screenTitle(ctx, ctx.tr(Msg::LookupTitle), TitleWhenShort::SpokenOnly);
    // Say which kind of number the resident typed: the commune's code or this kiosk's reference.
    // The code is what the resident typed: shown, not read aloud.
    mutedText(ctx.unspoken(), std::string(ctx.tr(lookup.localReference ? Msg::LookupReferenceLabel
                                                                       : Msg::ResultCode)) +
                                  ": " + lookup.code);
    beginScrollArea(ctx, "lookup-result", ImGui::GetContentRegionAvail().y);
    if (lookup.searching) {
        bodyText(ctx, ctx.tr(Msg::LookupSearching));
    } else if (lookup.localReference && lookup.stillWaiting) {
        bodyText(ctx, ctx.tr(Msg::LookupReferenceWaiting));
    } else {
        if (lookup.localReference) {
            bodyText(ctx, ctx.tr(Msg::LookupReferenceSent));
            boldText(ctx, lookup.dossierCode);
        }
        if (!lookup.failureReason.empty()) {
            problemText(ctx, ctx.tr(Msg::LookupFailed));
        } else if (!lookup.found) {
            problemText(ctx, ctx.tr(Msg::LookupNotFound));
        } else {
            mutedText(ctx, ctx.tr(Msg::LookupStatus));
            auto status = dossierStatusFromCode(lookup.statusCode);
            headingText(ctx, status ? ctx.local(dossierStatusLabel(*status))
                                    : std::string_view(lookup.statusCode));
            if (!lookup.statusReason.empty()) {
                mutedText(ctx, ctx.tr(Msg::LookupReason));
                boldText(ctx, lookup.statusReason);
            }
            if (!lookup.appointmentText.empty()) {
                auto due = parseAppointmentText(lookup.appointmentText);
                // Overdue comes before the date, where the eye lands first.
                if (due && ctx.wallClock != 0 && appointmentOverdue(*due, today(ctx), status)) {
                    problemText(ctx, ctx.tr(Msg::LookupOverdue));
                }
                mutedText(ctx, ctx.tr(Msg::ResultAppointment));
                boldText(ctx, appointmentWords(ctx, lookup.appointmentText));
            }
            // Who has seen the resident's data: a count and the office names, nothing more.
            mutedText(ctx,
                      ctx.tr(lookup.openedCount > 0 ? Msg::LookupOpened : Msg::LookupNeverOpened));
            for (const auto& [office, count] : lookup.openedBy) {
                bodyText(ctx, office + ": " + std::to_string(count));
            }
        }
    }
    endScrollArea(ctx);
}

// The screenshot scenes that end on this file's screens (listed through their entries).
namespace {

std::vector<ScreenshotScene> submittingScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("submitting", [](Flow& flow, R& r) {
        toConsent(flow, r);
        r.tap(intent::SetConsent{true});
        r.tap(intent::Submit{});
    });
    return scenes;
}

std::vector<ScreenshotScene> resultScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("result_accepted", [](Flow& flow, R& r) { submitted(flow, r, SubmissionState::Accepted); });
    add("result_queued", [](Flow& flow, R& r) { submitted(flow, r, SubmissionState::Queued); });
    add("result_queued_refused", [](Flow& flow, R& r) {
        submittedWith(flow, r, SubmissionState::Queued, true, "refused", true);
    });
    scenes.push_back({"result_accepted_text_size_3", [](Flow& flow, R& r) {
                          r.tap(intent::SetTextSize{TextSize::Largest});
                          submitted(flow, r, SubmissionState::Accepted);
                          r.tap(intent::Rate{4});
                      }});
    add("result_failed", [](Flow& flow, R& r) {
        submittedWith(flow, r, SubmissionState::Failed, false, "storage_full");
    });
    add("result_accepted_print_failed",
        [](Flow& flow, R& r) { submittedWith(flow, r, SubmissionState::Accepted, false); });
    add("result_queued_print_failed",
        [](Flow& flow, R& r) { submittedWith(flow, r, SubmissionState::Queued, false); });
    // printer = auto with nothing plugged in: the code stays on screen to be written down.
    add("result_accepted_no_printer", [](Flow& flow, R& r) {
        submittedWith(flow, r, SubmissionState::Accepted, false);
        flow.receiptPrinted(false, false);
    });
    add("result_queued_no_printer", [](Flow& flow, R& r) {
        submittedWith(flow, r, SubmissionState::Queued, false);
        flow.receiptPrinted(false, false);
    });
    // The status bar agrees with the screen: no printer is plugged in.
    for (ScreenshotScene& shown : scenes) {
        if (shown.name.ends_with("_no_printer")) {
            shown.devices.printer = PrinterState::Disconnected;
            shown.devices.printerSimulated = false;
        }
    }
    add("result_rated", [](Flow& flow, R& r) {
        submitted(flow, r, SubmissionState::Accepted);
        r.tap(intent::Rate{5});
    });
    addLooks(scenes, "result_queued",
             [](Flow& flow, R& r) { submitted(flow, r, SubmissionState::Queued); });
    return scenes;
}

std::vector<ScreenshotScene> lookupScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("lookup", [](Flow&, R& r) { r.tap(intent::Open{Screen::Lookup}); });

    return scenes;
}

std::vector<ScreenshotScene> lookupResultScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("lookup_result", [](Flow& flow, R& r) {
        r.tap(intent::Open{Screen::Lookup});
        r.tap(intent::EditField{kLookupCodeField});
        r.type("000.00.01.H22-261125-0007");
        r.tap(intent::EditDone{});
        r.tap(intent::LookupSubmit{});
        LookupState answer;
        answer.found = true;
        answer.statusCode = "correcting";
        answer.statusReason = "Mang bản sao giấy chứng sinh";
        answer.appointmentText = "16:00, 27/11/2026";
        answer.openedCount = 2;
        answer.openedBy = {{"Bộ phận một cửa UBND xã", 2}};
        flow.lookupFinished(answer);
    });
    add("lookup_not_found", [](Flow& flow, R& r) {
        LookupState answer;
        answer.found = false;
        lookedUp(r, flow, "000.00.01.H22-261125-9999", answer);
    });
    add("lookup_offline", [](Flow& flow, R& r) {
        LookupState answer;
        answer.failureReason = "offline";
        lookedUp(r, flow, "000.00.01.H22-261125-0007", answer);
    });
    add("lookup_overdue", [](Flow& flow, R& r) {
        LookupState answer;
        answer.found = true;
        answer.statusCode = "processing";
        answer.appointmentText = "16:00, 20/11/2026";
        lookedUp(r, flow, "000.00.01.H22-181125-0003", answer);
    });
    add("lookup_reference_waiting", [](Flow& flow, R& r) {
        LookupState answer;
        answer.localReference = true;
        answer.stillWaiting = true;
        lookedUp(r, flow, "VT-20261125-0007", answer);
    });
    add("lookup_reference_sent", [](Flow& flow, R& r) {
        LookupState answer;
        answer.localReference = true;
        answer.dossierCode = "000.00.01.H22-261125-0007";
        answer.found = true;
        answer.statusCode = "processing";
        answer.appointmentText = screenshotAppointment(showcase(flow));
        lookedUp(r, flow, "VT-20261125-0007", answer);
    });
    addLooks(scenes, "lookup_result", [](Flow& flow, R& r) {
        LookupState answer;
        answer.found = true;
        answer.statusCode = "processing";
        answer.appointmentText = "16:00, 27/11/2026";
        lookedUp(r, flow, "000.00.01.H22-261125-0007", answer);
    });
    return scenes;
}

} // namespace

ScreenEntry submittingScreenEntry() {
    return screenEntry<SubmittingScreen>(Screen::Submitting, submittingScenes);
}

ScreenEntry resultScreenEntry() {
    return screenEntry<ResultScreen>(Screen::Result, resultScenes);
}

ScreenEntry lookupScreenEntry() {
    return screenEntry<LookupScreen>(Screen::Lookup, lookupScenes);
}

ScreenEntry lookupResultScreenEntry() {
    return screenEntry<LookupResultScreen>(Screen::LookupResult, lookupResultScenes);
}

} // namespace kiosk::ui
