// The closed set of states a contactless card reader can be in, as the status bar shows them.
#pragma once

#include <string_view>

namespace kiosk {

enum class ReaderState {
    Unknown,
    NoCard, // reader connected and ready for a card
    CardPresent,
    Error,
    Disconnected,
};

std::string_view readerStateName(ReaderState state);

} // namespace kiosk
