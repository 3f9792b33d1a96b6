// The simulated phone rehearsal and the step rules, as pure state.
#include "kiosk/lesson/lesson_session.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

void type(PhonePractice& phone, const std::string& digits) {
    for (char c : digits) {
        phoneKey(phone, c);
    }
}

} // namespace

TEST_CASE("the practice phone walks from ID number to a confirmed passcode", "[lesson]") {
    PhonePractice phone;
    type(phone, kPracticeIdNumber);
    REQUIRE(phoneSubmit(phone, 42));
    REQUIRE(phone.screen == PhoneScreen::SmsArrived);
    CHECK(phone.otp == makePracticeOtp(42));
    CHECK(phone.otp.size() == kPracticeOtpDigits);
    CHECK(phone.typed.empty()); // the ID number is not kept once sent
    phoneSubmit(phone, 42);
    REQUIRE(phone.screen == PhoneScreen::EnterOtp);
    type(phone, phone.otp);
    phoneSubmit(phone, 42);
    REQUIRE(phone.screen == PhoneScreen::SetPasscode);
    type(phone, "246810");
    phoneSubmit(phone, 42);
    REQUIRE(phone.screen == PhoneScreen::ConfirmPasscode);
    type(phone, "246810");
    phoneSubmit(phone, 42);
    CHECK(phone.screen == PhoneScreen::Done);
    CHECK(phone.passcode.empty());
}

TEST_CASE("the practice phone refuses a short ID number and a wrong code kindly", "[lesson]") {
    PhonePractice phone;
    type(phone, "0010");
    phoneSubmit(phone, 7);
    CHECK(phone.screen == PhoneScreen::EnterId);
    CHECK(phone.problem == PhoneProblem::IdTooShort);
    type(phone, "99012345");
    CHECK(phone.problem == PhoneProblem::None); // typing again clears the message
    phoneSubmit(phone, 7);
    phoneSubmit(phone, 7);
    std::string wrong = phone.otp;
    wrong[0] = wrong[0] == '0' ? '1' : '0';
    type(phone, wrong);
    phoneSubmit(phone, 7);
    CHECK(phone.screen == PhoneScreen::EnterOtp);
    CHECK(phone.problem == PhoneProblem::WrongOtp);
    CHECK(phone.typed.empty());
}

TEST_CASE("two different passcodes start the passcode over", "[lesson]") {
    PhonePractice phone;
    phone.screen = PhoneScreen::SetPasscode;
    type(phone, "111111");
    phoneSubmit(phone, 1);
    type(phone, "111112");
    phoneSubmit(phone, 1);
    CHECK(phone.screen == PhoneScreen::SetPasscode);
    CHECK(phone.problem == PhoneProblem::PasscodeMismatch);
    CHECK(phone.passcode.empty());
}

TEST_CASE("the phone pad takes digits only, up to the screen's length, and deletes", "[lesson]") {
    PhonePractice phone;
    phone.screen = PhoneScreen::EnterOtp;
    CHECK_FALSE(phoneKey(phone, 'a'));
    type(phone, "12345678");
    CHECK(phone.typed == "123456");
    CHECK(phoneKey(phone, kPhoneDelete));
    CHECK(phone.typed == "12345");
    phone.screen = PhoneScreen::SmsArrived;
    CHECK_FALSE(phoneKey(phone, '1')); // no pad on the message screen
}

TEST_CASE("Back on the phone returns one phone screen at a time", "[lesson]") {
    PhonePractice phone;
    type(phone, kPracticeIdNumber);
    phoneSubmit(phone, 3);
    phoneSubmit(phone, 3);
    REQUIRE(phone.screen == PhoneScreen::EnterOtp);
    CHECK(phoneBack(phone));
    CHECK(phone.screen == PhoneScreen::SmsArrived);
    CHECK(phoneBack(phone));
    CHECK(phone.screen == PhoneScreen::EnterId);
    CHECK(phone.otp.empty());
    CHECK_FALSE(phoneBack(phone));
}

TEST_CASE("practice codes differ from one rehearsal to the next", "[lesson]") {
    CHECK(makePracticeOtp(1) != makePracticeOtp(2));
    CHECK(makePracticeOtp(1) == makePracticeOtp(1));
}

TEST_CASE("wiping a lesson overwrites the practice digits", "[lesson]") {
    LessonSession session;
    session.lessonId = "vneid-activation-01";
    session.phone.screen = PhoneScreen::EnterOtp;
    session.phone.otp = "123456";
    session.phone.typed = "12";
    session.wipe();
    CHECK_FALSE(session.active());
    CHECK(session.phone.otp.empty());
    CHECK(session.phone.typed.empty());
    CHECK(session.phone.screen == PhoneScreen::EnterId);
}
