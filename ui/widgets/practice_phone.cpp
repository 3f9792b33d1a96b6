// The training phone: a frame, a status line, the screen's content and full-size keys.
#include "ui/widgets/practice_phone.hpp"

#include "ui/widgets/touch_button.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {
namespace {

// Digits shown in groups of three or four so a long number can be read back at a glance.
std::string grouped(const std::string& digits, std::size_t group) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && i % group == 0) {
            out += ' ';
        }
        out += digits[i];
    }
    return out;
}

// Typed digits with the remaining places as underscores; a passcode shows dots, as phones do.
std::string field(const PhonePractice& phone) {
    std::size_t wanted = phoneDigitsWanted(phone.screen);
    bool secret =
        phone.screen == PhoneScreen::SetPasscode || phone.screen == PhoneScreen::ConfirmPasscode;
    std::string shown;
    for (std::size_t i = 0; i < wanted; ++i) {
        if (i > 0 && i % (wanted == kPracticeIdDigits ? 4 : 3) == 0) {
            shown += ' ';
        }
        if (i < phone.typed.size()) {
            shown += secret ? std::string("*") : std::string(1, phone.typed[i]);
        } else {
            shown += "_";
        }
    }
    return shown;
}

Msg titleOf(PhoneScreen screen) {
    switch (screen) {
    case PhoneScreen::EnterId:
        return Msg::PhoneTypeId;
    case PhoneScreen::SmsArrived:
        return Msg::PhoneNewMessage;
    case PhoneScreen::EnterOtp:
        return Msg::PhoneEnterOtp;
    case PhoneScreen::SetPasscode:
        return Msg::PhoneSetPasscode;
    case PhoneScreen::ConfirmPasscode:
        return Msg::PhoneRepeatPasscode;
    case PhoneScreen::Done:
        return Msg::PhoneDone;
    }
    return Msg::PhoneTypeId;
}

std::optional<Msg> problemOf(PhoneProblem problem) {
    switch (problem) {
    case PhoneProblem::IdTooShort:
        return Msg::PhoneIdTooShort;
    case PhoneProblem::WrongOtp:
        return Msg::PhoneWrongOtp;
    case PhoneProblem::PasscodeTooShort:
        return Msg::PhonePasscodeTooShort;
    case PhoneProblem::PasscodeMismatch:
        return Msg::PhonePasscodeMismatch;
    case PhoneProblem::None:
        break;
    }
    return std::nullopt;
}

void centred(ImDrawList* d, ImFont* font, float size, float left, float right, float y,
             ImU32 colour, const std::string& text, float wrap = 0) {
    ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str());
    float x = left + std::max(0.0f, (right - left - extent.x) * 0.5f);
    d->AddText(font, size, ImVec2(x, y), colour, text.c_str(), nullptr, wrap);
}

// `size`, or smaller so that `text` fits `width` on one line: a narrow phone keeps a number or
// a code whole rather than run it past the glass.
float sizeFittingWidth(ImFont* font, float size, const std::string& text, float width) {
    const float textWidth = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x;
    return textWidth > width ? size * (width / textWidth) : size;
}

} // namespace

Msg practiceInstruction(PhoneScreen screen) {
    switch (screen) {
    case PhoneScreen::EnterId:
        return Msg::PhoneStepId;
    case PhoneScreen::SmsArrived:
        return Msg::PhoneStepSms;
    case PhoneScreen::EnterOtp:
        return Msg::PhoneStepOtp;
    case PhoneScreen::SetPasscode:
    case PhoneScreen::ConfirmPasscode:
        return Msg::PhoneStepPasscode;
    case PhoneScreen::Done:
        return Msg::PhoneDoneHint;
    }
    return Msg::PhoneStepId;
}

void drawPracticePhone(const FrameContext& ctx, const PhonePractice& phone, ImVec2 size,
                       PhoneLayout layout) {
    const Metrics& m = ctx.metrics;
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImVec2 screenOrigin = ImGui::GetCursorScreenPos();
    float bezel = m.mm(3);
    // The body of the phone: dark frame, light screen.
    d->AddRectFilled(screenOrigin, ImVec2(screenOrigin.x + size.x, screenOrigin.y + size.y),
                     IM_COL32(34, 38, 46, 255), m.mm(6));
    ImVec2 glassMin(screenOrigin.x + bezel, screenOrigin.y + bezel * 2);
    ImVec2 glassMax(screenOrigin.x + size.x - bezel, screenOrigin.y + size.y - bezel * 2);
    d->AddRectFilled(glassMin, glassMax, IM_COL32(250, 250, 247, 255), m.mm(2));
    d->AddRectFilled(ImVec2(screenOrigin.x + size.x * 0.4f, screenOrigin.y + bezel * 0.7f),
                     ImVec2(screenOrigin.x + size.x * 0.6f, screenOrigin.y + bezel * 1.2f),
                     IM_COL32(80, 86, 96, 255), bezel);

    const ImU32 ink = IM_COL32(20, 24, 30, 255);
    const float pad = m.gapPx;
    float left = glassMin.x + pad;
    float right = glassMax.x - pad;
    float y = glassMin.y + pad;
    ImFont* bold = ctx.fonts.bold;
    ImFont* body = ctx.fonts.body;

    // The app's title bar, then what this phone screen is for.
    const char* title = "VNeID";
    // Sizes are capped so the phone stays a phone at the largest text, but never under the
    // kiosk's 4 mm body capitals.
    float titleSize = std::min(bold->FontSize, m.fontPxForCap(4.5));
    // A compact phone: the app's bar and the screen's title (the instruction above the phone
    // says the same) give their height to the number to copy and the field it goes in.
    const bool squat = layout == PhoneLayout::Compact;
    if (squat) {
        titleSize = std::min(titleSize, m.fontPxForCap(3.5));
    }
    d->AddRectFilled(ImVec2(glassMin.x, glassMin.y), ImVec2(glassMax.x, y + titleSize * 1.4f),
                     IM_COL32(183, 28, 28, 255), m.mm(2));
    d->AddText(bold, titleSize, ImVec2(left, y + titleSize * 0.15f), IM_COL32_WHITE, title);
    y += titleSize * 1.4f + pad;
    float lineSize = std::min(body->FontSize, m.fontPxForCap(4.0));
    // The message's sender and code must fit under the title: on a small phone the title gives
    // way to them.
    bool titleShown = !squat;
    if (phone.screen == PhoneScreen::SmsArrived && titleShown) {
        std::string label(ctx.tr(titleOf(phone.screen)));
        float labelHeight = bold->CalcTextSizeA(lineSize, FLT_MAX, right - left, label.c_str()).y;
        float codeNeed = std::min(ctx.fonts.heading->FontSize * 1.2f, m.fontPxForCap(7.0)) * 1.2f;
        titleShown = y + labelHeight + pad * 2.5f + lineSize * 1.2f + codeNeed <= glassMax.y;
    }
    if (phone.screen != PhoneScreen::Done && titleShown) {
        std::string label(ctx.tr(titleOf(phone.screen)));
        d->AddText(bold, lineSize, ImVec2(left, y), ink, label.c_str(), nullptr, right - left);
        y += bold->CalcTextSizeA(lineSize, FLT_MAX, right - left, label.c_str()).y + pad * 0.5f;
    }

    std::size_t wanted = phoneDigitsWanted(phone.screen);
    if (phone.screen == PhoneScreen::EnterOtp) {
        // The message stays in view while the code is typed, as it does on a real phone's
        // notification: nobody is asked to remember six digits they cannot see again.
        std::string reminder = "VNeID: " + grouped(phone.otp, 3);
        // Whole across a narrow phone: the line shrinks rather than run past the glass.
        const float reminderSize = sizeFittingWidth(bold, lineSize, reminder, right - left - pad);
        d->AddRectFilled(ImVec2(left, y), ImVec2(right, y + lineSize * 1.5f),
                         IM_COL32(227, 236, 250, 255), m.mm(2));
        d->AddText(bold, reminderSize,
                   ImVec2(left + pad * 0.5f, y + (lineSize * 1.5f - reminderSize) * 0.5f), ink,
                   reminder.c_str());
        y += lineSize * 1.5f + pad * 0.5f;
    }
    if (phone.screen == PhoneScreen::EnterId) {
        // The sample number to copy, on a line of its own so it never breaks.
        std::string caption = std::string(ctx.tr(Msg::PhonePracticeNumber)) + ":";
        d->AddText(body, lineSize, ImVec2(left, y), ink, caption.c_str());
        y += lineSize * 1.2f;
        // Narrow phone (a portrait panel): the number shrinks to the screen's width, whole.
        std::string number = grouped(kPracticeIdNumber, 4);
        const float numberSize = sizeFittingWidth(bold, lineSize * 1.1f, number, right - left);
        d->AddText(bold, numberSize, ImVec2(left, y), ink, number.c_str());
        y += std::max(numberSize * 1.4f, lineSize * 1.2f);
    }
    if (wanted > 0) {
        float fieldSize = std::min(bold->FontSize * 1.2f, (right - left) / 10.0f);
        std::string shown = field(phone);
        d->AddRect(ImVec2(left, y), ImVec2(right, y + fieldSize * 1.6f), ink, m.mm(1), 0, 2.0f);
        centred(d, bold, fieldSize, left, right, y + fieldSize * 0.3f, ink, shown);
        y += fieldSize * 1.6f + pad * 0.5f;
    }
    if (auto problem = problemOf(phone.problem)) {
        std::string text = std::string(ctx.tr(*problem));
        float textSize = std::min(body->FontSize, m.fontPxForCap(4.0));
        // Inside the glass: a long message on a small phone takes a smaller size, down to a
        // little under the kiosk's chrome (the phone is a picture of a phone, whose text is small).
        const float smallest = ctx.fonts.chrome->FontSize * 0.7f;
        while (textSize > smallest &&
               y + body->CalcTextSizeA(textSize, FLT_MAX, right - left, text.c_str()).y >
                   glassMax.y) {
            textSize = std::max(smallest, textSize * 0.9f);
        }
        d->AddText(body, textSize, ImVec2(left, y), ImGui::GetColorU32(p.danger), text.c_str(),
                   nullptr, right - left);
    }

    if (phone.screen == PhoneScreen::SmsArrived) {
        // The message bubble, worded as the real SMS is: no diacritics, sender first.
        float textSize = std::min(body->FontSize, m.fontPxForCap(4.0));
        // Whole across the bubble, whatever the phone's width.
        const std::string code = grouped(phone.otp, 3);
        const float codeSize = sizeFittingWidth(
            ctx.fonts.heading, std::min(ctx.fonts.heading->FontSize * 1.2f, m.fontPxForCap(7.0)),
            code, right - left - pad);
        std::string sms = std::string(ctx.tr(Msg::PhoneSmsText)) + ":";
        ImVec2 extent = body->CalcTextSizeA(textSize, FLT_MAX, right - left - pad * 2, sms.c_str());
        if (squat || y + extent.y + pad * 2 + textSize * 1.2f + codeSize * 1.2f > glassMax.y) {
            // A compact phone, or no room for the sentence: the sender and the code are the
            // point of the step, and the instruction beside or above the phone says the rest.
            sms.clear();
            extent = ImVec2(0, 0);
        }
        ImVec2 bubbleMin(left, y);
        ImVec2 bubbleMax(right, y + extent.y + pad * 2 + textSize * 1.2f + codeSize * 1.2f);
        d->AddRectFilled(bubbleMin, bubbleMax, IM_COL32(227, 236, 250, 255), m.mm(3));
        d->AddText(bold, textSize, ImVec2(left + pad, y + pad * 0.5f), ink, "VNeID");
        d->AddText(body, textSize, ImVec2(left + pad, y + pad * 0.5f + textSize * 1.2f), ink,
                   sms.c_str(), nullptr, right - left - pad * 2);
        centred(d, ctx.fonts.heading, codeSize, left, right,
                bubbleMax.y - pad * 0.5f - codeSize * 1.2f, ink, code);
        return;
    }
    if (phone.screen == PhoneScreen::Done) {
        ImVec2 c((left + right) * 0.5f, (y + glassMax.y) * 0.45f);
        float r = std::min(right - left, glassMax.y - y) * 0.25f;
        d->AddCircleFilled(c, r, ImGui::GetColorU32(p.ok));
        d->AddLine(ImVec2(c.x - r * 0.5f, c.y), ImVec2(c.x - r * 0.1f, c.y + r * 0.4f),
                   IM_COL32_WHITE, r * 0.18f);
        d->AddLine(ImVec2(c.x - r * 0.1f, c.y + r * 0.4f), ImVec2(c.x + r * 0.55f, c.y - r * 0.4f),
                   IM_COL32_WHITE, r * 0.18f);
        centred(d, bold, bold->FontSize, left, right, c.y + r * 1.3f, ink,
                std::string(ctx.tr(Msg::PhoneDone)));
        return;
    }
}

bool phoneHasPad(PhoneScreen screen) {
    return phoneDigitsWanted(screen) > 0 || screen == PhoneScreen::SmsArrived;
}

void drawPhonePad(const FrameContext& ctx, const PhonePractice& phone) {
    const Metrics& m = ctx.metrics;
    const float pad = m.gapPx;
    ImVec2 origin = ImGui::GetCursorPos();
    // Four rows fill the column's height, never taller than a target of the text size and
    // never under the 12.7 mm minimum (the gaps give way first).
    const float rows = 4;
    float gapY =
        std::max(m.mm(1.5),
                 std::min(pad, (ImGui::GetContentRegionAvail().y - m.mm(kMinimumTargetMm) * rows) /
                                   (rows - 1)));
    float keyHeight = std::clamp((ImGui::GetContentRegionAvail().y - gapY * (rows - 1)) / rows,
                                 m.mm(kMinimumTargetMm), std::max(m.targetPx, m.mm(13)));
    if (phone.screen == PhoneScreen::SmsArrived) {
        // One button: open the code screen once the resident has read the code.
        if (touchButton(ctx, "phone-open-otp", ctx.tr(Msg::PhoneOpenOtp),
                        ImVec2(ImGui::GetContentRegionAvail().x, keyHeight * 1.5f),
                        ButtonKind::Primary)) {
            ctx.emit(intent::PhoneSubmit{});
        }
        return;
    }
    if (phoneDigitsWanted(phone.screen) == 0) {
        return;
    }
    // The minimum gap across, so the keys stay as wide as the column allows.
    const float gapX = m.mm(kMinimumGapMm);
    float keyWidth = (ImGui::GetContentRegionAvail().x - gapX * 2) / 3;
    // The number pad: 1-9, then Delete, 0, Send. Keys keep the 12.7 mm minimum.
    const char* labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", nullptr, "0", nullptr};
    for (int i = 0; i < 12; ++i) {
        int row = i / 3;
        int col = i % 3;
        float x = origin.x + col * (keyWidth + gapX);
        float keyY = origin.y + row * (keyHeight + gapY);
        ImGui::SetCursorPos(ImVec2(x, keyY));
        std::string id = "phone-key-" + std::to_string(i);
        if (i == 9) {
            // "Delete" in words when they fit the key, else the backspace sign (still read aloud).
            std::string_view word = ctx.tr(Msg::PhoneDelete);
            ImFont* chrome = ctx.fonts.chromeBold;
            bool fits = chrome
                            ->CalcTextSizeA(chrome->FontSize, FLT_MAX, 0, word.data(),
                                            word.data() + word.size())
                            .x <= keyWidth - m.gapPx * 2;
            if (!fits) {
                ctx.say(audio::SpeechRole::Choice, word);
            }
            if (touchButton(ctx, id, fits ? word : std::string_view(""),
                            ImVec2(keyWidth, keyHeight), ButtonKind::Secondary, std::nullopt,
                            chrome)) {
                ctx.emit(intent::PhoneKey{kPhoneDelete});
            }
            if (!fits) {
                ImVec2 min = ImGui::GetItemRectMin();
                ImVec2 max = ImGui::GetItemRectMax();
                drawIcon(ImGui::GetWindowDrawList(), Icon::Backspace,
                         ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f),
                         chrome->FontSize * 1.2f, ImGui::GetColorU32(ctx.colours.secondaryText));
            }
        } else if (i == 11) {
            if (touchButton(ctx, id, ctx.tr(Msg::PhoneSend), ImVec2(keyWidth, keyHeight),
                            ButtonKind::Primary, std::nullopt, ctx.fonts.chromeBold)) {
                ctx.emit(intent::PhoneSubmit{});
            }
        } else if (touchButton(ctx, id, labels[i], ImVec2(keyWidth, keyHeight),
                               ButtonKind::Secondary, std::nullopt, ctx.fonts.chromeBold)) {
            ctx.emit(intent::PhoneKey{labels[i][0]});
        }
    }
}

} // namespace kiosk::ui
