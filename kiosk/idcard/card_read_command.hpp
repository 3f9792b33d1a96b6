// `kioskctl card read`: reads a chip ID card and prints what was read, personal values masked.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace kiosk {

// Opens the first USB CCID reader (interface class 0x0B); supplied by the program so this code
// does not depend on libusb.
using UsbReaderOpener = std::function<Result<std::unique_ptr<UsbTransport>>()>;

// One `kioskctl card read` request, as the command line (kiosk/cli/kioskctl_cli.cpp) parsed it.
struct CardReadRequest {
    bool simulated = false; // simulated reader with a card profile
    std::string profile;    // PROFILE.json in `profiles` (empty: the first one), or a path
    std::filesystem::path profiles = std::filesystem::path(KIOSK_SOURCE_DIR) / "content" / "cards";
    std::string idNumber;        // access key for a real card: 12 digits
    std::string dateOfBirth;     // YYMMDD
    std::string dateOfExpiry;    // YYMMDD
    std::filesystem::path trust; // CSCA trust store (for --sim: the simulator's own CSCA)
    bool photo = false;          // also read DG2
    bool bacOnly = false;        // skip PACE even when the card offers it
    bool show = false;           // print personal values and file bytes unmasked
    // With --sim: "cloned-chip" (the chip signs with a key of its own), "no-active-auth" (the
    // chip refuses INTERNAL AUTHENTICATE) or "altered-data" (DG13 changed after signing).
    std::string simFault;
};

// Reads the card and prints what was read, personal values masked unless `show`. Returns the
// process exit code: 0 read, 1 failed, 2 a real card without a complete access key.
int runCardRead(const CardReadRequest& request, const UsbReaderOpener& openUsbReader,
                std::ostream& out, std::ostream& err);

// Replaces every character except spaces and punctuation with '*', counting UTF-8 code points,
// so the shape of a value shows without the value.
std::string maskPersonal(const std::string& value);

} // namespace kiosk
