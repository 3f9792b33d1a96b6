// ISO/IEC 7816-4 command and response APDUs: encoding, status words, GET RESPONSE and 6Cxx resend.
#pragma once

#include "drivers/card_reader/card_reader.hpp"

#include <optional>

namespace kiosk {

// ISO 7816-4 §5.1: Le = 256 (short) or 65536 (extended) is written as zero(s).
inline constexpr std::size_t kLeMaxShort = 256;
inline constexpr std::size_t kLeMaxExtended = 65536;

struct CommandApdu {
    std::uint8_t cla = 0;
    std::uint8_t ins = 0;
    std::uint8_t p1 = 0;
    std::uint8_t p2 = 0;
    Bytes data;
    std::optional<std::size_t> le; // absent: no response data expected

    // Short when both fit (Lc <= 255, Le <= 256), otherwise extended (§5.1, cases 1-4).
    bool needsExtended() const;
    Bytes encode() const;
};

// Status words this code reacts to (ISO 7816-4 §5.6 and ICAO 9303-11 §9.8.6).
namespace sw {
inline constexpr std::uint16_t kOk = 0x9000;
inline constexpr std::uint16_t kWrongLength = 0x6700;
inline constexpr std::uint16_t kSecurityNotSatisfied = 0x6982;
inline constexpr std::uint16_t kAuthenticationFailed = 0x6300;
inline constexpr std::uint16_t kSmDataMissing = 0x6987;
inline constexpr std::uint16_t kSmDataIncorrect = 0x6988;
inline constexpr std::uint16_t kFileNotFound = 0x6A82;
inline constexpr std::uint16_t kWrongP1P2 = 0x6B00;
inline constexpr std::uint16_t kInsNotSupported = 0x6D00;
inline constexpr std::uint16_t kClaNotSupported = 0x6E00;
inline constexpr std::uint16_t kEndOfFile = 0x6282;
} // namespace sw

struct ResponseApdu {
    Bytes data;
    std::uint16_t sw = 0;

    bool ok() const { return sw == sw::kOk; }
    std::uint8_t sw1() const { return static_cast<std::uint8_t>(sw >> 8); }
    std::uint8_t sw2() const { return static_cast<std::uint8_t>(sw & 0xFF); }
};

// Splits SW1 SW2 off the end; fewer than two bytes is a malformed answer.
Result<ResponseApdu> parseResponseApdu(std::span<const std::uint8_t> bytes);

// Sends `command` and follows the card's directions: 61xx -> GET RESPONSE until done (data
// concatenated), 6Cxx -> resend once with Le = xx (§5.3.4).
Result<ResponseApdu> exchangeApdu(CardReader& reader, const CommandApdu& command);

} // namespace kiosk
