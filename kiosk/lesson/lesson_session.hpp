// Where a resident is in a lesson: the step, the simulated phone and the quiz answer, as data.
#pragma once

#include "kiosk/lesson/lesson.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace kiosk {

// The screens of the drawn phone, in the order of a VNeID activation.
enum class PhoneScreen {
    EnterId,         // type the 12-digit personal identification number
    SmsArrived,      // the SMS with the one-time code appears
    EnterOtp,        // type the code from the SMS
    SetPasscode,     // choose a 6-digit passcode
    ConfirmPasscode, // type it again
    Done,
};

enum class PhoneProblem { None, IdTooShort, WrongOtp, PasscodeTooShort, PasscodeMismatch };

inline constexpr std::size_t kPracticeIdDigits = 12; // a chip ID card number
inline constexpr std::size_t kPracticeOtpDigits = 6;
inline constexpr std::size_t kPracticePasscodeDigits = 6; // VNeID's passcode
// Residents rehearse with this printed sample rather than their own number, so nothing real
// is ever typed into the practice.
inline constexpr const char* kPracticeIdNumber = "001099012345";
inline constexpr char kPhoneDelete = '\b';

// The rehearsal phone. The OTP is made up on the kiosk: the practice never talks to any network.
struct PhonePractice {
    PhoneScreen screen = PhoneScreen::EnterId;
    std::string typed;    // digits on the current phone screen
    std::string otp;      // what the simulated SMS "received"
    std::string passcode; // the first passcode entry, compared with the second
    PhoneProblem problem = PhoneProblem::None;

    // Overwrites the digits before they are released.
    void wipe();
};

// A code of kPracticeOtpDigits digits derived from `seed` (the flow passes the clock).
std::string makePracticeOtp(std::uint64_t seed);

// A key of the phone's number pad: '0'..'9' or kPhoneDelete. Returns true when it changed state.
bool phoneKey(PhonePractice& phone, char key);
// The phone's "Continue"/"Send" button. Returns true when it changed state.
bool phoneSubmit(PhonePractice& phone, std::uint64_t otpSeed);
// One phone screen back; false when already on the first, so the lesson steps back instead.
bool phoneBack(PhonePractice& phone);
// How many digits the current phone screen takes (0 on the SMS and done screens).
std::size_t phoneDigitsWanted(PhoneScreen screen);

// The video player's buttons.
enum class VideoCommand { Play, Pause, Replay };

struct LessonSession {
    std::string lessonId; // empty: no lesson open
    std::size_t step = 0;
    PhonePractice phone;                   // for a practice_phone step
    std::optional<std::size_t> quizChoice; // for a quiz step: the answer picked last
    bool completed = false;                // the resident reached the end (logged once)
    bool watchingVideo = false;            // the step's video guide fills the screen

    bool active() const { return !lessonId.empty(); }
    void wipe();
};

// Whether the step's "Next" may be pressed: practice done, quiz answered, reading always.
bool canGoNext(const LessonSession& session, const Lesson& lesson);
// Whether the last quiz answer was the right one (false before any answer).
bool quizAnsweredRight(const LessonSession& session, const Lesson& lesson);

} // namespace kiosk
