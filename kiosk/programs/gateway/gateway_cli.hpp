// The whole `kiosk-gateway` command line in one place: every command, option and help text.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kiosk {

// The command tree; each command's callback leaves its exit status in `status`. `serve` runs
// until SIGINT or SIGTERM. The same tree makes the man page and the bash completion.
std::unique_ptr<CLI::App> makeGatewayCli(std::ostream& out, std::ostream& err, int& status);

// Parses `args` (without the program name), runs the command and returns the exit status.
int runGateway(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace kiosk
