// `kiosk-gateway user …` and `kiosk-gateway kiosk …`: accounts and the kiosk registry (CLI11).
#pragma once

#include <iosfwd>

namespace CLI {
class App;
}

namespace kiosk {

// Adds `user add|list` and `kiosk place` to the gateway's command line; each sets `status`.
void addAdminCommands(CLI::App& app, std::ostream& out, std::ostream& err, int& status);

} // namespace kiosk
