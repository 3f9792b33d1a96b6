// `kiosk-gateway user …` and `kiosk-gateway kiosk …`: accounts and the kiosk registry (CLI11).
#pragma once

#include <string>
#include <vector>

namespace kiosk {

// `args` starts with the subcommand's own name ("user" or "kiosk"); returns the exit code.
int runAdminCommand(const std::vector<std::string>& args);

} // namespace kiosk
