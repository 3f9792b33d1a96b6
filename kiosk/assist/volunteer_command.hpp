// `kioskctl volunteer ...` and `kioskctl maintainer-pin set`: the maintainer's credential tools.
#pragma once

#include "kiosk/assist/pin_hash.hpp"

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

namespace kiosk {

// Asks for one secret line (a PIN) after showing `prompt`; never echoed on a terminal.
using PinReader = std::function<std::string(const char* prompt)>;

// Reads from the controlling terminal with echo off (stdin when it is not a terminal).
PinReader terminalPinReader();

enum class VolunteerAction { Add, SetPin, Disable, Enable, List };

// The assist database of the default data directory.
std::filesystem::path defaultAssistDatabase();

// One `kioskctl volunteer ...` request, as the command line (kiosk/cli/kioskctl_cli.cpp) parsed it.
struct VolunteerRequest {
    VolunteerAction action = VolunteerAction::List;
    std::string id;   // set-pin, disable, enable
    std::string name; // add
    std::filesystem::path database = defaultAssistDatabase();
};

// add asks for the PIN twice and prints the new pseudonymous id; set-pin asks for the new PIN
// twice; list prints id, state and name, one per line. Returns 0 done, 1 failed.
int runVolunteerCommand(const VolunteerRequest& request, const PinReader& readPin,
                        std::ostream& out, std::ostream& err,
                        const PinHashParams& params = PinHashParams{});

// `kioskctl maintainer-pin set`: asks for the PIN twice. Returns 0 done, 1 failed.
int runMaintainerPinSet(const std::filesystem::path& database, const PinReader& readPin,
                        std::ostream& out, std::ostream& err,
                        const PinHashParams& params = PinHashParams{});

} // namespace kiosk
