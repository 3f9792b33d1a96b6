// Stable names of card reader states for logs.
#include "drivers/card_reader/reader_state.hpp"

namespace kiosk {

std::string_view readerStateName(ReaderState state) {
    switch (state) {
    case ReaderState::Unknown:
        return "unknown";
    case ReaderState::NoCard:
        return "no_card";
    case ReaderState::CardPresent:
        return "card_present";
    case ReaderState::Error:
        return "error";
    case ReaderState::Disconnected:
        return "disconnected";
    }
    return "unknown";
}

} // namespace kiosk
