// A digital-skills lesson as data: short steps to read, a simulated phone to practise on, quizzes.
#pragma once

#include "kiosk/i18n/language.hpp"
#include "kiosk/procedure/procedure.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

enum class StepKind {
    Read,          // a picture and two or three sentences
    PracticePhone, // rehearse on a drawn phone: ID number, OTP from an SMS, 6-digit passcode
    Quiz,          // a scam-spotting question with kind feedback for every answer
};

// Pictures the kiosk draws itself, so a content pack needs no image files to teach.
enum class Illustration { None, Phone, Portal, Qr, Warning, Shield, Lock, Gift, Call };

struct QuizChoice {
    LocalText text;
    LocalText feedback; // shown as soon as the resident picks this answer
};

struct Quiz {
    LocalText question;
    std::vector<QuizChoice> choices;
    std::size_t correct = 0;
};

// Recorded speech for one text, per language; absent means "look in audio/<lang>/<key>.wav,
// then synthesise".
struct AudioClips {
    std::optional<std::string> vi;
    std::optional<std::string> en;
};

struct LessonStep {
    StepKind kind = StepKind::Read;
    LocalText text; // 2-3 sentences
    Illustration illustration = Illustration::None;
    std::optional<std::string> image; // path inside the content pack
    std::optional<std::string> video; // path inside the content pack
    AudioClips audio;
    std::optional<Quiz> quiz; // set exactly when kind == Quiz
};

struct Lesson {
    std::string id; // "vneid-activation-01": also the usage log's LessonId
    int order = 0;  // position on the list screen, smallest first
    LocalText title;
    LocalText summary;
    Illustration illustration = Illustration::None; // on the lesson's card
    std::vector<LessonStep> steps;
    std::vector<LocalText> takeHome; // short reminders printed on the take-home sheet
};

// The key a step's speech is filed under: "<lesson id>.step<NN>", NN counted from 01.
std::string stepTextKey(const std::string& lessonId, std::size_t stepIndex);

const std::string& localText(const LocalText& text, Language language);

} // namespace kiosk
