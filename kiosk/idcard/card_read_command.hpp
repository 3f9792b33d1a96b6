// `kioskctl card read`: reads a chip ID card and prints what was read, personal values masked.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk {

// Opens the first USB CCID reader (interface class 0x0B); supplied by the program so this code
// does not depend on libusb.
using UsbReaderOpener = std::function<Result<std::unique_ptr<UsbTransport>>()>;

// args after "card read":
//   --sim [PROFILE]          simulated reader with content/cards/PROFILE.json (default: first)
//   --profiles DIR           where --sim looks for profiles (an installed kiosk's content dir)
//   --id N --dob YYMMDD --doe YYMMDD   access key for a real card
//   --trust DIR              CSCA trust store (for --sim: the simulator's own CSCA by default)
//   --photo                  also read DG2
//   --bac                    skip PACE even when the card offers it
//   --show                   print personal values and file bytes unmasked
// Returns the process exit code.
int runCardRead(const std::vector<std::string>& args, const UsbReaderOpener& openUsbReader,
                std::ostream& out, std::ostream& err);

// Replaces every character except spaces and punctuation with '*', counting UTF-8 code points,
// so the shape of a value shows without the value.
std::string maskPersonal(const std::string& value);

} // namespace kiosk
