// `kioskctl pack ...`: keygen, build, verify, install, status, rollback for maintainers.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace kiosk {

// `args` are the words after "pack". Returns the process exit status: 0 on success, 1 on a
// refusal or failure (its reason on `err`), 2 on a usage error.
int runPackCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace kiosk
