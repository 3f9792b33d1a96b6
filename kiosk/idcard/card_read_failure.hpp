// Why a chip ID card read failed, as one closed set from the reader to the screen and the usage
// log; words only at the edges (cardReadFailureName, for logs and the demo's output).
#pragma once

#include <string_view>

namespace kiosk {

namespace icao {
enum class ReadFailure; // drivers/card_reader/icao/id_card_reader.hpp
}

enum class CardReadFailure {
    NoCard,
    WrongAccessKey, // the number (or the dates) typed does not open this card
    CardRemoved,
    ReaderMissing, // no reader configured, or it left the bus
    Unsupported,
    // Unreadable: never used for a dossier.
    Malformed,
    // A data group does not match its signed hash: not what the issuer wrote.
    DataAltered,
    // The card offers only BAC: the resident types the two dates, then it is read again.
    NeedsDates,
};

CardReadFailure cardReadFailureOf(icao::ReadFailure failure);
std::string_view cardReadFailureName(CardReadFailure failure);

} // namespace kiosk
