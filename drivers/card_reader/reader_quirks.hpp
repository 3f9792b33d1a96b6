// Known CCID reader quirks as data (after libccid's readers/ notes), looked up by USB id.
#pragma once

#include <cstdint>
#include <string_view>

namespace kiosk {

enum class ReaderSupport {
    Recommended, // APDU-level, extended length, tested by libccid
    Works,
    Avoid, // listed unsupported by libccid or known to break ICAO reads
};

struct ReaderQuirk {
    std::uint16_t vendorId;
    std::uint16_t productId;
    std::string_view model;
    ReaderSupport support;
    // Slow readers answer after libccid's default 3 s read timeout; the timeout is multiplied.
    int readTimeoutMultiplier;
    std::string_view note;
};

// The quirk row for a reader, or nullptr when nothing special is known.
const ReaderQuirk* findReaderQuirk(std::uint16_t vendorId, std::uint16_t productId);

} // namespace kiosk
