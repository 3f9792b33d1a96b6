// Lesson scenes are reached like every other scene: by the intents of a scripted resident.
#include "ui/screens/lesson_scenes.hpp"

#include <string>

namespace kiosk::ui {
namespace {

void tapDigits(ScriptedResident& resident, const std::string& digits) {
    for (char c : digits) {
        resident.tap(intent::PhoneKey{c});
    }
}

// The practice phone's whole activation: ID number, the code from the SMS, a passcode twice.
void completePracticePhone(Flow& flow, ScriptedResident& resident) {
    tapDigits(resident, kPracticeIdNumber);
    resident.tap(intent::PhoneSubmit{});
    resident.tap(intent::PhoneSubmit{});
    tapDigits(resident, flow.state().lesson.phone.otp);
    resident.tap(intent::PhoneSubmit{});
    for (int twice = 0; twice < 2; ++twice) {
        tapDigits(resident, "135790");
        resident.tap(intent::PhoneSubmit{});
    }
}

// Completes the current step the way a resident would and presses Next.
void finishStep(Flow& flow, ScriptedResident& resident) {
    const Lesson* lesson = flow.currentLesson();
    const LessonStep& step = lesson->steps[flow.state().lesson.step];
    if (step.kind == StepKind::PracticePhone) {
        completePracticePhone(flow, resident);
    } else if (step.kind == StepKind::Quiz) {
        resident.tap(intent::QuizAnswer{step.quiz->correct});
    }
    resident.tap(intent::LessonNext{});
}

void toStep(Flow& flow, ScriptedResident& resident, const std::string& id, std::size_t step) {
    resident.tap(intent::Open{Screen::Lessons});
    resident.tap(intent::ChooseLesson{id});
    while (flow.state().lesson.step < step) {
        finishStep(flow, resident);
    }
}

// Two digits keep the scene files in step order when listed; a lesson with more than 99 steps
// (none ships) gets a longer number rather than a truncated one.
std::string stepName(const std::string& id, std::size_t step, const char* suffix = "") {
    std::string number = std::to_string(step + 1);
    if (number.size() < 2) {
        number.insert(0, 2 - number.size(), '0');
    }
    return "lesson_" + id + "_step" + number + suffix;
}

// The lesson shown at the largest text and in high contrast: the first with a practice phone
// (the busiest steps), else the first.
const Lesson* looksLesson(const LessonCatalog& lessons) {
    for (const Lesson& lesson : lessons.lessons) {
        for (const LessonStep& step : lesson.steps) {
            if (step.kind == StepKind::PracticePhone) {
                return &lesson;
            }
        }
    }
    return lessons.lessons.empty() ? nullptr : &lessons.lessons.front();
}

} // namespace

std::vector<ScreenshotScene> lessonListScenes(const SceneSources&) {
    std::vector<ScreenshotScene> scenes;
    auto toList = [](Flow&, ScriptedResident& r) { r.tap(intent::Open{Screen::Lessons}); };
    scenes.push_back({"lesson_list", toList});
    scene::addLooks(scenes, "lesson_list", toList);
    return scenes;
}

std::vector<ScreenshotScene> lessonStepScenes(const SceneSources& sources) {
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    if (sources.lessons == nullptr) {
        return scenes;
    }
    const Lesson* withLooks = looksLesson(*sources.lessons);
    for (const Lesson& lesson : sources.lessons->lessons) {
        std::string id = lesson.id;
        if (&lesson == withLooks) {
            // The largest text and both high-contrast themes on one lesson's steps: its first
            // step, its quizzes answered and the practice phone (issue 21.16).
            for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
                const LessonStep& step = lesson.steps[i];
                if (step.kind == StepKind::Quiz) {
                    std::size_t wrong = step.quiz->correct == 0 ? 1 : 0;
                    scene::addLooks(scenes, stepName(id, i, "_wrong"),
                                    [id, i, wrong](Flow& flow, R& r) {
                                        toStep(flow, r, id, i);
                                        r.tap(intent::QuizAnswer{wrong});
                                    });
                } else if (i == 0 || step.kind == StepKind::PracticePhone) {
                    scene::addLooks(scenes, stepName(id, i),
                                    [id, i](Flow& flow, R& r) { toStep(flow, r, id, i); });
                }
            }
        }
        for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
            const LessonStep& step = lesson.steps[i];
            scenes.push_back(
                {stepName(id, i), [id, i](Flow& flow, R& r) { toStep(flow, r, id, i); }});
            if (step.video) {
                // The video guide playing: the app opens the decoder for the screenshot
                // (KioskApp::renderLive), so the picture is the video's first frame.
                auto watching = [id, i](Flow& flow, R& r) {
                    toStep(flow, r, id, i);
                    r.tap(intent::WatchVideo{});
                };
                scenes.push_back({stepName(id, i, "_video"), watching});
                scene::addLooks(scenes, stepName(id, i, "_video"), watching);
            }
            if (step.kind == StepKind::Quiz) {
                std::size_t right = step.quiz->correct;
                std::size_t wrong = right == 0 ? 1 : 0;
                scenes.push_back({stepName(id, i, "_wrong"), [id, i, wrong](Flow& flow, R& r) {
                                      toStep(flow, r, id, i);
                                      r.tap(intent::QuizAnswer{wrong});
                                  }});
                scenes.push_back({stepName(id, i, "_right"), [id, i, right](Flow& flow, R& r) {
                                      toStep(flow, r, id, i);
                                      r.tap(intent::QuizAnswer{right});
                                  }});
            }
            if (step.kind == StepKind::PracticePhone) {
                scenes.push_back({stepName(id, i, "_typing"), [id, i](Flow& flow, R& r) {
                                      toStep(flow, r, id, i);
                                      tapDigits(r, std::string(kPracticeIdNumber).substr(0, 7));
                                  }});
                scenes.push_back({stepName(id, i, "_sms"), [id, i](Flow& flow, R& r) {
                                      toStep(flow, r, id, i);
                                      tapDigits(r, kPracticeIdNumber);
                                      r.tap(intent::PhoneSubmit{});
                                  }});
                scenes.push_back({stepName(id, i, "_wrong_otp"), [id, i](Flow& flow, R& r) {
                                      toStep(flow, r, id, i);
                                      tapDigits(r, kPracticeIdNumber);
                                      r.tap(intent::PhoneSubmit{});
                                      r.tap(intent::PhoneSubmit{});
                                      tapDigits(r, "000000");
                                      r.tap(intent::PhoneSubmit{});
                                  }});
                scenes.push_back({stepName(id, i, "_passcode"), [id, i](Flow& flow, R& r) {
                                      toStep(flow, r, id, i);
                                      tapDigits(r, kPracticeIdNumber);
                                      r.tap(intent::PhoneSubmit{});
                                      r.tap(intent::PhoneSubmit{});
                                      tapDigits(r, flow.state().lesson.phone.otp);
                                      r.tap(intent::PhoneSubmit{});
                                      tapDigits(r, "1357");
                                  }});
                scenes.push_back({stepName(id, i, "_done"), [id, i](Flow& flow, R& r) {
                                      toStep(flow, r, id, i);
                                      completePracticePhone(flow, r);
                                  }});
            }
        }
    }
    return scenes;
}

std::vector<ScreenshotScene> lessonDoneScenes(const SceneSources& sources) {
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    if (sources.lessons == nullptr) {
        return scenes;
    }
    for (const Lesson& lesson : sources.lessons->lessons) {
        std::string id = lesson.id;
        std::size_t last = lesson.steps.size() - 1;
        auto done = [id, last](Flow& flow, R& r) {
            toStep(flow, r, id, last);
            finishStep(flow, r);
        };
        scenes.push_back({"lesson_" + id + "_done", done});
        if (&lesson == looksLesson(*sources.lessons)) {
            scene::addLooks(scenes, "lesson_" + id + "_done", done);
        }
    }
    return scenes;
}

} // namespace kiosk::ui
