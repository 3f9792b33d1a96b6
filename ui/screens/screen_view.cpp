// The screen frame: header with commune and clock, content, navigation bar and status bar.
#include "ui/screens/screen_view.hpp"

#include "ui/widgets/layout_probe.hpp"
#include "ui/widgets/status_bar.hpp"
#include "ui/widgets/touch_button.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace kiosk::ui {
namespace {

constexpr ImGuiWindowFlags kFullScreenFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;

Msg weekday(int day) {
    static constexpr Msg kDays[] = {
        Msg::WeekdaySunday,   Msg::WeekdayMonday, Msg::WeekdayTuesday, Msg::WeekdayWednesday,
        Msg::WeekdayThursday, Msg::WeekdayFriday, Msg::WeekdaySaturday};
    return kDays[day % 7];
}

// `titleLeft`: where the commune's name may start, right of the "Nghe" button.
void drawHeader(const FrameContext& ctx, float height, float titleLeft) {
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    d->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                     ImGui::GetColorU32(ctx.colours.headerBar));
    ImU32 colour = ImGui::GetColorU32(ctx.colours.headerText);
    ImFont* bold = ctx.fonts.chromeBold;
    float margin = ctx.metrics.marginPx;
    origin.x += titleLeft;
    width -= titleLeft;

    std::string title = ctx.config.communeName + " · " + ctx.config.accessPointName;
    float textY = origin.y + (height - bold->FontSize) * 0.5f;

    std::tm local{};
    localtime_r(&ctx.wallClock, &local);
    char clock[64];
    std::snprintf(clock, sizeof clock, "%02d:%02d   %s %02d/%02d/%04d", local.tm_hour, local.tm_min,
                  std::string(ctx.tr(weekday(local.tm_wday))).c_str(), local.tm_mday,
                  local.tm_mon + 1, local.tm_year + 1900);
    ImVec2 clockSize = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, clock);
    float clockX = origin.x + width - margin - clockSize.x;
    // A panel in portrait has no room for both names: the commune alone reads better than a
    // name cut in the middle of a letter.
    if (origin.x + margin + bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, title.c_str()).x >
        clockX - margin) {
        title = ctx.config.communeName;
    }
    // The commune name gives way to the clock on narrow panels rather than overlapping it: the
    // whole name or nothing (portrait, beside "Nghe"), never "Xã" alone or a letter cut in two.
    float room = clockX - margin - (origin.x + margin);
    if (bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, title.c_str()).x > room) {
        title.clear();
    }
    d->AddText(bold, bold->FontSize, ImVec2(origin.x + margin, textY), colour, title.c_str());
    d->AddText(bold, bold->FontSize, ImVec2(clockX, textY), colour, clock);
    if (!title.empty()) {
        ImVec2 titleSize = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, title.c_str());
        ImVec2 at(origin.x + margin, textY);
        noteTextLine(at, ImVec2(at.x + titleSize.x, at.y + bold->FontSize), title);
    }
    noteTextLine(ImVec2(clockX, textY), ImVec2(clockX + clockSize.x, textY + bold->FontSize),
                 clock);
    ImGui::Dummy(ImVec2(width, height));
}

void drawNavigation(const FrameContext& ctx, float height) {
    const Metrics& m = ctx.metrics;
    float width = ImGui::GetContentRegionAvail().x;
    // Wide enough for icon and label, never more than half the bar. The row is chrome: it keeps
    // the normal size at every text size, so the content gets the room.
    ImFont* font = ctx.fonts.chromeBold;
    float widest = 0;
    for (Msg label : {Msg::NavBack, Msg::NavHome}) {
        std::string_view t = ctx.tr(label);
        widest = std::max(
            widest,
            font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.data(), t.data() + t.size()).x);
    }
    float needed = widest + font->FontSize * 0.9f + m.gapPx * 4;
    float buttonWidth = std::min(std::max(m.mm(60), needed), (width - m.gapPx) * 0.5f);
    if (!ctx.session.history.empty()) {
        ImGui::SetCursorPos(ImVec2(0, 0));
        if (touchButton(ctx, "nav-back", ctx.tr(Msg::NavBack), ImVec2(buttonWidth, height),
                        ButtonKind::Secondary, Icon::Back, font)) {
            ctx.emit(intent::Back{});
        }
    }
    ImGui::SetCursorPos(ImVec2(width - buttonWidth, 0));
    if (touchButton(ctx, "nav-start-over", ctx.tr(Msg::NavHome), ImVec2(buttonWidth, height),
                    ButtonKind::Secondary, Icon::Home, font)) {
        ctx.emit(intent::StartOver{});
    }
}

// Held this long on the header, a press opens the maintainer's PIN pad: hidden from residents,
// and reachable on every screen (the maintenance screen too, to install content).
constexpr float kMaintainerHoldSeconds = 3.0f;

void watchMaintainerHold(const FrameContext& ctx, float height, float left) {
    // Right of the "Nghe" button, so holding the header never competes with it.
    ImGui::SetCursorPos(ImVec2(left, 0));
    ImGui::InvisibleButton("header-hold", ImVec2(ImGui::GetWindowWidth() - left, height));
    if (ImGui::IsItemActive()) {
        const ImGuiIO& io = ImGui::GetIO();
        if (io.MouseDownDuration[0] >= kMaintainerHoldSeconds &&
            io.MouseDownDurationPrev[0] < kMaintainerHoldSeconds) {
            ctx.emit(intent::OpenMaintainer{});
        }
    }
}

// While a volunteer is signed in: who is helping, and their tools, on every screen.
void drawAssistBanner(const FrameContext& ctx, float top, float height) {
    const Metrics& m = ctx.metrics;
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImGui::SetCursorPos(ImVec2(0, top));
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetWindowWidth();
    d->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                     ImGui::GetColorU32(ctx.colours.selected));
    ImFont* bold = ctx.fonts.chromeBold;
    std::string text =
        std::string(ctx.tr(Msg::AssistBanner)) + ": " + ctx.session.assist.displayName;
    std::string_view toolsLabel = ctx.tr(Msg::AssistTools);
    float buttonWidth = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, toolsLabel.data(),
                                            toolsLabel.data() + toolsLabel.size())
                            .x +
                        m.gapPx * 4;
    float buttonX = width - m.marginPx - buttonWidth;
    ImVec4 clip(origin.x + m.marginPx, origin.y, origin.x + buttonX - m.gapPx, origin.y + height);
    d->AddText(bold, bold->FontSize,
               ImVec2(origin.x + m.marginPx, origin.y + (height - bold->FontSize) * 0.5f),
               ImGui::GetColorU32(ctx.colours.selectedText), text.c_str(), nullptr, 0, &clip);
    ImGui::SetCursorPos(ImVec2(buttonX, top + (height - m.chromeTargetPx) * 0.5f));
    if (optionButton(ctx, "assist-tools", toolsLabel, ImVec2(buttonWidth, m.chromeTargetPx),
                     Selection::NotSelected, bold)) {
        ctx.emit(intent::OpenVolunteerTools{});
    }
    ImGui::SetCursorPos(ImVec2(0, top + height));
}

// The "Nghe" (listen) button: top left of the header on every screen, the header's full height
// (at least 12.7 mm, chrome size: it does not grow with the text size, so it never pushes the
// content), and wide enough for the speaker and the word at the chrome font.
float listenButtonWidth(const FrameContext& ctx) {
    ImFont* font = ctx.fonts.chromeBold;
    float widest = 0;
    for (Msg label : {Msg::ReadAloudListen, Msg::ReadAloudStop}) {
        std::string_view t = ctx.tr(label);
        widest = std::max(
            widest,
            font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.data(), t.data() + t.size()).x);
    }
    // Chrome spacing, fixed like the chrome font: the body gap grows with the text size.
    float width = font->FontSize * 1.1f + widest + ctx.metrics.mm(kMinimumGapMm) * 3;
    return std::max(width, ctx.metrics.chromeTargetPx * 1.5f);
}

// Drawn after the content, so the speech list holds everything this frame's screen says.
void drawListenButton(const FrameContext& ctx, ImVec2 at, ImVec2 size) {
    bool speaking = ctx.session.readAloud == ReadAloudState::Speaking;
    ImGui::SetCursorPos(at);
    bool clicked = ImGui::InvisibleButton("read-aloud", size);
    bool pressed = ImGui::IsItemActive();
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImVec4 fill = pressed ? p.secondaryPressed : (speaking ? p.selected : p.secondary);
    ImU32 text = ImGui::GetColorU32(speaking && !pressed ? p.selectedText : p.secondaryText);
    float rounding = ctx.metrics.mm(1.5);
    d->AddRectFilled(min, max, ImGui::GetColorU32(fill), rounding);
    // Speaking also shows as a thicker frame and another word, not by colour alone.
    d->AddRect(min, max, ImGui::GetColorU32(p.border), rounding, 0, speaking ? 5.0f : 2.0f);
    ImFont* font = ctx.fonts.chromeBold;
    std::string_view label = ctx.tr(speaking ? Msg::ReadAloudStop : Msg::ReadAloudListen);
    float iconSize = font->FontSize * 1.1f;
    float textWidth =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size())
            .x;
    float spacing = ctx.metrics.mm(kMinimumGapMm);
    float left = (min.x + max.x - iconSize - spacing - textWidth) * 0.5f;
    float middle = (min.y + max.y) * 0.5f;
    drawIcon(d, speaking ? Icon::Pause : Icon::Speaker, ImVec2(left + iconSize * 0.5f, middle),
             iconSize, text);
    d->AddText(font, font->FontSize,
               ImVec2(left + iconSize + spacing, middle - font->FontSize * 0.5f), text,
               label.data(), label.data() + label.size());
    if (clicked) {
        ctx.emit(intent::ReadAloud{ctx.speech != nullptr ? *ctx.speech : audio::ScreenSpeech{}});
    }
}

} // namespace

void ScreenView::draw(const FrameContext& ctx) {
    const Metrics& m = ctx.metrics;
    ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("screen", nullptr, kFullScreenFlags);

    // The chrome is the same on every screen and is not read aloud: only the content speaks.
    FrameContext chrome = ctx;
    chrome.speech = nullptr;
    float headerHeight = m.chromeTargetPx;
    ImVec2 listenAt(m.mm(kMinimumGapMm), 0);
    ImVec2 listenSize(listenButtonWidth(ctx), headerHeight);
    float titleLeft = listenAt.x + listenSize.x;
    drawHeader(chrome, headerHeight, titleLeft);
    ImVec2 afterHeader = ImGui::GetCursorPos();
    watchMaintainerHold(chrome, headerHeight, titleLeft);
    ImGui::SetCursorPos(afterHeader);
    float bannerHeight = 0;
    if (ctx.session.assist.signedIn) {
        // Room for the Tools button and a little air: chrome, like the navigation, so it keeps
        // its size when the resident's text grows and leaves them the room.
        bannerHeight = m.chromeTargetPx + m.gapPx;
        drawAssistBanner(chrome, headerHeight, bannerHeight);
        headerHeight += bannerHeight;
    }

    float statusHeight = statusBarHeight(ctx, viewport->Size.x);
    float navButtonHeight = m.chromeTargetPx;
    float navGap = m.gapPx;
    float navHeight = navigation() == Navigation::None ? 0.0f : navButtonHeight + navGap * 2;
    float contentHeight = viewport->Size.y - headerHeight - statusHeight - navHeight;
    if (navigation() != Navigation::None && contentHeight < m.headingFontPx * kShortOfHeightLines) {
        // Short of room for the content (large text on a landscape panel): the navigation row
        // gives way first, down to the minimum target and gap, before the content must page.
        navButtonHeight = m.mm(kMinimumTargetMm);
        navGap = m.mm(kMinimumGapMm);
        navHeight = navButtonHeight + navGap * 2;
        contentHeight = viewport->Size.y - headerHeight - statusHeight - navHeight;
    }

    ImGui::SetCursorPos(ImVec2(m.marginPx, headerHeight + m.gapPx));
    ImGui::BeginChild("content", ImVec2(viewport->Size.x - 2 * m.marginPx, contentHeight - m.gapPx),
                      false, ImGuiWindowFlags_NoScrollbar);
    drawContent(ctx);
    ImGui::EndChild();

    if (navigation() != Navigation::None) {
        ImGui::SetCursorPos(ImVec2(m.marginPx, headerHeight + contentHeight + navGap));
        ImGui::BeginChild("navigation", ImVec2(viewport->Size.x - 2 * m.marginPx, navButtonHeight),
                          false, ImGuiWindowFlags_NoScrollbar);
        drawNavigation(chrome, navButtonHeight);
        ImGui::EndChild();
    }

    ImGui::SetCursorPos(ImVec2(0, viewport->Size.y - statusHeight));
    drawStatusBar(chrome, ImVec2(viewport->Size.x, statusHeight));
    drawListenButton(ctx, listenAt, listenSize);
    ImGui::End();
}

float actionBarHeight(const FrameContext& ctx, ActionSize size) {
    return (size == ActionSize::Chrome ? ctx.metrics.chromeTargetPx : ctx.metrics.targetPx) +
           ctx.metrics.gapPx;
}

float primaryActionWidth(const FrameContext& ctx, std::string_view label) {
    ImFont* font = ctx.fonts.bold;
    float text =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size())
            .x;
    float available = ImGui::GetWindowContentRegionMax().x;
    return std::min(available * 0.5f, std::max(ctx.metrics.mm(70), text + ctx.metrics.gapPx * 4));
}

namespace {

float actionWidth(const FrameContext& ctx, std::string_view label, ImFont* font) {
    float text =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size())
            .x;
    float available = ImGui::GetWindowContentRegionMax().x;
    return std::min(available * 0.5f, std::max(ctx.metrics.mm(70), text + ctx.metrics.gapPx * 4));
}

ImFont* actionFont(const FrameContext& ctx, ActionSize size) {
    return size == ActionSize::Chrome ? ctx.fonts.chromeBold : ctx.fonts.bold;
}

float actionHeight(const FrameContext& ctx, ActionSize size) {
    return size == ActionSize::Chrome ? ctx.metrics.chromeTargetPx : ctx.metrics.targetPx;
}

} // namespace

bool primaryAction(const FrameContext& ctx, std::string_view label, ButtonKind kind,
                   ActionSize size) {
    ImFont* font = actionFont(ctx, size);
    float width = actionWidth(ctx, label, font);
    float height = actionHeight(ctx, size);
    ImVec2 region = ImGui::GetWindowContentRegionMax();
    ImGui::SetCursorPos(ImVec2(region.x - width, region.y - height));
    bool pressed = touchButton(ctx, "primary-action", label, ImVec2(width, height), kind,
                               Icon::Next, size == ActionSize::Chrome ? font : nullptr);
    noteMainAction(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), label);
    return pressed;
}

bool secondaryAction(const FrameContext& ctx, std::string_view label, ActionSize size) {
    ImFont* font = actionFont(ctx, size);
    float width = actionWidth(ctx, label, font);
    float height = actionHeight(ctx, size);
    ImVec2 region = ImGui::GetWindowContentRegionMax();
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMin().x, region.y - height));
    return touchButton(ctx, "secondary-action", label, ImVec2(width, height), ButtonKind::Secondary,
                       std::nullopt, size == ActionSize::Chrome ? font : nullptr);
}

namespace {

// Notes the lines of the text item just drawn (scroll areas keep them whole; the layout test).
void noteWrappedText(std::string_view text) {
    noteTextLines(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::GetTextLineHeight(),
                  text);
}

// A paragraph in `font`, wrapped at the window's edge and seen by the layout probe.
void wrappedText(ImFont* font, std::string_view text) {
    ImGui::PushFont(font);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    noteWrappedText(text);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

} // namespace

void boldText(const FrameContext& ctx, std::string_view text) {
    wrappedText(ctx.fonts.bold, text);
}

void problemText(const FrameContext& ctx, std::string_view text) {
    ctx.say(audio::SpeechRole::Instruction, text);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.colours.danger);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::PushTextWrapPos(0);
    std::string line = "! " + std::string(text);
    ImGui::TextUnformatted(line.c_str());
    noteWrappedText(line);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::PopStyleColor();
}

bool shortOfHeight(const FrameContext& ctx) {
    return ImGui::GetWindowHeight() < ctx.metrics.headingFontPx * kShortOfHeightLines;
}

void compactHeadingText(const FrameContext& ctx, std::string_view text) {
    ctx.say(audio::SpeechRole::Heading, text);
    // The chrome's font: the step and title are the chrome of a form, and give way first.
    wrappedText(ctx.fonts.chromeBold, text);
}

void screenTitle(const FrameContext& ctx, std::string_view text, TitleWhenShort whenShort) {
    if (!shortOfHeight(ctx)) {
        headingText(ctx, text);
    } else if (whenShort == TitleWhenShort::Compact) {
        compactHeadingText(ctx, text);
    } else {
        ctx.say(audio::SpeechRole::Heading, text);
    }
}

void headingText(const FrameContext& ctx, std::string_view text) {
    ctx.say(audio::SpeechRole::Heading, text);
    // When the screen is short for the text size, the title gives way first: body-size bold.
    wrappedText(shortOfHeight(ctx) ? ctx.fonts.bold : ctx.fonts.heading, text);
}

void bodyText(const FrameContext& ctx, std::string_view text) {
    ctx.say(audio::SpeechRole::Instruction, text);
    wrappedText(ctx.fonts.body, text);
}

float labelColumnWidth(const FrameContext& ctx, const std::vector<std::string_view>& labels) {
    ImFont* font = ctx.fonts.body;
    float widest = 0;
    for (std::string_view label : labels) {
        widest = std::max(widest, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(),
                                                      label.data() + label.size())
                                      .x);
    }
    float available = ImGui::GetContentRegionAvail().x;
    // Two columns while the width holds about 28 letters of the text size: the labels take at
    // most two fifths (a long one wraps in its column), the values the rest. Narrower (portrait
    // at large text), the value goes under its label.
    if (available < ctx.fonts.body->FontSize * 14) {
        return 0.0f;
    }
    return std::min(widest + ctx.metrics.gapPx * 2, available * 0.4f);
}

void labelledValue(const FrameContext& ctx, std::string_view label, std::string_view value,
                   float labelColumn, ValueStyle style) {
    ImVec2 start = ImGui::GetCursorPos();
    if (labelColumn > 0) {
        ctx.say(audio::SpeechRole::Instruction, label);
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.colours.textMuted);
        ImGui::PushFont(ctx.fonts.body);
        ImGui::PushTextWrapPos(start.x + labelColumn - ctx.metrics.gapPx);
        ImGui::TextUnformatted(label.data(), label.data() + label.size());
        noteWrappedText(label);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ImGui::PopStyleColor();
    } else {
        mutedText(ctx, label);
    }
    if (labelColumn > 0) {
        // The value on the label's line, in its own column: one line per field.
        float labelBottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(start.x + labelColumn, start.y));
        ImGui::BeginGroup();
        if (style == ValueStyle::Given) {
            boldText(ctx.unspoken(), value);
        } else {
            bodyText(ctx, value);
        }
        ImGui::EndGroup();
        ImGui::SetCursorPosY(std::max(labelBottom, ImGui::GetCursorPosY()));
        return;
    }
    if (style == ValueStyle::Given) {
        boldText(ctx.unspoken(), value);
    } else {
        bodyText(ctx, value);
    }
}

void mutedText(const FrameContext& ctx, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.colours.textMuted);
    bodyText(ctx, text);
    ImGui::PopStyleColor();
}

} // namespace kiosk::ui
