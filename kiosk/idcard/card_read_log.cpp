// Logging a chip ID card read with compile-time tokens only.
#include "kiosk/idcard/card_read_log.hpp"

namespace kiosk {
namespace {

LogToken failureToken(icao::ReadFailure failure) {
    switch (failure) {
    case icao::ReadFailure::NoCard:
        return LogToken("no_card");
    case icao::ReadFailure::WrongAccessKey:
        return LogToken("wrong_access_key");
    case icao::ReadFailure::CardRemoved:
        return LogToken("card_removed");
    case icao::ReadFailure::ReaderUnplugged:
        return LogToken("reader_unplugged");
    case icao::ReadFailure::Unsupported:
        return LogToken("unsupported");
    case icao::ReadFailure::Malformed:
        return LogToken("malformed");
    case icao::ReadFailure::NeedsMrzKey:
        return LogToken("needs_mrz_key");
    }
    return LogToken("malformed");
}

LogToken outcomeToken(icao::PassiveAuthOutcome outcome) {
    switch (outcome) {
    case icao::PassiveAuthOutcome::NotChecked:
        return LogToken("not_checked");
    case icao::PassiveAuthOutcome::Verified:
        return LogToken("verified");
    case icao::PassiveAuthOutcome::NotVerified:
        return LogToken("not_verified");
    case icao::PassiveAuthOutcome::UnknownIssuer:
        return LogToken("unknown_issuer");
    case icao::PassiveAuthOutcome::SignerRevoked:
        return LogToken("signer_revoked");
    }
    return LogToken("not_checked");
}

LogToken activeAuthToken(icao::ActiveAuthOutcome outcome) {
    switch (outcome) {
    case icao::ActiveAuthOutcome::NotOffered:
        return LogToken("not_offered");
    case icao::ActiveAuthOutcome::NotChecked:
        return LogToken("not_checked");
    case icao::ActiveAuthOutcome::Passed:
        return LogToken("passed");
    case icao::ActiveAuthOutcome::Failed:
        return LogToken("failed");
    }
    return LogToken("not_checked");
}

// The same words as icao::cardAuthenticityName, as tokens the log accepts.
LogToken authenticityToken(icao::CardAuthenticity authenticity) {
    switch (authenticity) {
    case icao::CardAuthenticity::Genuine:
        return LogToken("genuine");
    case icao::CardAuthenticity::IssuerSigned:
        return LogToken("issuer_signed");
    case icao::CardAuthenticity::ChipNotProven:
        return LogToken("chip_not_proven");
    case icao::CardAuthenticity::UnknownIssuer:
        return LogToken("unknown_issuer");
    case icao::CardAuthenticity::SignatureInvalid:
        return LogToken("signature_invalid");
    case icao::CardAuthenticity::DataAltered:
        return LogToken("data_altered");
    case icao::CardAuthenticity::SignerRevoked:
        return LogToken("signer_revoked");
    }
    return LogToken("signature_invalid");
}

} // namespace

void logCardRead(Logger& logger, const Result<icao::CardData>& result,
                 const icao::ReadStats& stats) {
    if (!result) {
        logger.log(LogEvent::IdCardReadFailed,
                   {{"reason", failureToken(icao::readFailureOf(result.error()))},
                    {"apdus", stats.apdus},
                    {"ms", stats.milliseconds}});
        return;
    }
    const auto& data = *result;
    logger.log(LogEvent::IdCardRead,
               {{"protocol",
                 data.access == icao::AccessProtocol::Pace ? LogToken("pace") : LogToken("bac")},
                {"passive_auth", outcomeToken(data.passiveAuth.outcome)},
                {"active_auth", activeAuthToken(data.activeAuth.outcome)},
                {"authenticity", authenticityToken(icao::cardAuthenticity(data))},
                {"personal_data", data.hasPersonalData},
                {"apdus", stats.apdus},
                {"bytes_sent", static_cast<std::int64_t>(stats.bytesSent)},
                {"bytes_received", static_cast<std::int64_t>(stats.bytesReceived)},
                {"ms", stats.milliseconds},
                {"attempts", stats.attempts}});
    if (data.passiveAuth.outcome == icao::PassiveAuthOutcome::NotVerified ||
        data.activeAuth.outcome == icao::ActiveAuthOutcome::Failed) {
        logger.log(LogEvent::IdCardNotAuthentic,
                   {{"signature_valid", data.passiveAuth.signatureValid},
                    {"hashes_match", data.passiveAuth.hashesMatch},
                    {"active_auth", activeAuthToken(data.activeAuth.outcome)}});
    }
}

} // namespace kiosk
