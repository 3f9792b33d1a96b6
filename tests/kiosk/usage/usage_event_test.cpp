// The usage event API: only pattern-checked codes and in-range categories get in.
#include "kiosk/usage/usage_event.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("a procedure code must look like a mã TTHC, never like a name", "[usage]") {
    CHECK(ProcedureCode::parse("1.001193").ok());
    CHECK(ProcedureCode::parse("2.000528")->text() == "2.000528");
    for (const char* bad : {"", "Nguyễn Văn An", "1.00119", "1.0011930", "12.001193", "1,001193",
                            "1.00119a", " 1.001193", "1.001193 ", "a.001193", "1-001193"}) {
        INFO(bad);
        auto code = ProcedureCode::parse(bad);
        REQUIRE_FALSE(code.ok());
        CHECK(code.error().code == "usage.bad_procedure_code");
    }
}

TEST_CASE("a lesson id is lowercase words ending in a number", "[usage]") {
    CHECK(LessonId::parse("vneid-01").ok());
    CHECK(LessonId::parse("cash-free-payment-02").ok());
    CHECK(LessonId::parse("vneid-123").ok());
    for (const char* bad : {"", "Nguyen Van An", "nguyen-van-an", "vneid-1", "vneid-1234",
                            "VNEID-01", "v-01", "vneid01", "-01", "vneid--01", "vnéid-01",
                            "vneid-01 ", "0912345678", "abcdefghijklmnopq-01"}) {
        INFO(bad);
        CHECK_FALSE(LessonId::parse(bad).ok());
    }
}

TEST_CASE("a volunteer code is vol- and eight hex digits", "[usage]") {
    CHECK(VolunteerCode::parse("vol-0a1b2c3d").ok());
    for (const char* bad : {"", "vol-0A1B2C3D", "vol-0a1b2c3", "vol-0a1b2c3d4", "Chị Lan",
                            "vol-0a1b2c3g", "VOL-0a1b2c3d"}) {
        INFO(bad);
        CHECK_FALSE(VolunteerCode::parse(bad).ok());
    }
}

TEST_CASE("a rating must lie on a scale of 2 to 10 steps", "[usage]") {
    CHECK(Rating::make(1, 5).ok());
    CHECK(Rating::make(5, 5).ok());
    CHECK(Rating::make(10, 10).ok());
    CHECK_FALSE(Rating::make(0, 5).ok());
    CHECK_FALSE(Rating::make(6, 5).ok());
    CHECK_FALSE(Rating::make(-1, 5).ok());
    CHECK_FALSE(Rating::make(1, 1).ok());
    CHECK_FALSE(Rating::make(3, 11).ok());
}

TEST_CASE("session ids are 128 random bits, fresh every time", "[usage]") {
    auto first = newUsageSessionId();
    auto second = newUsageSessionId();
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK_FALSE(*first == *second);
    CHECK_FALSE(*first == UsageSessionId{});
}

TEST_CASE("session durations are kept only as coarse buckets", "[usage]") {
    using std::chrono::seconds;
    CHECK(durationBucket(seconds(0)) == DurationBucket::UnderOneMinute);
    CHECK(durationBucket(seconds(59)) == DurationBucket::UnderOneMinute);
    CHECK(durationBucket(seconds(60)) == DurationBucket::OneToThreeMinutes);
    CHECK(durationBucket(seconds(299)) == DurationBucket::ThreeToFiveMinutes);
    CHECK(durationBucket(seconds(600)) == DurationBucket::TenToTwentyMinutes);
    CHECK(durationBucket(seconds(2399)) == DurationBucket::TwentyToFortyMinutes);
    CHECK(durationBucket(seconds(86400)) == DurationBucket::OverFortyMinutes);
}

TEST_CASE("each screen counts once per session", "[usage]") {
    UsageSession session;
    CHECK(session.firstVisit(Screen::ProcedureList));
    CHECK_FALSE(session.firstVisit(Screen::ProcedureList));
    CHECK(session.firstVisit(Screen::Lessons));
}

TEST_CASE("well-formed events pass validation", "[usage]") {
    UsageSession session{*newUsageSessionId(), Assisted::Yes, 0};
    auto code = *ProcedureCode::parse("1.001193");
    CHECK(validateUsageEvent(UsageEvent::sessionStarted(session, Language::Vietnamese)).ok());
    CHECK(validateUsageEvent(UsageEvent::sessionEnded(session, std::chrono::seconds(200))).ok());
    CHECK(validateUsageEvent(UsageEvent::screenReached(session, Screen::ProcedureInfo)).ok());
    CHECK(validateUsageEvent(UsageEvent::procedureChosen(session, code)).ok());
    CHECK(validateUsageEvent(UsageEvent::cardRead(session, CardFailure::AccessDenied)).ok());
    CHECK(validateUsageEvent(UsageEvent::dossier(session, code, DossierOutcome::Queued)).ok());
    CHECK(validateUsageEvent(UsageEvent::receipt(session, ReceiptOutcome::Failed)).ok());
    CHECK(validateUsageEvent(UsageEvent::lessonCompleted(session, *LessonId::parse("vneid-01")))
              .ok());
    CHECK(validateUsageEvent(UsageEvent::satisfaction(session, *Rating::make(4, 5))).ok());
    CHECK(validateUsageEvent(
              UsageEvent::volunteerAssisted(session, *VolunteerCode::parse("vol-00ff00ff")))
              .ok());
    CHECK(validateUsageEvent(UsageEvent::deviceFault(UsageDevice::Printer, FaultCategory::PaperOut))
              .ok());
}

TEST_CASE("events built from out-of-range categories are rejected", "[usage]") {
    UsageSession session{*newUsageSessionId(), Assisted::No, 0};
    auto code = *ProcedureCode::parse("1.001193");
    CHECK_FALSE(
        validateUsageEvent(UsageEvent::cardRead(session, static_cast<CardFailure>(42))).ok());
    CHECK_FALSE(
        validateUsageEvent(UsageEvent::dossier(session, code, static_cast<DossierOutcome>(3)))
            .ok());
    CHECK_FALSE(
        validateUsageEvent(UsageEvent::receipt(session, static_cast<ReceiptOutcome>(-1))).ok());
    CHECK_FALSE(validateUsageEvent(
                    UsageEvent::deviceFault(static_cast<UsageDevice>(9), FaultCategory::Other))
                    .ok());
    CHECK_FALSE(validateUsageEvent(
                    UsageEvent::deviceFault(UsageDevice::Printer, static_cast<FaultCategory>(77)))
                    .ok());
    UsageSession strange{*newUsageSessionId(), static_cast<Assisted>(2), 0};
    auto malformed = validateUsageEvent(UsageEvent::sessionStarted(strange, Language::English));
    REQUIRE_FALSE(malformed.ok());
    CHECK(malformed.error().code == "usage.malformed_event");
}
