// The reader library's failure kinds mapped onto the kiosk's, and their names for logs.
#include "kiosk/idcard/card_read_failure.hpp"

#include "drivers/card_reader/icao/id_card_reader.hpp"

namespace kiosk {

CardReadFailure cardReadFailureOf(icao::ReadFailure failure) {
    switch (failure) {
    case icao::ReadFailure::NoCard:
        return CardReadFailure::NoCard;
    case icao::ReadFailure::WrongAccessKey:
        return CardReadFailure::WrongAccessKey;
    case icao::ReadFailure::CardRemoved:
        return CardReadFailure::CardRemoved;
    case icao::ReadFailure::ReaderUnplugged:
        return CardReadFailure::ReaderMissing;
    case icao::ReadFailure::Unsupported:
        return CardReadFailure::Unsupported;
    case icao::ReadFailure::NeedsMrzKey:
        return CardReadFailure::NeedsDates;
    case icao::ReadFailure::Malformed:
        break;
    }
    return CardReadFailure::Malformed;
}

std::string_view cardReadFailureName(CardReadFailure failure) {
    switch (failure) {
    case CardReadFailure::NoCard:
        return "no_card";
    case CardReadFailure::WrongAccessKey:
        return "wrong_key";
    case CardReadFailure::CardRemoved:
        return "card_removed";
    case CardReadFailure::ReaderMissing:
        return "reader_unplugged";
    case CardReadFailure::Unsupported:
        return "unsupported";
    case CardReadFailure::NeedsDates:
        return "needs_dates";
    case CardReadFailure::DataAltered:
        return "data_altered";
    case CardReadFailure::Malformed:
        break;
    }
    return "malformed";
}

} // namespace kiosk
