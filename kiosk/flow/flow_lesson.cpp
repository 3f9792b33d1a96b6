// Lessons in the flow: choosing one, stepping through it, the practice phone, quizzes, the end.
#include "drivers/common/overloaded.hpp"
#include "kiosk/flow/flow.hpp"

#include <chrono>

namespace kiosk {

const Lesson* Flow::currentLesson() const {
    if (lessons_ == nullptr || !state_.lesson.active()) {
        return nullptr;
    }
    return lessons_->find(state_.lesson.lessonId);
}

void Flow::chooseLesson(const std::string& id, SteadyTime now) {
    const Lesson* lesson = lessons_ ? lessons_->find(id) : nullptr;
    if (lesson == nullptr || lesson->steps.empty()) {
        return;
    }
    state_.lesson.wipe();
    state_.lesson.lessonId = lesson->id;
    logger_.log(LogEvent::LessonStarted, {{"lesson", SystemText{lesson->id}}});
    open(Screen::LessonStep, now);
}

void Flow::closeVideo() {
    if (state_.lesson.watchingVideo) {
        state_.lesson.watchingVideo = false;
        effects_.push_back(effect::CloseVideo{});
    }
}

void Flow::lessonNext(SteadyTime now) {
    const Lesson* lesson = currentLesson();
    if (lesson == nullptr || state_.screen != Screen::LessonStep ||
        !canGoNext(state_.lesson, *lesson)) {
        return;
    }
    closeVideo();
    effects_.push_back(effect::StopAudio{});
    LessonSession& session = state_.lesson;
    if (session.step + 1 < lesson->steps.size()) {
        ++session.step;
        session.phone.wipe();
        session.quizChoice.reset();
        return;
    }
    if (!session.completed) {
        session.completed = true;
        logger_.log(LogEvent::LessonCompleted, {{"lesson", SystemText{lesson->id}}});
        effects_.push_back(effect::LessonCompleted{lesson->id});
    }
    open(Screen::LessonDone, now);
}

bool Flow::lessonBack() {
    LessonSession& session = state_.lesson;
    if (!session.active()) {
        return false;
    }
    effects_.push_back(effect::StopAudio{});
    if (state_.lesson.watchingVideo) {
        closeVideo(); // Back first closes the video, back to its step
        return true;
    }
    if (state_.screen == Screen::LessonDone) {
        return false; // the history returns to the last step, as it was left
    }
    const Lesson* lesson = currentLesson();
    bool onPhone = lesson != nullptr && session.step < lesson->steps.size() &&
                   lesson->steps[session.step].kind == StepKind::PracticePhone;
    if (onPhone && phoneBack(session.phone)) {
        return true;
    }
    session.phone.wipe();
    session.quizChoice.reset();
    if (session.step > 0) {
        --session.step;
        return true;
    }
    session.wipe(); // leaving the lesson for the list
    return false;
}

void Flow::listenAloud() {
    const Lesson* lesson = currentLesson();
    if (lesson == nullptr) {
        return;
    }
    effect::PlayAudio play;
    play.language = state_.language;
    if (state_.screen == Screen::LessonDone) {
        play.textKey = lesson->id + ".done";
        play.text = localText(lesson->title, state_.language);
        for (const LocalText& line : lesson->takeHome) {
            play.text += ". " + localText(line, state_.language);
        }
    } else {
        const LessonStep& step = lesson->steps[state_.lesson.step];
        play.textKey = stepTextKey(lesson->id, state_.lesson.step);
        play.text = localText(step.text, state_.language);
        if (step.quiz) {
            play.text += " " + localText(step.quiz->question, state_.language);
        }
        const auto& clip = state_.language == Language::Vietnamese ? step.audio.vi : step.audio.en;
        play.clip = clip;
    }
    play.volumePercent = state_.assist.guidanceVolumePercent;
    state_.readAloud = ReadAloudState::Silent; // the step's own voice replaces the screen's
    effects_.push_back(effect::StopAudio{});
    effects_.push_back(std::move(play));
}

void Flow::applyLesson(const LessonIntent& intent, SteadyTime now) {
    bool onStep = state_.screen == Screen::LessonStep && currentLesson() != nullptr;
    std::visit(Overloaded{
                   [&](const intent::ChooseLesson& choose) { chooseLesson(choose.id, now); },
                   [&](const intent::LessonNext&) { lessonNext(now); },
                   [&](const intent::PhoneKey& press) {
                       if (onStep) {
                           phoneKey(state_.lesson.phone, press.key);
                       }
                   },
                   [&](const intent::PhoneSubmit&) {
                       if (onStep) {
                           // The practice code comes from the clock, made here: no SMS, no network.
                           auto seed = static_cast<std::uint64_t>(now.time_since_epoch().count());
                           phoneSubmit(state_.lesson.phone, seed);
                       }
                   },
                   [&](const intent::QuizAnswer& answer) {
                       if (!onStep) {
                           return;
                       }
                       const LessonStep& step = currentLesson()->steps[state_.lesson.step];
                       if (step.quiz && answer.index < step.quiz->choices.size()) {
                           state_.lesson.quizChoice = answer.index;
                       }
                   },
                   [&](const intent::PrintTakeHome&) {
                       if (state_.screen == Screen::LessonDone && currentLesson() != nullptr) {
                           effects_.push_back(
                               effect::PrintTakeHomeSheet{state_.lesson.lessonId, state_.language});
                       }
                   },
                   [&](const intent::ListenAloud&) { listenAloud(); },
                   [&](const intent::WatchVideo&) {
                       if (!onStep) {
                           return;
                       }
                       const LessonStep& step = currentLesson()->steps[state_.lesson.step];
                       if (step.video && !state_.lesson.watchingVideo) {
                           state_.lesson.watchingVideo = true;
                           effects_.push_back(effect::StopAudio{});
                           effects_.push_back(effect::OpenVideo{*step.video});
                       }
                   },
                   [&](const intent::ControlVideo& control) {
                       if (onStep && state_.lesson.watchingVideo) {
                           effects_.push_back(effect::ControlVideo{control.command});
                       }
                   },
                   [&](const intent::CloseVideo&) { closeVideo(); },
               },
               intent);
}

} // namespace kiosk
