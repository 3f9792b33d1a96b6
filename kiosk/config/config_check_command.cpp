// Runs the same two checks the kiosk runs at start, and says which one failed.
#include "kiosk/config/config_check_command.hpp"

#include "kiosk/config/config.hpp"
#include "kiosk/config/config_files.hpp"

namespace kiosk {

int runConfigCheck(const std::filesystem::path& file, std::ostream& out, std::ostream& err) {
    auto config = loadConfig(file);
    if (!config) {
        err << "kioskctl: " << config.error().message << '\n';
        return 1;
    }
    if (Status files = checkConfigFiles(*config); !files) {
        err << "kioskctl: " << file.string() << ": " << files.error().message << '\n';
        return 1;
    }
    out << file.string() << ": ok\n";
    return 0;
}

} // namespace kiosk
