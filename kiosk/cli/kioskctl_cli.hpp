// The whole `kioskctl` command line in one place: every command, option and help text.
#pragma once

#include "kiosk/assist/volunteer_command.hpp"
#include "kiosk/health/health_check.hpp"
#include "kiosk/idcard/card_read_command.hpp"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kiosk::cli {

// What the commands need from the process; tests pass scripted PINs and string streams.
struct KioskctlIo {
    std::ostream& out;
    std::ostream& err;
    PinReader readPin;
    UsbReaderOpener openUsbReader;
    PinHashParams pinHash{};
    UsbInterfaceLister listUsb; // doctor's device checks; empty: not checked
};

// The command tree; each command's callback leaves its exit status in `status`. The same tree
// makes the man page and the bash completion (kiosk/cli/man_page.hpp).
std::unique_ptr<CLI::App> makeKioskctlCli(const KioskctlIo& io, int& status);

// Parses `args` (without the program name), runs the command and returns the exit status
// (see kiosk/cli/command_line.hpp).
int runKioskctl(const std::vector<std::string>& args, const KioskctlIo& io);

} // namespace kiosk::cli
