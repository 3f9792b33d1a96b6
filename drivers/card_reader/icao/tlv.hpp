// BER-TLV (ISO/IEC 8825-1 as used by ICAO 9303-10 LDS files): parsing and encoding.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <span>
#include <vector>

namespace kiosk::icao {

struct Tlv {
    std::uint32_t tag = 0; // tag bytes as written, e.g. 0x5F1F, 0x7F49
    std::span<const std::uint8_t> value;
    std::size_t headerLength = 0; // tag + length bytes

    bool constructed() const;
    std::size_t totalLength() const { return headerLength + value.size(); }
};

// Reads one TLV at the start of `bytes`. Tags up to three bytes, definite lengths up to four
// bytes; anything else, or a length running past the end, is malformed ("tlv.*" codes).
Result<Tlv> parseTlv(std::span<const std::uint8_t> bytes);
// Reads consecutive TLVs filling `bytes` exactly (00/FF padding between objects is skipped).
Result<std::vector<Tlv>> parseTlvList(std::span<const std::uint8_t> bytes);
// The first child with `tag` inside a list, or nullptr.
const Tlv* findTlv(const std::vector<Tlv>& list, std::uint32_t tag);

Bytes encodeLength(std::size_t length);
Bytes encodeTlv(std::uint32_t tag, std::span<const std::uint8_t> value);

} // namespace kiosk::icao
