// The simulated phone's state machine and the lesson step rules; pure, no I/O at all.
#include "kiosk/lesson/lesson_session.hpp"

#include <algorithm>

namespace kiosk {
namespace {

void overwrite(std::string& text) {
    std::fill(text.begin(), text.end(), '\0');
    text.clear();
}

} // namespace

void PhonePractice::wipe() {
    overwrite(typed);
    overwrite(otp);
    overwrite(passcode);
    screen = PhoneScreen::EnterId;
    problem = PhoneProblem::None;
}

void LessonSession::wipe() {
    phone.wipe();
    lessonId.clear();
    step = 0;
    quizChoice.reset();
    completed = false;
    watchingVideo = false;
}

std::string makePracticeOtp(std::uint64_t seed) {
    // SplitMix64: a few well-mixed digits; this is a rehearsal code, not a secret.
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    std::string code;
    for (std::size_t i = 0; i < kPracticeOtpDigits; ++i) {
        code.push_back(static_cast<char>('0' + z % 10));
        z /= 10;
    }
    return code;
}

std::size_t phoneDigitsWanted(PhoneScreen screen) {
    switch (screen) {
    case PhoneScreen::EnterId:
        return kPracticeIdDigits;
    case PhoneScreen::EnterOtp:
        return kPracticeOtpDigits;
    case PhoneScreen::SetPasscode:
    case PhoneScreen::ConfirmPasscode:
        return kPracticePasscodeDigits;
    case PhoneScreen::SmsArrived:
    case PhoneScreen::Done:
        break;
    }
    return 0;
}

bool phoneKey(PhonePractice& phone, char key) {
    std::size_t wanted = phoneDigitsWanted(phone.screen);
    if (wanted == 0) {
        return false;
    }
    if (key == kPhoneDelete) {
        if (phone.typed.empty()) {
            return false;
        }
        phone.typed.pop_back();
        phone.problem = PhoneProblem::None;
        return true;
    }
    if (key < '0' || key > '9' || phone.typed.size() >= wanted) {
        return false;
    }
    phone.typed.push_back(key);
    phone.problem = PhoneProblem::None;
    return true;
}

bool phoneSubmit(PhonePractice& phone, std::uint64_t otpSeed) {
    switch (phone.screen) {
    case PhoneScreen::EnterId:
        if (phone.typed.size() != kPracticeIdDigits) {
            phone.problem = PhoneProblem::IdTooShort;
            return true;
        }
        overwrite(phone.typed);
        phone.otp = makePracticeOtp(otpSeed);
        phone.screen = PhoneScreen::SmsArrived;
        return true;
    case PhoneScreen::SmsArrived:
        phone.screen = PhoneScreen::EnterOtp;
        return true;
    case PhoneScreen::EnterOtp:
        if (phone.typed != phone.otp) {
            phone.problem = PhoneProblem::WrongOtp;
            overwrite(phone.typed);
            return true;
        }
        overwrite(phone.typed);
        phone.screen = PhoneScreen::SetPasscode;
        return true;
    case PhoneScreen::SetPasscode:
        if (phone.typed.size() != kPracticePasscodeDigits) {
            phone.problem = PhoneProblem::PasscodeTooShort;
            return true;
        }
        phone.passcode = phone.typed;
        overwrite(phone.typed);
        phone.screen = PhoneScreen::ConfirmPasscode;
        return true;
    case PhoneScreen::ConfirmPasscode:
        if (phone.typed != phone.passcode) {
            // Start the passcode over: the resident may not remember which one was wrong.
            phone.problem = PhoneProblem::PasscodeMismatch;
            overwrite(phone.typed);
            overwrite(phone.passcode);
            phone.screen = PhoneScreen::SetPasscode;
            return true;
        }
        overwrite(phone.typed);
        overwrite(phone.passcode);
        phone.screen = PhoneScreen::Done;
        return true;
    case PhoneScreen::Done:
        break;
    }
    return false;
}

bool phoneBack(PhonePractice& phone) {
    phone.problem = PhoneProblem::None;
    overwrite(phone.typed);
    switch (phone.screen) {
    case PhoneScreen::EnterId:
        return false;
    case PhoneScreen::SmsArrived:
        overwrite(phone.otp);
        phone.screen = PhoneScreen::EnterId;
        return true;
    case PhoneScreen::EnterOtp:
        phone.screen = PhoneScreen::SmsArrived;
        return true;
    case PhoneScreen::SetPasscode:
        phone.screen = PhoneScreen::EnterOtp;
        return true;
    case PhoneScreen::Done:
        phone.screen = PhoneScreen::SetPasscode;
        return true;
    case PhoneScreen::ConfirmPasscode:
        overwrite(phone.passcode);
        phone.screen = PhoneScreen::SetPasscode;
        return true;
    }
    return false;
}

bool canGoNext(const LessonSession& session, const Lesson& lesson) {
    if (session.step >= lesson.steps.size()) {
        return false;
    }
    switch (lesson.steps[session.step].kind) {
    case StepKind::Read:
        return true;
    case StepKind::PracticePhone:
        return session.phone.screen == PhoneScreen::Done;
    case StepKind::Quiz:
        return session.quizChoice.has_value();
    }
    return false;
}

bool quizAnsweredRight(const LessonSession& session, const Lesson& lesson) {
    if (session.step >= lesson.steps.size() || !session.quizChoice) {
        return false;
    }
    const auto& quiz = lesson.steps[session.step].quiz;
    return quiz && *session.quizChoice == quiz->correct;
}

} // namespace kiosk
