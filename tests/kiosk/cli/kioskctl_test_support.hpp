// Runs kioskctl's command line in the test process, with scripted PINs and string streams.
#pragma once

#include "kiosk/cli/kioskctl_cli.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace kiosk::testing {

// `prefix` then `args` as the words after "kioskctl"; returns the exit status.
inline int kioskctl(std::vector<std::string> prefix, const std::vector<std::string>& args,
                    std::ostream& out, std::ostream& err, PinReader readPin = {},
                    const PinHashParams& pinHash = PinHashParams{}) {
    prefix.insert(prefix.end(), args.begin(), args.end());
    cli::KioskctlIo io{out, err, std::move(readPin), {}, pinHash, {}};
    return cli::runKioskctl(prefix, io);
}

} // namespace kiosk::testing
