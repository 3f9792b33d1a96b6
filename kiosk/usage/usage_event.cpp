// Validation of usage event values and the event factories.
#include "kiosk/usage/usage_event.hpp"

#include <openssl/rand.h>

namespace kiosk {
namespace {

bool isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}
bool isHexLower(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'f');
}

// Screen names are compile-time tokens; this only checks the shape for validateUsageEvent.
bool isScreenName(std::string_view text) {
    if (text.empty() || text.size() > 40) {
        return false;
    }
    for (char c : text) {
        if (!isLower(c) && c != '_') {
            return false;
        }
    }
    return true;
}

} // namespace

DurationBucket durationBucket(std::chrono::seconds duration) {
    auto minutes = duration.count() / 60.0;
    if (minutes < 1) {
        return DurationBucket::UnderOneMinute;
    }
    if (minutes < 3) {
        return DurationBucket::OneToThreeMinutes;
    }
    if (minutes < 5) {
        return DurationBucket::ThreeToFiveMinutes;
    }
    if (minutes < 10) {
        return DurationBucket::FiveToTenMinutes;
    }
    if (minutes < 20) {
        return DurationBucket::TenToTwentyMinutes;
    }
    if (minutes < 40) {
        return DurationBucket::TwentyToFortyMinutes;
    }
    return DurationBucket::OverFortyMinutes;
}

std::string_view durationBucketName(DurationBucket bucket) {
    switch (bucket) {
    case DurationBucket::UnderOneMinute:
        return "under_1_min";
    case DurationBucket::OneToThreeMinutes:
        return "1_to_3_min";
    case DurationBucket::ThreeToFiveMinutes:
        return "3_to_5_min";
    case DurationBucket::FiveToTenMinutes:
        return "5_to_10_min";
    case DurationBucket::TenToTwentyMinutes:
        return "10_to_20_min";
    case DurationBucket::TwentyToFortyMinutes:
        return "20_to_40_min";
    case DurationBucket::OverFortyMinutes:
        return "over_40_min";
    }
    return "unknown";
}

std::string_view cardFailureName(CardFailure failure) {
    switch (failure) {
    case CardFailure::None:
        return "ok";
    case CardFailure::NoCard:
        return "no_card";
    case CardFailure::CardRemoved:
        return "card_removed";
    case CardFailure::AccessDenied:
        return "access_denied";
    case CardFailure::CommunicationError:
        return "communication_error";
    case CardFailure::UnsupportedCard:
        return "unsupported_card";
    case CardFailure::Timeout:
        return "timeout";
    case CardFailure::ReaderMissing:
        return "reader_missing";
    }
    return "unknown";
}

std::string_view dossierOutcomeName(DossierOutcome outcome) {
    switch (outcome) {
    case DossierOutcome::Submitted:
        return "submitted";
    case DossierOutcome::Queued:
        return "queued";
    case DossierOutcome::Failed:
        return "failed";
    }
    return "unknown";
}

std::string_view usageDeviceName(UsageDevice device) {
    switch (device) {
    case UsageDevice::Printer:
        return "printer";
    case UsageDevice::CardReader:
        return "card_reader";
    case UsageDevice::Network:
        return "network";
    case UsageDevice::Touchscreen:
        return "touchscreen";
    case UsageDevice::Storage:
        return "storage";
    }
    return "unknown";
}

std::string_view faultCategoryName(FaultCategory fault) {
    switch (fault) {
    case FaultCategory::Disconnected:
        return "disconnected";
    case FaultCategory::PaperOut:
        return "paper_out";
    case FaultCategory::CoverOpen:
        return "cover_open";
    case FaultCategory::Jammed:
        return "jammed";
    case FaultCategory::Timeout:
        return "timeout";
    case FaultCategory::ProtocolError:
        return "protocol_error";
    case FaultCategory::Other:
        return "other";
    }
    return "unknown";
}

bool ProcedureCode::isValid(std::string_view text) {
    if (text.size() != 8 || !isAsciiDigit(text[0]) || text[1] != '.') {
        return false;
    }
    for (std::size_t i = 2; i < text.size(); ++i) {
        if (!isAsciiDigit(text[i])) {
            return false;
        }
    }
    return true;
}

Result<ProcedureCode> ProcedureCode::parse(std::string_view text) {
    if (!isValid(text)) {
        return makeError("usage.bad_procedure_code",
                         "a procedure code is one digit, a dot and six digits (e.g. 1.001193)");
    }
    return ProcedureCode(std::string(text));
}

bool LessonId::isValid(std::string_view text) {
    // word ('-' word)* '-' digits, words 2-16 lowercase letters, 2-3 digits, at most 48 bytes.
    if (text.size() > 48) {
        return false;
    }
    auto dash = text.rfind('-');
    if (dash == std::string_view::npos) {
        return false;
    }
    std::string_view number = text.substr(dash + 1);
    if (number.size() < 2 || number.size() > 3) {
        return false;
    }
    for (char c : number) {
        if (!isAsciiDigit(c)) {
            return false;
        }
    }
    std::string_view words = text.substr(0, dash);
    std::size_t wordLength = 0;
    for (std::size_t i = 0; i <= words.size(); ++i) {
        if (i == words.size() || words[i] == '-') {
            if (wordLength < 2 || wordLength > 16) {
                return false;
            }
            wordLength = 0;
        } else if (isLower(words[i])) {
            ++wordLength;
        } else {
            return false;
        }
    }
    return true;
}

Result<LessonId> LessonId::parse(std::string_view text) {
    if (!isValid(text)) {
        return makeError("usage.bad_lesson_id",
                         "a lesson id is lowercase words joined by '-' ending in a 2-3 digit "
                         "number (e.g. vneid-01)");
    }
    return LessonId(std::string(text));
}

bool VolunteerCode::isValid(std::string_view text) {
    if (text.size() != 12 || text.substr(0, 4) != "vol-") {
        return false;
    }
    for (std::size_t i = 4; i < text.size(); ++i) {
        if (!isHexLower(text[i])) {
            return false;
        }
    }
    return true;
}

Result<VolunteerCode> VolunteerCode::parse(std::string_view text) {
    if (!isValid(text)) {
        return makeError("usage.bad_volunteer_code",
                         "a volunteer code is \"vol-\" and 8 lowercase hex digits");
    }
    return VolunteerCode(std::string(text));
}

Result<Rating> Rating::make(int value, int scale) {
    if (scale < 2 || scale > 10) {
        return makeError("usage.bad_rating_scale", "a rating scale has 2 to 10 steps");
    }
    if (value < 1 || value > scale) {
        return makeError("usage.bad_rating",
                         "a rating is from 1 to " + std::to_string(scale) + " on this scale");
    }
    return Rating(value, scale);
}

Result<UsageSessionId> newUsageSessionId() {
    UsageSessionId id;
    if (RAND_bytes(id.bytes.data(), static_cast<int>(id.bytes.size())) != 1) {
        return makeError("usage.no_entropy", "OpenSSL RAND_bytes could not produce a session id");
    }
    return id;
}

bool UsageSession::firstVisit(Screen screen) {
    auto bit = std::uint64_t{1} << static_cast<unsigned>(screen);
    bool first = (screensReached & bit) == 0;
    screensReached |= bit;
    return first;
}

UsageEvent UsageEvent::sessionStarted(const UsageSession& session, Language language) {
    return UsageEvent(session.id, UsageKind::SessionStarted, std::string(languageCode(language)), 0,
                      0, session.assisted);
}

UsageEvent UsageEvent::sessionEnded(const UsageSession& session, std::chrono::seconds duration) {
    return UsageEvent(session.id, UsageKind::SessionEnded, "", 0,
                      static_cast<int>(durationBucket(duration)), session.assisted);
}

UsageEvent UsageEvent::screenReached(const UsageSession& session, Screen screen) {
    return UsageEvent(session.id, UsageKind::ScreenReached, std::string(screenName(screen).text()),
                      0, 0, session.assisted);
}

UsageEvent UsageEvent::procedureChosen(const UsageSession& session, const ProcedureCode& code) {
    return UsageEvent(session.id, UsageKind::ProcedureChosen, code.text(), 0, 0, session.assisted);
}

UsageEvent UsageEvent::cardRead(const UsageSession& session, CardFailure failure) {
    return UsageEvent(session.id, UsageKind::CardRead, "", static_cast<int>(failure), 0,
                      session.assisted);
}

UsageEvent UsageEvent::dossier(const UsageSession& session, const ProcedureCode& code,
                               DossierOutcome outcome) {
    return UsageEvent(session.id, UsageKind::Dossier, code.text(), static_cast<int>(outcome), 0,
                      session.assisted);
}

UsageEvent UsageEvent::receipt(const UsageSession& session, ReceiptOutcome outcome) {
    return UsageEvent(session.id, UsageKind::Receipt, "", static_cast<int>(outcome), 0,
                      session.assisted);
}

UsageEvent UsageEvent::lessonCompleted(const UsageSession& session, const LessonId& lesson) {
    return UsageEvent(session.id, UsageKind::LessonCompleted, lesson.text(), 0, 0,
                      session.assisted);
}

UsageEvent UsageEvent::satisfaction(const UsageSession& session, Rating rating) {
    return UsageEvent(session.id, UsageKind::Satisfaction, "", rating.scale(), rating.value(),
                      session.assisted);
}

UsageEvent UsageEvent::volunteerAssisted(const UsageSession& session, const VolunteerCode& code) {
    return UsageEvent(session.id, UsageKind::VolunteerAssisted, code.text(), 0, 0, Assisted::Yes);
}

UsageEvent UsageEvent::deviceFault(UsageDevice device, FaultCategory fault) {
    return UsageEvent(UsageSessionId{}, UsageKind::DeviceFault,
                      std::string(usageDeviceName(device)), static_cast<int>(fault), 0,
                      Assisted::No);
}

Status validateUsageEvent(const UsageEvent& event) {
    auto bad = [](std::string what) { return makeError("usage.malformed_event", std::move(what)); };
    if (event.assisted() != Assisted::No && event.assisted() != Assisted::Yes) {
        return bad("assisted flag out of range");
    }
    const std::string& code = event.code();
    switch (event.kind()) {
    case UsageKind::SessionStarted:
        if (!parseLanguage(code)) {
            return bad("session start without a language code");
        }
        return ok();
    case UsageKind::SessionEnded:
        if (!code.empty() || event.value() < 0 || event.value() >= kDurationBucketCount) {
            return bad("session end with a bad duration bucket");
        }
        return ok();
    case UsageKind::ScreenReached:
        if (!isScreenName(code)) {
            return bad("screen event without a screen name");
        }
        return ok();
    case UsageKind::ProcedureChosen:
        if (!ProcedureCode::isValid(code)) {
            return bad("procedure event without a procedure code");
        }
        return ok();
    case UsageKind::CardRead:
        if (!code.empty() || event.outcome() < 0 || event.outcome() > kCardFailureLast) {
            return bad("card read with a bad reason");
        }
        return ok();
    case UsageKind::Dossier:
        if (!ProcedureCode::isValid(code) || event.outcome() < 0 || event.outcome() > 2) {
            return bad("dossier event with a bad procedure code or outcome");
        }
        return ok();
    case UsageKind::Receipt:
        if (!code.empty() || event.outcome() < 0 || event.outcome() > 1) {
            return bad("receipt event with a bad outcome");
        }
        return ok();
    case UsageKind::LessonCompleted:
        if (!LessonId::isValid(code)) {
            return bad("lesson event without a lesson id");
        }
        return ok();
    case UsageKind::Satisfaction:
        if (!code.empty() || event.outcome() < 2 || event.outcome() > 10 || event.value() < 1 ||
            event.value() > event.outcome()) {
            return bad("rating outside its scale");
        }
        return ok();
    case UsageKind::VolunteerAssisted:
        if (!VolunteerCode::isValid(code)) {
            return bad("volunteer event without a volunteer code");
        }
        return ok();
    case UsageKind::DeviceFault: {
        bool knownDevice = false;
        for (int device = 0; device <= kUsageDeviceLast; ++device) {
            knownDevice = knownDevice || code == usageDeviceName(static_cast<UsageDevice>(device));
        }
        if (!knownDevice || event.outcome() < 0 || event.outcome() > kFaultCategoryLast) {
            return bad("device fault with an unknown device or category");
        }
        return ok();
    }
    }
    return bad("unknown event kind");
}

} // namespace kiosk
