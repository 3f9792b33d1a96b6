// Lesson screens: big cards, one picture and two or three sentences per step, a training phone,
// quizzes with immediate kind feedback, and the take-home sheet at the end.
#include "ui/screens/lesson_screens.hpp"

#include "ui/screens/lesson_scenes.hpp"
#include "ui/widgets/content_picture.hpp"
#include "ui/widgets/lesson_illustration.hpp"
#include "ui/widgets/practice_phone.hpp"
#include "ui/widgets/scroll_area.hpp"
#include "ui/widgets/touch_button.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {
namespace {

std::string_view local(const FrameContext& ctx, const LocalText& text) {
    return ctx.local(text);
}

// A full-width answer whose text wraps onto as many lines as it needs.
// A chosen answer is outlined thick in green (right) or red (not yet), never filled like a
// primary button: a wrong answer must not look like the thing to press next.
bool answerButton(const FrameContext& ctx, std::size_t index, std::string_view text, float width,
                  bool chosen, bool right) {
    ImFont* font = ctx.fonts.bold;
    float pad = ctx.metrics.gapPx * 1.5f;
    float wrap = width - pad * 2;
    ImVec2 extent =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.data(), text.data() + text.size());
    float height = std::max(ctx.metrics.targetPx, extent.y + pad * 2);
    if (height > scrollAreaRoom(ctx) - ctx.metrics.gapPx) {
        // Taller than the list can show (a long answer at the largest text in portrait): the
        // chrome's size, so the answer is seen whole.
        font = ctx.fonts.chromeBold;
        extent = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.data(),
                                     text.data() + text.size());
        height = std::max(ctx.metrics.targetPx, extent.y + pad * 2);
    }
    ImVec2 at = ImGui::GetCursorScreenPos();
    bool pressed = touchButton(ctx, "quiz-answer-" + std::to_string(index), "",
                               ImVec2(width, height), ButtonKind::Secondary);
    const Palette& p = ctx.colours;
    if (chosen) {
        const float thick = ctx.metrics.mm(1.0);
        ImGui::GetWindowDrawList()->AddRect(
            ImVec2(at.x + thick * 0.5f, at.y + thick * 0.5f),
            ImVec2(at.x + width - thick * 0.5f, at.y + height - thick * 0.5f),
            ImGui::GetColorU32(right ? p.ok : p.danger), ctx.metrics.mm(1.5), 0, thick);
    }
    ImU32 colour = ImGui::GetColorU32(p.secondaryText);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize,
                                        ImVec2(at.x + pad, at.y + (height - extent.y) * 0.5f),
                                        colour, text.data(), text.data() + text.size(), wrap);
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 0.5f));
    return pressed;
}

// Feedback under a quiz: a coloured bar, a word that says right or not (colour is not enough)
// and the content's kind explanation.
void feedback(const FrameContext& ctx, bool right, std::string_view text) {
    ImVec2 start = ImGui::GetCursorScreenPos();
    float bar = ctx.metrics.mm(2);
    ImGui::Indent(bar * 3);
    ImGui::PushStyleColor(ImGuiCol_Text, right ? ctx.colours.ok : ctx.colours.danger);
    boldText(ctx, ctx.tr(right ? Msg::QuizRight : Msg::QuizNotYet));
    ImGui::PopStyleColor();
    bodyText(ctx, text);
    ImGui::Unindent(bar * 3);
    ImVec2 end = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(
        start, ImVec2(start.x + bar, end.y),
        ImGui::GetColorU32(right ? ctx.colours.ok : ctx.colours.danger), bar * 0.5f);
}

float listenWidth(const FrameContext& ctx, ImFont* font) {
    std::string_view label = ctx.tr(Msg::LessonListen);
    return std::max(
        ctx.metrics.mm(55),
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size())
                .x +
            font->FontSize + ctx.metrics.gapPx * 5);
}

// In the action bar's left half, as tall as the main action.
void listenButton(const FrameContext& ctx) {
    ImVec2 region = ImGui::GetWindowContentRegionMax();
    ImGui::SetCursorPos(
        ImVec2(ImGui::GetWindowContentRegionMin().x, region.y - ctx.metrics.targetPx));
    if (touchButton(ctx, "lesson-listen", ctx.tr(Msg::LessonListen),
                    ImVec2(listenWidth(ctx, ctx.fonts.bold), ctx.metrics.targetPx),
                    ButtonKind::Secondary, Icon::Speaker)) {
        ctx.emit(intent::ListenAloud{});
    }
}

// At the larger text sizes the step's top line (which lesson, which step) and "listen" share one
// chrome-sized row, so the text column keeps the height and its page buttons get the action
// bar's left half.
bool compactLessonChrome(const FrameContext& ctx) {
    return ctx.metrics.bodyFontPx > ctx.metrics.chromeFontPx * 1.2f;
}

void drawQuiz(const FrameContext& ctx, const Quiz& quiz, const LessonSession& session) {
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 0.5f));
    boldText(ctx, local(ctx, quiz.question));
    if (!session.quizChoice) {
        mutedText(ctx, ctx.tr(Msg::QuizChoose));
    }
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 0.5f));
    float width = ImGui::GetContentRegionAvail().x - ctx.metrics.gapPx;
    for (std::size_t i = 0; i < quiz.choices.size(); ++i) {
        bool chosen = session.quizChoice == i;
        if (answerButton(ctx, i, local(ctx, quiz.choices[i].text), width, chosen,
                         i == quiz.correct)) {
            ctx.emit(intent::QuizAnswer{i});
        }
        if (chosen) {
            feedback(ctx, i == quiz.correct, local(ctx, quiz.choices[i].feedback));
            ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 0.5f));
        }
    }
}

// The video guide fills the content area; big Play/Pause, Replay and Close under it.
void drawVideoPlayer(const FrameContext& ctx) {
    const Metrics& m = ctx.metrics;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float height = avail.y - actionBarHeight(ctx);
    const VideoPlayback* video = ctx.video;
    if (video != nullptr && video->width() > 0 && video->height() > 0) {
        float scale = std::min(avail.x / static_cast<float>(video->width()),
                               height / static_cast<float>(video->height()));
        ImVec2 size(video->width() * scale, video->height() * scale);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail.x - size.x) * 0.5f);
        ImGui::Image(reinterpret_cast<ImTextureID>(video->texture()), size);
    } else {
        ImGui::Dummy(ImVec2(0, height * 0.4f));
        problemText(ctx, ctx.tr(Msg::VideoUnavailable));
    }
    ImVec2 region = ImGui::GetWindowContentRegionMax();
    float y = region.y - m.targetPx;
    float width = std::max(m.mm(55), (avail.x - m.gapPx * 4) / 3);
    if (video != nullptr) {
        bool playing = video->playing();
        ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMin().x, y));
        if (touchButton(ctx, "video-play", ctx.tr(playing ? Msg::VideoPause : Msg::VideoPlay),
                        ImVec2(width, m.targetPx), ButtonKind::Primary,
                        playing ? Icon::Pause : Icon::Play)) {
            ctx.emit(intent::ControlVideo{playing ? VideoCommand::Pause : VideoCommand::Play});
        }
        ImGui::SameLine(0, m.gapPx * 2);
        if (touchButton(ctx, "video-replay", ctx.tr(Msg::VideoReplay), ImVec2(width, m.targetPx),
                        ButtonKind::Secondary, Icon::Back)) {
            ctx.emit(intent::ControlVideo{VideoCommand::Replay});
        }
    }
    ImGui::SetCursorPos(ImVec2(region.x - width, y));
    if (touchButton(ctx, "video-close", ctx.tr(Msg::VideoClose), ImVec2(width, m.targetPx))) {
        ctx.emit(intent::CloseVideo{});
    }
}

} // namespace

void LessonListScreen::drawContent(const FrameContext& ctx) {
    headingText(ctx, ctx.tr(Msg::LessonsTitle));
    if (ctx.lessons == nullptr || ctx.lessons->lessons.empty()) {
        bodyText(ctx, ctx.tr(Msg::NoContentTitle));
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x - ctx.metrics.gapPx * 2;
    const float cardHeight = std::max(ctx.metrics.targetPx * 1.6f, ctx.fonts.bold->FontSize * 3.2f);
    // The introduction pages with the lessons: at the largest text it takes three lines.
    beginScrollArea(ctx, "lessons");
    mutedText(ctx, ctx.tr(Msg::LessonsIntro));
    ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 0.5f));
    for (const Lesson& lesson : ctx.lessons->lessons) {
        if (choiceCard(ctx, "lesson-" + lesson.id, Icon::Learn, local(ctx, lesson.title),
                       local(ctx, lesson.summary), ImVec2(width, cardHeight))) {
            ctx.emit(intent::ChooseLesson{lesson.id});
        }
    }
    endScrollArea(ctx);
}

void LessonStepScreen::drawContent(const FrameContext& ctx) {
    const Lesson* lesson = ctx.lesson;
    const LessonSession& session = ctx.session.lesson;
    if (lesson == nullptr || session.step >= lesson->steps.size()) {
        return;
    }
    const LessonStep& step = lesson->steps[session.step];
    const Metrics& m = ctx.metrics;
    if (session.watchingVideo) {
        drawVideoPlayer(ctx);
        return;
    }
    std::string where =
        std::string(local(ctx, lesson->title)) + "  ·  " + std::string(ctx.tr(Msg::LessonStep)) +
        " " + std::to_string(session.step + 1) + "/" + std::to_string(lesson->steps.size());
    // Where the resident is, in the chrome's size: it gives way before the step's own text.
    // With the phone's number pad on screen "listen" moves up too: the pad needs the height.
    const bool padShown = step.kind == StepKind::PracticePhone && phoneHasPad(session.phone.screen);
    const bool compact = compactLessonChrome(ctx) || padShown;
    const bool nextShown = canGoNext(session, *lesson);
    {
        ImVec2 rowStart = ImGui::GetCursorPos();
        const float rowWidth = ImGui::GetContentRegionAvail().x;
        const float listen = compact ? listenWidth(ctx, ctx.fonts.chromeBold) : 0.0f;
        ImGui::PushFont(ctx.fonts.chromeBold);
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.colours.textMuted);
        ImGui::PushTextWrapPos(rowStart.x + rowWidth - listen - (compact ? m.gapPx : 0.0f));
        ImGui::TextUnformatted(where.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ctx.say(audio::SpeechRole::Instruction, where); // as mutedText would
        float after = ImGui::GetCursorPosY();
        if (compact) {
            ImGui::SetCursorPos(ImVec2(rowStart.x + rowWidth - listen, rowStart.y));
            if (touchButton(ctx, "lesson-listen", ctx.tr(Msg::LessonListen),
                            ImVec2(listen, m.chromeTargetPx), ButtonKind::Secondary, Icon::Speaker,
                            ctx.fonts.chromeBold)) {
                ctx.emit(intent::ListenAloud{});
            }
            after = std::max(after, rowStart.y + m.chromeTargetPx + m.gapPx * 0.5f);
        }
        ImGui::SetCursorPos(ImVec2(rowStart.x, after));
    }
    ImGui::Dummy(ImVec2(0, m.gapPx * 0.25f));

    ImVec2 avail = ImGui::GetContentRegionAvail();
    // The action bar row holds "listen" and "next"; once both are elsewhere or not yet shown,
    // the step takes the whole height.
    const bool actionBar = !compact || nextShown;
    float height = avail.y - (actionBar ? actionBarHeight(ctx) : 0.0f);
    // The text's page buttons: under it, or in the action bar's left half once "listen" moved.
    const PagerPlace pagerPlace =
        compact && nextShown ? PagerPlace::BesideAction : PagerPlace::Below;
    bool practice = step.kind == StepKind::PracticePhone;
    // The practice step has three columns: the phone, what to do, and the phone's number pad.
    // A quiz needs the width for its answers and feedback, so its picture is smaller.
    float pictureShare = step.kind == StepKind::Quiz ? 0.22f : 0.36f;
    float pictureWidth =
        practice ? std::min(avail.x * 0.3f, height * 0.75f) : avail.x * pictureShare;
    if (!practice && step.image) {
        // Content pictures are portrait (3:4): no wider than the height allows, so the text
        // column keeps every pixel the picture does not use.
        pictureWidth = std::min(pictureWidth, height * 0.75f);
    }
    float padWidth = practice && phoneHasPad(session.phone.screen)
                         ? std::min(avail.x * 0.3f, m.mm(17) * 3 + m.gapPx * 2)
                         : 0.0f;
    // A portrait panel is too narrow for three columns: what to do goes on top, the phone and
    // its number pad side by side under it.
    const ImVec2 panel = ImGui::GetMainViewport()->Size;
    const bool portrait = panel.x < panel.y;
    const bool stacked = practice && portrait;
    // Any other step on a portrait panel: the picture in a band across the top, the text under
    // it at the full width (a column beside the picture was a few words wide at large text).
    const bool pictureOnTop = !practice && portrait;
    float textHeight = height;
    float rowHeight = 0;
    float pictureBand = 0;
    if (pictureOnTop) {
        pictureBand =
            std::min(height * (step.kind == StepKind::Quiz ? 0.2f : 0.3f), avail.x * 0.5f);
        textHeight = height - pictureBand - m.gapPx;
    }
    if (stacked) {
        // The pad's four rows keep keys over the 12.7 mm minimum with room to spare; without the
        // pad the text gets a little more than half.
        const float padNeed = 4 * m.mm(kMinimumTargetMm + 2) + 3 * m.mm(kMinimumGapMm);
        // The text keeps room for a whole line of the step and its page buttons; the pad's keys
        // keep their minimum whatever the text gets.
        const float textNeed = ctx.fonts.bold->FontSize * 2.6f + m.gapPx * 2;
        rowHeight = std::min(height * (padWidth > 0 ? 0.64f : 0.5f), height - textNeed - m.gapPx);
        if (padWidth > 0) {
            rowHeight = std::max(rowHeight, padNeed);
        }
        textHeight = height - rowHeight - m.gapPx;
        // Keys a little over the minimum across, so the phone keeps the width for its number.
        padWidth = padWidth > 0 ? std::min(avail.x * 0.42f,
                                           m.mm(kMinimumTargetMm + 3) * 3 + m.mm(kMinimumGapMm) * 2)
                                : 0.0f;
        pictureWidth = std::min(avail.x - padWidth - m.gapPx * 2, rowHeight * 0.8f);
    }

    // What to do and the step's text, paging when it does not fit.
    auto drawText = [&](PagerPlace place) {
        beginScrollArea(ctx, "lesson-text", textHeight, place);
        if (practice) {
            // What to do now comes first; the step's introduction stays below for reference.
            boldText(ctx, ctx.tr(practiceInstruction(session.phone.screen)));
            ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
            mutedText(ctx, ctx.tr(Msg::PhoneHint));
            ImGui::Dummy(ImVec2(0, m.gapPx));
        }
        // Once a quiz is answered its introduction gives way, so the feedback stays in view.
        if (!step.quiz || !session.quizChoice) {
            bodyText(ctx, local(ctx, step.text));
        }
        if (step.quiz) {
            drawQuiz(ctx, *step.quiz, session);
        }
        if (step.video) {
            ImGui::Dummy(ImVec2(0, m.gapPx));
            if (touchButton(ctx, "lesson-video", ctx.tr(Msg::LessonVideo),
                            ImVec2(ImGui::GetContentRegionAvail().x - m.gapPx, m.targetPx),
                            ButtonKind::Secondary, Icon::Play)) {
                ctx.emit(intent::WatchVideo{});
            }
        }
        endScrollArea(ctx);
    };
    // The step's own picture, or the lesson's drawing, in `box` at the cursor.
    auto drawPicture = [&](ImVec2 box) {
        if (step.image) {
            contentPicture(ctx, *step.image, box);
            return;
        }
        Illustration picture =
            step.illustration != Illustration::None ? step.illustration : lesson->illustration;
        ImVec2 min = ImGui::GetCursorScreenPos();
        float side = std::min(box.x, box.y);
        drawIllustration(ctx, picture, min, ImVec2(min.x + box.x, min.y + side));
    };
    auto drawPad = [&](float padHeight) {
        ImGui::BeginChild("phone-pad", ImVec2(padWidth, padHeight), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
        drawPhonePad(ctx, session.phone);
        ImGui::EndChild();
    };

    if (pictureOnTop) {
        const ImVec2 top = ImGui::GetCursorPos();
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::BeginChild("lesson-picture", ImVec2(avail.x, pictureBand), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
        // Centred: a content picture is portrait (3:4), a drawing square.
        const ImVec2 box(step.image ? pictureBand * 0.75f : pictureBand, pictureBand);
        ImGui::SetCursorPosX((avail.x - box.x) * 0.5f);
        drawPicture(box);
        ImGui::EndChild();
        ImGui::PopStyleVar();
        ImGui::SetCursorPos(ImVec2(top.x, top.y + pictureBand + m.gapPx));
        // Beside the action: the column reaches down into the action bar's row.
        const float columnHeight =
            (pagerPlace == PagerPlace::BesideAction ? avail.y : height) - pictureBand - m.gapPx;
        ImGui::BeginChild("lesson-text-column", ImVec2(0, columnHeight), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
        drawText(pagerPlace);
        ImGui::EndChild();
    } else if (stacked) {
        const ImVec2 top = ImGui::GetCursorPos();
        ImGui::BeginChild("lesson-text-column", ImVec2(0, textHeight), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
        drawText(PagerPlace::Below);
        ImGui::EndChild();
        // The phone and the pad centred together in the row.
        const float rowWidth = pictureWidth + (padWidth > 0 ? m.gapPx * 2 + padWidth : 0.0f);
        ImGui::SetCursorPos(
            ImVec2(top.x + (avail.x - rowWidth) * 0.5f, top.y + textHeight + m.gapPx));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::BeginChild("lesson-picture", ImVec2(pictureWidth, rowHeight), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
        drawPracticePhone(ctx, session.phone, ImVec2(pictureWidth, rowHeight),
                          PhoneLayout::Compact);
        ImGui::EndChild();
        ImGui::PopStyleVar();
        if (padWidth > 0) {
            ImGui::SameLine(0, m.gapPx * 2);
            drawPad(rowHeight);
        }
    } else {
        // No padding: the phone and the picture fill the column to its edges.
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::BeginChild("lesson-picture", ImVec2(pictureWidth, height), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
        if (practice) {
            drawPracticePhone(ctx, session.phone, ImVec2(pictureWidth, height));
        } else {
            drawPicture(ImVec2(pictureWidth, height));
        }
        ImGui::EndChild();
        ImGui::PopStyleVar();
        ImGui::SameLine(0, m.gapPx * 2);

        float textWidth =
            padWidth > 0 ? ImGui::GetContentRegionAvail().x - padWidth - m.gapPx * 2 : 0;
        // Beside the action: the column reaches down into the action bar's row, where the page
        // buttons go (the column's left half; "next" is at the screen's right).
        ImGui::BeginChild(
            "lesson-text-column",
            ImVec2(textWidth, pagerPlace == PagerPlace::BesideAction ? avail.y : height), false,
            ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
        drawText(pagerPlace);
        ImGui::EndChild();
        if (padWidth > 0) {
            ImGui::SameLine(0, m.gapPx * 2);
            drawPad(height);
        }
    }

    if (!compact) {
        listenButton(ctx);
    }
    if (canGoNext(session, *lesson) && primaryAction(ctx, ctx.tr(Msg::LessonNext))) {
        ctx.emit(intent::LessonNext{});
    }
}

void LessonDoneScreen::drawContent(const FrameContext& ctx) {
    const Lesson* lesson = ctx.lesson;
    if (lesson == nullptr) {
        return;
    }
    const Metrics& m = ctx.metrics;
    headingText(ctx, ctx.tr(Msg::LessonDoneTitle));
    ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float height = avail.y - actionBarHeight(ctx);
    float pictureWidth = std::min(avail.x * 0.3f, height);
    ImVec2 min = ImGui::GetCursorScreenPos();
    drawIllustration(ctx, Illustration::Shield, min,
                     ImVec2(min.x + pictureWidth, min.y + pictureWidth));
    ImGui::Dummy(ImVec2(pictureWidth, 1));
    ImGui::SameLine(0, m.gapPx * 2);
    // The only action is "print" at the right: the page buttons take the left half.
    beginScrollArea(ctx, "lesson-done", height, PagerPlace::BesideAction);
    // The lesson's name pages with the rest: at the largest text it takes two lines.
    boldText(ctx, local(ctx, lesson->title));
    ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
    bodyText(ctx, ctx.tr(Msg::LessonDoneBody));
    ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
    for (const LocalText& line : lesson->takeHome) {
        bodyText(ctx, "•  " + std::string(local(ctx, line)));
    }
    endScrollArea(ctx);
    if (primaryAction(ctx, ctx.tr(Msg::LessonPrintSheet))) {
        ctx.emit(intent::PrintTakeHome{});
    }
}

ScreenEntry lessonListScreenEntry() {
    return screenEntry<LessonListScreen>(Screen::Lessons, lessonListScenes);
}

ScreenEntry lessonStepScreenEntry() {
    return screenEntry<LessonStepScreen>(Screen::LessonStep, lessonStepScenes);
}

ScreenEntry lessonDoneScreenEntry() {
    return screenEntry<LessonDoneScreen>(Screen::LessonDone, lessonDoneScenes);
}

} // namespace kiosk::ui
