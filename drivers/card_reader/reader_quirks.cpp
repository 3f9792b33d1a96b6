// Reader quirk table: values from LudovicRousseau/CCID readers/*.txt, src/ccid_usb.c, src/ccid.c
// (chip-id.md §3).
#include "drivers/card_reader/reader_quirks.hpp"

#include <array>

namespace kiosk {
namespace {

constexpr std::array<ReaderQuirk, 10> kQuirks{{
    {0x072F, 0x223E, "ACS ACR1252U", ReaderSupport::Recommended, 1,
     "extended APDU, 522-byte messages"},
    {0x072F, 0x223B, "ACS ACR1252 Dual", ReaderSupport::Works, 1,
     "interface 0 is the contactless one; interface 1 is the SAM slot"},
    {0x072F, 0x2200, "ACS ACR122U", ReaderSupport::Avoid, 1,
     "short APDU only; firmware below 2.06 answers 6300 to 0x7B-byte reads; slow GetSlotStatus "
     "without a card; unsupported by libccid"},
    {0x04E6, 0x5790, "Identiv uTrust 3700 F", ReaderSupport::Recommended, 4,
     "extended APDU, 1034-byte messages; slow answers (libccid raises the read timeout x4)"},
    {0x04E6, 0x5791, "Identiv uTrust 3701 F", ReaderSupport::Recommended, 4,
     "extended APDU, 1034-byte messages; slow answers (libccid raises the read timeout x4)"},
    {0x04E6, 0x5612, "Identiv uTrust 3720", ReaderSupport::Works, 1, "short APDU only"},
    {0x04E6, 0x5293, "SCM SCL011", ReaderSupport::Works, 1, "extended APDU, 262-byte messages"},
    {0x096E, 0x0608, "Feitian R502-CL", ReaderSupport::Works, 1,
     "extended APDU, 271-byte messages"},
    {0x076B, 0x5022, "HID OMNIKEY 5022", ReaderSupport::Recommended, 1,
     "extended APDU, 520-byte messages"},
    {0x076B, 0x5422, "HID OMNIKEY 5422", ReaderSupport::Works, 1,
     "interface 0 is contactless, interface 1 contact"},
}};

} // namespace

const ReaderQuirk* findReaderQuirk(std::uint16_t vendorId, std::uint16_t productId) {
    for (const auto& quirk : kQuirks) {
        if (quirk.vendorId == vendorId && quirk.productId == productId) {
            return &quirk;
        }
    }
    return nullptr;
}

} // namespace kiosk
