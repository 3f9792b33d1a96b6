// Known CCID reader quirks as data (after libccid's readers/ notes), looked up by USB id.
#pragma once

#include "drivers/card_reader/ccid_reader.hpp"

#include <cstdint>
#include <string_view>

namespace kiosk {

enum class ReaderSupport {
    Recommended, // APDU-level, extended length, tested by libccid
    Works,
    Avoid,    // listed unsupported by libccid or known to break ICAO reads
    NotReader // a USB security token with a CCID interface: never the card reader
};

// Which interface of a multi-interface reader holds the contactless (PICC) slot.
inline constexpr int kAnyInterface = -1;

struct ReaderQuirk {
    std::uint16_t vendorId;
    std::uint16_t productId;
    std::string_view model;
    ReaderSupport support;
    // Slow readers answer after libccid's default 3 s read timeout; the timeout is multiplied
    // (libccid src/ccid.c ccid_open_hack_pre).
    int readTimeoutMultiplier;
    // The contactless interface; the others are contact or SAM slots (kAnyInterface: only one).
    int contactlessInterface;
    std::string_view note;
};

// The quirk row for a reader, or nullptr when nothing special is known.
const ReaderQuirk* findReaderQuirk(std::uint16_t vendorId, std::uint16_t productId);

// libccid's timeouts with the quirk table's multiplier applied.
CcidTimeouts ccidTimeoutsFor(std::uint16_t vendorId, std::uint16_t productId);

} // namespace kiosk
