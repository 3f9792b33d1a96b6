// `kioskctl volunteer ...` and `kioskctl maintainer-pin set`: the maintainer's credential tools.
#pragma once

#include "kiosk/assist/pin_hash.hpp"

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk {

// Asks for one secret line (a PIN) after showing `prompt`; never echoed on a terminal.
using PinReader = std::function<std::string(const char* prompt)>;

// Reads from the controlling terminal with echo off (stdin when it is not a terminal).
PinReader terminalPinReader();

// args (after "volunteer"):
//   add --name NAME      asks for the PIN twice; prints the new pseudonymous id
//   set-pin ID           asks for the new PIN twice
//   disable ID | enable ID
//   list                 id, state and name, one per line
// each optionally followed by --db FILE (default: assist.db in the default data directory).
// Returns 0 done, 1 failed, 2 bad arguments.
int runVolunteerCommand(const std::vector<std::string>& args, const PinReader& readPin,
                        std::ostream& out, std::ostream& err,
                        const PinHashParams& params = PinHashParams{});

// args (after "maintainer-pin"): set [--db FILE]; asks for the PIN twice.
int runMaintainerPinCommand(const std::vector<std::string>& args, const PinReader& readPin,
                            std::ostream& out, std::ostream& err,
                            const PinHashParams& params = PinHashParams{});

} // namespace kiosk
