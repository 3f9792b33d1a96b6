// The table of known receipt printer models and their quirks.
#include "drivers/printer/printer_profile.hpp"

#include <array>

namespace kiosk {
namespace {

// 203 dpi = 8 dots/mm. 58 mm rolls print 48 mm = 384 dots; 80 mm rolls print 72 mm = 576 dots
// (escpos-printer-db POS-5890 and TM-T20II profiles, escpos.md §1.7).
constexpr std::uint16_t kEpson = 0x04B8;

constexpr std::array<PrinterProfile, 6> kProfiles{{
    // Unknown 58 mm clones: small receive buffers, so short bands (DantSu splits at 256 rows,
    // panjjo/escpos #1 saw timeouts above ~400 rows on 58 mm) and small slices.
    {"generic-58", "Generic 58 mm ESC/POS", 384, 128, CutSupport::FullAndPartial,
     StatusSupport::RealTime, false, 4096, 4, 0, ""},
    {"generic-80", "Generic 80 mm ESC/POS", 576, 256, CutSupport::FullAndPartial,
     StatusSupport::RealTime, false, 8192, 4, 0, ""},
    // Epson TM-T20 family: good buffers ("1024 ideally" on TM-T82III, ESC-POS-.NET #201).
    {"epson-tm-t20", "Epson TM-T20", 576, 1024, CutSupport::FullAndPartial, StatusSupport::RealTime,
     true, 16384, 3, kEpson, "TM-T20"},
    {"epson-tm-t82", "Epson TM-T82", 576, 1024, CutSupport::FullAndPartial, StatusSupport::RealTime,
     true, 16384, 3, kEpson, "TM-T82"},
    // Xprinter reuses OEM controllers: paper sensors unreliable, partial cut often missing.
    {"xprinter-58", "Xprinter 58 mm", 384, 128, CutSupport::FullOnly, StatusSupport::None, false,
     2048, 4, 0, "XP-58"},
    {"xprinter-80", "Xprinter 80 mm", 576, 256, CutSupport::FullOnly, StatusSupport::None, false,
     4096, 4, 0, "XP-80"},
}};

} // namespace

std::span<const PrinterProfile> printerProfiles() {
    return kProfiles;
}

const PrinterProfile* findPrinterProfile(std::string_view id) {
    for (const auto& profile : kProfiles) {
        if (profile.id == id) {
            return &profile;
        }
    }
    return nullptr;
}

const PrinterProfile& profileForDevice(std::string_view ieee1284Model, std::uint16_t vendorId,
                                       const PrinterProfile& fallback) {
    if (!ieee1284Model.empty()) {
        for (const auto& profile : kProfiles) {
            if (!profile.modelMatch.empty() &&
                ieee1284Model.find(profile.modelMatch) != std::string_view::npos &&
                (profile.vendorId == 0 || profile.vendorId == vendorId)) {
                return profile;
            }
        }
    }
    return fallback;
}

} // namespace kiosk
