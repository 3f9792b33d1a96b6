// Typed usage events: the only values the anonymous usage log accepts, none of them free text.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/flow/screen.hpp"
#include "kiosk/i18n/language.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

// The numbers below are stored in the usage database and in exported reports: never renumber,
// only append.
enum class UsageKind : int {
    SessionStarted = 1,
    SessionEnded = 2,
    ScreenReached = 3,
    ProcedureChosen = 4,
    CardRead = 5,
    Dossier = 6,
    Receipt = 7,
    LessonCompleted = 8,
    Satisfaction = 9,
    DeviceFault = 10,
    VolunteerAssisted = 11,
};

enum class Assisted : int { No = 0, Yes = 1 };

// Session length is kept only as a coarse bucket: an exact duration plus a minute could help
// single out one visit.
enum class DurationBucket : int {
    UnderOneMinute = 0,
    OneToThreeMinutes = 1,
    ThreeToFiveMinutes = 2,
    FiveToTenMinutes = 3,
    TenToTwentyMinutes = 4,
    TwentyToFortyMinutes = 5,
    OverFortyMinutes = 6,
};
constexpr int kDurationBucketCount = 7;
DurationBucket durationBucket(std::chrono::seconds duration);
std::string_view durationBucketName(DurationBucket bucket);

// Why reading the chip ID card did not work, as a category (never the card's data).
enum class CardFailure : int {
    None = 0, // the read succeeded
    NoCard = 1,
    CardRemoved = 2,
    AccessDenied = 3, // BAC/PACE key (from the MRZ) refused
    CommunicationError = 4,
    UnsupportedCard = 5,
    Timeout = 6,
    ReaderMissing = 7,
};
constexpr int kCardFailureLast = 7;
std::string_view cardFailureName(CardFailure failure);

enum class DossierOutcome : int { Submitted = 0, Queued = 1, Failed = 2 };
std::string_view dossierOutcomeName(DossierOutcome outcome);

enum class ReceiptOutcome : int { Printed = 0, Failed = 1 };

enum class UsageDevice : int {
    Printer = 0,
    CardReader = 1,
    Network = 2,
    Touchscreen = 3,
    Storage = 4
};
constexpr int kUsageDeviceLast = 4;
std::string_view usageDeviceName(UsageDevice device);

enum class FaultCategory : int {
    Disconnected = 0,
    PaperOut = 1,
    CoverOpen = 2,
    Jammed = 3,
    Timeout = 4,
    ProtocolError = 5,
    Other = 6,
};
constexpr int kFaultCategoryLast = 6;
std::string_view faultCategoryName(FaultCategory fault);

// A procedure code from the national catalogue ("mã TTHC"), e.g. 1.001193: one digit, a dot,
// six digits. The strict shape means no name or other text can ever be passed in its place.
class ProcedureCode {
public:
    static Result<ProcedureCode> parse(std::string_view text);
    static bool isValid(std::string_view text);
    const std::string& text() const { return text_; }

private:
    explicit ProcedureCode(std::string text)
        : text_(std::move(text)) {}
    std::string text_;
};

// A lesson id from a content pack: lowercase words joined by '-', ending in a 2-3 digit number,
// e.g. "vneid-01" or "cash-free-payment-02". A person's name does not end in a number.
class LessonId {
public:
    static Result<LessonId> parse(std::string_view text);
    static bool isValid(std::string_view text);
    const std::string& text() const { return text_; }

private:
    explicit LessonId(std::string text)
        : text_(std::move(text)) {}
    std::string text_;
};

// A volunteer's pseudonymous id ("vol-" and 8 lowercase hex digits), never their name.
class VolunteerCode {
public:
    static Result<VolunteerCode> parse(std::string_view text);
    static bool isValid(std::string_view text);
    const std::string& text() const { return text_; }

private:
    explicit VolunteerCode(std::string text)
        : text_(std::move(text)) {}
    std::string text_;
};

// A satisfaction answer from 1 to `scale` (the survey's number of faces, 2 to 10).
class Rating {
public:
    static Result<Rating> make(int value, int scale);
    int value() const { return value_; }
    int scale() const { return scale_; }

private:
    Rating(int value, int scale)
        : value_(value)
        , scale_(scale) {}
    int value_;
    int scale_;
};

// 128 random bits naming one session; nothing links it to a person or to the next session.
struct UsageSessionId {
    std::array<std::uint8_t, 16> bytes{};
    bool operator==(const UsageSessionId&) const = default;
};

// Draws a fresh id from OpenSSL's RAND_bytes; fails only if the system has no entropy source.
Result<UsageSessionId> newUsageSessionId();

// What the flow keeps about the current session for the usage log.
struct UsageSession {
    UsageSessionId id;
    Assisted assisted = Assisted::No;
    std::uint64_t screensReached = 0; // bit per Screen, so each screen is counted once

    // True the first time `screen` is reached in this session (and remembers it).
    bool firstVisit(Screen screen);
};

// One event. Built only through the factories below, each taking validated types, so the
// `code` column can only ever hold a procedure code, lesson id, screen name, language code or
// volunteer code.
class UsageEvent {
public:
    static UsageEvent sessionStarted(const UsageSession& session, Language language);
    static UsageEvent sessionEnded(const UsageSession& session, std::chrono::seconds duration);
    static UsageEvent screenReached(const UsageSession& session, Screen screen);
    static UsageEvent procedureChosen(const UsageSession& session, const ProcedureCode& code);
    static UsageEvent cardRead(const UsageSession& session, CardFailure failure);
    static UsageEvent dossier(const UsageSession& session, const ProcedureCode& code,
                              DossierOutcome outcome);
    static UsageEvent receipt(const UsageSession& session, ReceiptOutcome outcome);
    static UsageEvent lessonCompleted(const UsageSession& session, const LessonId& lesson);
    static UsageEvent satisfaction(const UsageSession& session, Rating rating);
    // Only when `[assisted] count_per_volunteer` is on.
    static UsageEvent volunteerAssisted(const UsageSession& session, const VolunteerCode& code);
    // Faults can happen with nobody at the kiosk; they carry an all-zero session id.
    static UsageEvent deviceFault(UsageDevice device, FaultCategory fault);

    const UsageSessionId& session() const { return session_; }
    UsageKind kind() const { return kind_; }
    const std::string& code() const { return code_; }
    int outcome() const { return outcome_; }
    int value() const { return value_; }
    Assisted assisted() const { return assisted_; }

private:
    UsageEvent(const UsageSessionId& session, UsageKind kind, std::string code, int outcome,
               int value, Assisted assisted)
        : session_(session)
        , kind_(kind)
        , code_(std::move(code))
        , outcome_(outcome)
        , value_(value)
        , assisted_(assisted) {}

    UsageSessionId session_;
    UsageKind kind_;
    std::string code_;
    int outcome_;
    int value_;
    Assisted assisted_;
};

// Checks an event again before it is queued (an enum cast from a bad integer, a moved-from
// code): the usage log stores nothing it cannot explain.
Status validateUsageEvent(const UsageEvent& event);

} // namespace kiosk
