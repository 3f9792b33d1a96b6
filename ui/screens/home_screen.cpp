// Home screen layout: choices fill the space above a single row of accessibility options.
#include "ui/screens/home_screen.hpp"

#include "kiosk/devices/device_notices.hpp"
#include "ui/widgets/touch_button.hpp"

#include <array>

namespace kiosk::ui {
namespace {

// Three groups share the row: 4 text sizes, 3 colour themes and 2 wider language buttons.
constexpr float kLanguageWidth = 1.9f; // in units of the small buttons

// On a panel mounted in portrait one row would squeeze the buttons under the minimum touch
// target; the language buttons then get a row of their own.
bool accessibilityStacked(const Metrics& m, float width) {
    float groupGap = m.gapPx * 3;
    float button = (width - 2 * groupGap - 6 * m.gapPx) / (7.0f + 2 * kLanguageWidth);
    return button < m.mm(kMinimumTargetMm);
}

// What the resident is told before starting: the last session's data was erased, and what will
// not work today.
std::vector<Msg> homeNotices(const FrameContext& ctx) {
    std::vector<Msg> notices;
    if (ctx.session.erasedAfterTimeout) {
        notices.push_back(Msg::HomeErasedAfterTimeout);
    }
    for (Msg device : residentNotices(ctx.devices)) {
        notices.push_back(device);
    }
    return notices;
}

} // namespace

void HomeScreen::drawContent(const FrameContext& ctx) {
    // At the two largest sizes the greeting gives its room to the choices, which say enough;
    // so it does when the "today" notices need the room.
    const bool notices = !homeNotices(ctx).empty();
    if (ctx.session.accessibility.textSize <= TextSize::Large && !notices) {
        headingText(ctx, ctx.tr(Msg::HomeWelcome));
        ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 0.5f));
    }
    // The accessibility row is one chrome button high plus its label line (two rows stacked).
    float accessibilityHeight =
        ctx.metrics.chromeTargetPx + ctx.fonts.chrome->FontSize + ctx.metrics.gapPx * 2.5f;
    if (accessibilityStacked(ctx.metrics, ImGui::GetContentRegionAvail().x)) {
        accessibilityHeight *= 2;
    }
    // What will not work today is said before the resident starts, not at the end; but the four
    // choices keep a touch target's height each (portrait at the largest text, every device in
    // trouble: the notices squeezed them to slivers).
    const bool oneColumn = ctx.session.accessibility.textSize > TextSize::Large;
    const float minChoices = (oneColumn ? 4.0f : 2.0f) * (ctx.metrics.targetPx + ctx.metrics.gapPx);
    drawNotices(ctx, ImGui::GetContentRegionAvail().y - accessibilityHeight - minChoices);
    float choicesHeight = ImGui::GetContentRegionAvail().y - accessibilityHeight;
    drawChoices(ctx, choicesHeight);
    drawAccessibility(ctx);
}

void HomeScreen::drawNotices(const FrameContext& ctx, float room) {
    std::vector<Msg> notices = homeNotices(ctx);
    if (notices.empty()) {
        return;
    }
    const Metrics& m = ctx.metrics;
    const Palette& p = ctx.colours;
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = m.gapPx;
    // As many whole notices as the room holds; the rest are on the status bar, and one line says
    // so. Every notice is still read aloud.
    ImFont* font = ctx.fonts.chrome;
    auto heightOf = [&](Msg notice) {
        std::string_view text = ctx.tr(notice);
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, width - pad * 2, text.data(),
                                   text.data() + text.size())
                   .y +
               ImGui::GetStyle().ItemSpacing.y;
    };
    float all = pad;
    for (Msg notice : notices) {
        all += heightOf(notice);
    }
    if (all > room) {
        // Whole notices while they leave room for the "more" line under them.
        float used = pad + heightOf(Msg::HomeNoticesMore);
        std::size_t fit = 0;
        while (fit < notices.size() && used + heightOf(notices[fit]) <= room) {
            used += heightOf(notices[fit++]);
        }
        for (std::size_t i = fit; i < notices.size(); ++i) {
            ctx.say(audio::SpeechRole::Instruction, ctx.tr(notices[i]));
        }
        if (used > room) {
            return; // not even the line fits: the status bar says it all
        }
        notices.resize(fit);
        notices.push_back(Msg::HomeNoticesMore);
    }
    ImDrawList* d = ImGui::GetWindowDrawList();
    // Text first on a second channel, then the panel behind it once its height is known.
    d->ChannelsSplit(2);
    d->ChannelsSetCurrent(1);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + pad * 0.5f);
    ImGui::Indent(pad);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - pad * 2);
    // The chrome font keeps the notices at the Normal size whatever the text size, so the
    // choices below keep their room.
    ImGui::PushFont(ctx.fonts.chrome);
    for (Msg notice : notices) {
        ctx.say(audio::SpeechRole::Instruction, ctx.tr(notice));
        ImGui::TextUnformatted(ctx.tr(notice).data(),
                               ctx.tr(notice).data() + ctx.tr(notice).size());
    }
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::Unindent(pad);
    const float bottom =
        ImGui::GetCursorScreenPos().y + pad * 0.5f - ImGui::GetStyle().ItemSpacing.y;
    d->ChannelsSetCurrent(0);
    d->AddRectFilled(origin, ImVec2(origin.x + width, bottom), ImGui::GetColorU32(p.surface),
                     m.mm(1.5));
    d->AddRect(origin, ImVec2(origin.x + width, bottom), ImGui::GetColorU32(p.warning), m.mm(1.5),
               0, m.mm(0.8));
    d->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom + m.gapPx * 0.5f));
    ImGui::Dummy(ImVec2(0, 0));
}

void HomeScreen::drawChoices(const FrameContext& ctx, float height) {
    struct Choice {
        Icon icon;
        Msg title;
        Msg hint;
        Screen target;
    };
    static constexpr std::array<Choice, 4> kChoices{{
        {Icon::Dossier, Msg::HomeSubmitDossier, Msg::HomeSubmitDossierHint,
         Screen::ProcedureCategories},
        {Icon::Search, Msg::HomeLookupDossier, Msg::HomeLookupDossierHint, Screen::Lookup},
        {Icon::Learn, Msg::HomeLearnSkill, Msg::HomeLearnSkillHint, Screen::Lessons},
        {Icon::Help, Msg::HomeHelp, Msg::HomeHelpHint, Screen::Help},
    }};
    const float width = ImGui::GetContentRegionAvail().x;
    // Two columns while the text is small enough; one full-width column for the two largest
    // sizes, where a half-width card could not hold its title.
    const bool twoColumns = ctx.session.accessibility.textSize <= TextSize::Large;
    const int columns = twoColumns ? 2 : 1;
    const float gap = ctx.metrics.gapPx * (twoColumns ? 1.5f : 1.0f);
    const int rows = static_cast<int>(kChoices.size()) / columns;
    const ImVec2 cell((width - gap * (columns - 1)) / columns, (height - gap * rows) / rows);
    const ImVec2 origin = ImGui::GetCursorPos();
    for (std::size_t i = 0; i < kChoices.size(); ++i) {
        const Choice& choice = kChoices[i];
        int column = static_cast<int>(i) % columns;
        int row = static_cast<int>(i) / columns;
        ImGui::SetCursorPos(
            ImVec2(origin.x + column * (cell.x + gap), origin.y + row * (cell.y + gap)));
        if (choiceCard(ctx, screenName(choice.target).text(), choice.icon, ctx.tr(choice.title),
                       ctx.tr(choice.hint), cell)) {
            ctx.emit(intent::Open{choice.target});
        }
    }
    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + height));
}

void HomeScreen::drawAccessibility(const FrameContext& ctx) {
    const Metrics& m = ctx.metrics;
    const SessionState& s = ctx.session;
    const float width = ImGui::GetContentRegionAvail().x;
    const float groupGap = m.gapPx * 3;
    const bool stacked = accessibilityStacked(m, width);
    const float button = stacked
                             ? (width - groupGap - 5 * m.gapPx) / 7.0f
                             : (width - 2 * groupGap - 6 * m.gapPx) / (7.0f + 2 * kLanguageWidth);
    const ImVec2 size(button, m.chromeTargetPx);
    float labelY = ImGui::GetCursorPosY();
    float buttonsY = labelY + ctx.fonts.chrome->FontSize + m.gapPx * 0.5f;

    auto label = [&](float x, Msg text) {
        ImGui::SetCursorPos(ImVec2(x, labelY));
        ImGui::PushFont(ctx.fonts.chrome);
        ImGui::TextUnformatted(ctx.tr(text).data(), ctx.tr(text).data() + ctx.tr(text).size());
        ImGui::PopFont();
    };
    auto selected = [](bool yes) { return yes ? Selection::Selected : Selection::NotSelected; };

    float x = 0;
    label(x, Msg::HomeTextSize);
    static constexpr std::array<TextSize, 4> kSizes{TextSize::Normal, TextSize::Large,
                                                    TextSize::Larger, TextSize::Largest};
    for (std::size_t i = 0; i < kSizes.size(); ++i) {
        ImGui::SetCursorPos(ImVec2(x, buttonsY));
        // Each size button shows "A" at a growing scale so the choice is seen, not only named.
        ImVec2 min = ImGui::GetCursorScreenPos();
        ImGui::PushID(static_cast<int>(i));
        bool chosen = s.accessibility.textSize == kSizes[i];
        bool clicked = optionButton(ctx, "size", "", size, selected(chosen));
        ImGui::PopID();
        // The "A"s preview the four cap heights at the chrome scale (capped to the button).
        ImFont* font = ctx.fonts.chromeBold;
        float glyphPx = std::min(
            size.y * 0.8f, font->FontSize * static_cast<float>(capHeightMm(kSizes[i]) /
                                                               capHeightMm(TextSize::Normal)));
        ImVec2 t = font->CalcTextSizeA(glyphPx, FLT_MAX, 0, "A");
        ImU32 colour =
            ImGui::GetColorU32(chosen && !ImGui::IsItemActive() ? ctx.colours.selectedText
                                                                : ctx.colours.secondaryText);
        ImGui::GetWindowDrawList()->AddText(
            font, glyphPx, ImVec2(min.x + (size.x - t.x) * 0.5f, min.y + (size.y - t.y) * 0.5f),
            colour, "A");
        if (clicked) {
            ctx.emit(intent::SetTextSize{kSizes[i]});
        }
        x += button + m.gapPx;
    }

    x += groupGap - m.gapPx;
    label(x, Msg::HomeContrast);
    static constexpr std::array<Contrast, 3> kContrasts{Contrast::Standard, Contrast::HighLight,
                                                        Contrast::HighDark};
    for (std::size_t i = 0; i < kContrasts.size(); ++i) {
        ImGui::SetCursorPos(ImVec2(x, buttonsY));
        const Palette& preview = palette(kContrasts[i]);
        ImVec2 min = ImGui::GetCursorScreenPos();
        ImGui::PushID(static_cast<int>(10 + i));
        bool clicked = optionButton(ctx, "contrast", "", size,
                                    selected(s.accessibility.contrast == kContrasts[i]));
        ImGui::PopID();
        // A swatch of the theme itself: its background with its text colour "Aa".
        ImDrawList* d = ImGui::GetWindowDrawList();
        float inset = m.gapPx * 0.9f;
        ImVec2 a(min.x + inset, min.y + inset);
        ImVec2 b(min.x + size.x - inset, min.y + size.y - inset);
        d->AddRectFilled(a, b, ImGui::GetColorU32(preview.background), m.mm(1));
        d->AddRect(a, b, ImGui::GetColorU32(preview.border), m.mm(1), 0, 2.0f);
        ImFont* font = ctx.fonts.chromeBold;
        ImVec2 t = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, "Aa");
        d->AddText(font, font->FontSize, ImVec2((a.x + b.x - t.x) * 0.5f, (a.y + b.y - t.y) * 0.5f),
                   ImGui::GetColorU32(preview.text), "Aa");
        if (clicked) {
            ctx.emit(intent::SetContrast{kContrasts[i]});
        }
        x += button + m.gapPx;
    }

    x += groupGap - m.gapPx;
    if (stacked) {
        x = 0;
        labelY = buttonsY + m.chromeTargetPx + m.gapPx * 1.5f;
        buttonsY = labelY + ctx.fonts.chrome->FontSize + m.gapPx * 0.5f;
    }
    label(x, Msg::HomeLanguage);
    const ImVec2 languageSize(button * kLanguageWidth, m.chromeTargetPx);
    ImGui::SetCursorPos(ImVec2(x, buttonsY));
    // Each language is named in itself, so a resident finds theirs whatever is shown now.
    if (optionButton(ctx, "lang-vi", text(Msg::LanguageName, Language::Vietnamese), languageSize,
                     selected(s.language == Language::Vietnamese), ctx.fonts.chromeBold)) {
        ctx.emit(intent::SetLanguage{Language::Vietnamese});
    }
    ImGui::SetCursorPos(ImVec2(x + languageSize.x + m.gapPx, buttonsY));
    if (optionButton(ctx, "lang-en", text(Msg::LanguageName, Language::English), languageSize,
                     selected(s.language == Language::English), ctx.fonts.chromeBold)) {
        ctx.emit(intent::SetLanguage{Language::English});
    }
}

// The screenshot scenes that end on this file's screens (listed through their entries).
namespace {

std::vector<ScreenshotScene> homeScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("home", [](Flow&, R&) {});
    add("assisted_home", [](Flow& flow, R& r) {
        volunteerSignedIn(flow, r);
        r.tap(intent::StartOver{});
    });
    // The end a resident who walked away gets: mid-form, no answer to "still there?", so
    // everything typed is erased and the kiosk is back home (issue 21.16).
    add("home_after_timeout", [](Flow& flow, R& r) {
        toFirstGroup(flow, r);
        SteadyTime asked = r.now() + std::chrono::minutes(2) + std::chrono::seconds(3);
        flow.tick(asked);
        flow.tick(asked + std::chrono::minutes(5));
    });
    addTextSizes(scenes, "home", [](Flow&, R&) {});
    for (Contrast contrast : {Contrast::HighLight, Contrast::HighDark}) {
        std::string suffix = "_contrast_" + std::to_string(static_cast<int>(contrast));
        scenes.push_back({"home" + suffix,
                          [contrast](Flow&, R& r) { r.tap(intent::SetContrast{contrast}); },
                          healthyDevices(), true});
    }
    ScreenshotScene trouble{"home_devices_trouble", [](Flow&, R&) {}, healthyDevices(), true};
    trouble.devices.printer = PrinterState::NoPaper;
    trouble.devices.reader = ReaderState::Disconnected;
    trouble.devices.readerSimulated = false;
    trouble.devices.network = NetworkState::Offline;
    trouble.devices.queuedDossiers = 3;
    ScreenshotScene troubleLargest = trouble;
    troubleLargest.name = "home_devices_trouble_text_size_3";
    troubleLargest.reach = [](Flow&, R& r) { r.tap(intent::SetTextSize{TextSize::Largest}); };
    ScreenshotScene noPaper{"home_printer_no_paper", [](Flow&, R&) {}, healthyDevices(), false};
    noPaper.devices.printer = PrinterState::NoPaper;
    scenes.push_back(std::move(trouble));
    scenes.push_back(std::move(troubleLargest));
    scenes.push_back(std::move(noPaper));
    ScreenshotScene storage{"home_storage_full", [](Flow&, R&) {}, healthyDevices(), false};
    storage.devices.dossierStorageReady = false;
    scenes.push_back(std::move(storage));
    return scenes;
}

} // namespace

ScreenEntry homeScreenEntry() {
    return screenEntry<HomeScreen>(Screen::Home, homeScenes);
}

} // namespace kiosk::ui
