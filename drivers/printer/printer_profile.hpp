// Printer models as data: paper width, band height, cutter and status quirks (no code per model).
#pragma once

#include "drivers/printer/escpos_encoder.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace kiosk {

enum class CutSupport { FullAndPartial, FullOnly, None };
enum class StatusSupport { RealTime, None }; // DLE EOT answered on the IN endpoint, or not at all

struct PrinterProfile {
    std::string_view id;          // config value [devices] printer_profile
    std::string_view displayName; // shown to maintainers
    int widthDots;                // printable width at 203 dpi
    // Rows per GS v 0 command: small enough for the printer's receive buffer (escpos.md §1.2).
    int bandHeight;
    CutSupport cut;
    StatusSupport status;
    bool nativeQr;             // GS ( k understood
    std::size_t maxWriteSlice; // bytes per bulk OUT call, each with its own timeout
    int feedLinesBeforeCut;    // the cutter sits above the head: feed the last line past it
    std::uint16_t vendorId;    // 0 = any; only used to rank matches, never to exclude
    // Substring of the IEEE 1284 MDL: field that identifies this model; empty = never matched.
    std::string_view modelMatch;
};

std::span<const PrinterProfile> printerProfiles();
const PrinterProfile* findPrinterProfile(std::string_view id);
// The profile for a device: its 1284 model first, else the fallback (the configured profile).
const PrinterProfile& profileForDevice(std::string_view ieee1284Model, std::uint16_t vendorId,
                                       const PrinterProfile& fallback);

} // namespace kiosk
