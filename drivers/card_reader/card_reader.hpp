// CardReader: a contactless reader in domain words (state, power, APDU exchange), whatever the bus.
#pragma once

#include "drivers/card_reader/reader_state.hpp"
#include "drivers/common/result.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <cstddef>
#include <span>

namespace kiosk {

// Error codes a CardReader reports in Error::code; readIdCard maps them to what the resident sees.
namespace card_error {
inline constexpr const char* kNoCard = "card.no_card";           // nothing on the reader
inline constexpr const char* kRemoved = "card.removed";          // card left mid-exchange
inline constexpr const char* kUnplugged = "card.unplugged";      // reader gone from the bus
inline constexpr const char* kTimeout = "card.timeout";          // reader or card did not answer
inline constexpr const char* kProtocol = "card.protocol";        // malformed frame from the reader
inline constexpr const char* kReaderError = "card.reader_error"; // reader reported a failure
inline constexpr const char* kUnsupported = "card.unsupported";  // reader cannot do what we need
} // namespace card_error

// What the reader can carry in one exchange; decides short vs extended APDUs and block sizes.
enum class ApduLevel { Short, Extended };

struct ReaderCapabilities {
    ApduLevel apduLevel = ApduLevel::Short;
    // Largest command or response APDU (including the status word) one exchange can carry.
    std::size_t maxApduLength = 261;
};

class CardReader {
public:
    virtual ~CardReader() = default;

    // Polls the reader (interrupt endpoint or slot status) and returns the current state.
    virtual ReaderState state() = 0;
    // Powers the card field on and returns the ATR (for contactless cards, the reader's
    // synthesised ATR per PC/SC part 3).
    virtual Result<Bytes> powerOn() = 0;
    // Sends one command APDU and returns the response APDU including SW1 SW2.
    virtual Result<Bytes> transmit(std::span<const std::uint8_t> commandApdu) = 0;
    virtual Status powerOff() = 0;
    virtual ReaderCapabilities capabilities() const = 0;
};

} // namespace kiosk
