// Reader quirk table: values from LudovicRousseau/CCID readers/*.txt, src/ccid_usb.c, src/ccid.c
// (chip-id.md §3). Timeout multipliers checked against ccid_open_hack_pre() in src/ccid.c.
#include "drivers/card_reader/reader_quirks.hpp"

#include <array>

namespace kiosk {
namespace {

constexpr std::array<ReaderQuirk, 14> kQuirks{{
    {0x072F, 0x223E, "ACS ACR1252U", ReaderSupport::Recommended, 1, kAnyInterface,
     "extended APDU, 522-byte messages"},
    {0x072F, 0x223B, "ACS ACR1252 Dual", ReaderSupport::Works, 1, 0,
     "interface 0 is the contactless one; interface 1 is the SAM slot"},
    {0x072F, 0x2200, "ACS ACR122U", ReaderSupport::Avoid, 10, kAnyInterface,
     "short APDU only; firmware below 2.06 answers 6300 to 0x7B-byte reads; GetSlotStatus takes "
     "up to 1 s without a tag (libccid: timeout x10); unsupported by libccid"},
    {0x04E6, 0x5790, "Identiv uTrust 3700 F", ReaderSupport::Recommended, 4, kAnyInterface,
     "extended APDU, 1034-byte messages; slow answers (libccid raises the read timeout x4)"},
    {0x04E6, 0x5791, "Identiv uTrust 3701 F", ReaderSupport::Recommended, 4, kAnyInterface,
     "extended APDU, 1034-byte messages; slow answers (libccid raises the read timeout x4)"},
    {0x04E6, 0x5724, "Identiv uTrust 4701 F", ReaderSupport::Works, 4, kAnyInterface,
     "slow answers (libccid raises the read timeout x4)"},
    {0x04E6, 0x5612, "Identiv uTrust 3720", ReaderSupport::Works, 1, kAnyInterface,
     "short APDU only"},
    {0x04E6, 0x5293, "SCM SCL011", ReaderSupport::Works, 4, kAnyInterface,
     "extended APDU, 262-byte messages; needs 350 ms to answer (libccid: timeout x4)"},
    {0x096E, 0x0608, "Feitian R502-CL", ReaderSupport::Works, 1, kAnyInterface,
     "extended APDU, 271-byte messages"},
    {0x076B, 0x5022, "HID OMNIKEY 5022", ReaderSupport::Recommended, 1, kAnyInterface,
     "extended APDU, 520-byte messages"},
    {0x076B, 0x5422, "HID OMNIKEY 5422", ReaderSupport::Works, 1, 0,
     "interface 0 is contactless (\"5422CL\"), interface 1 contact"},
    // Security tokens that show a CCID interface beside (or instead of) a keyboard.
    {0x1050, 0x0407, "Yubico YubiKey OTP+FIDO+CCID", ReaderSupport::NotReader, 1, kAnyInterface,
     "a security token, not a card reader"},
    {0x1050, 0x0406, "Yubico YubiKey FIDO+CCID", ReaderSupport::NotReader, 1, kAnyInterface,
     "a security token, not a card reader"},
    {0x096E, 0x0807, "Feitian ePass2003", ReaderSupport::NotReader, 1, kAnyInterface,
     "a security token, not a card reader"},
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

CcidTimeouts ccidTimeoutsFor(std::uint16_t vendorId, std::uint16_t productId) {
    CcidTimeouts timeouts;
    if (const ReaderQuirk* quirk = findReaderQuirk(vendorId, productId)) {
        timeouts.read *= quirk->readTimeoutMultiplier;
    }
    return timeouts;
}

} // namespace kiosk
