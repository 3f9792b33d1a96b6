// Parsing of the `kiosk` command line.
#include "kiosk/app/kiosk_options.hpp"

namespace kiosk {

const char* const kKioskUsage =
    "usage: kiosk [--config FILE] [--windowed] [--sim] [--screenshots DIR | --demo]\n"
    "  --config FILE      configuration file (built-in defaults when omitted)\n"
    "  --windowed         a window instead of full screen (development)\n"
    "  --sim              use simulated printer and card reader\n"
    "  --screenshots DIR  render every screen in both languages to PNG and exit\n"
    "  --demo             scripted walk through the main flow (add --sim for simulated devices)\n";

Result<KioskOptions> parseKioskOptions(const std::vector<std::string>& args) {
    KioskOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                return std::nullopt;
            }
            return args[++i];
        };
        if (arg == "--config") {
            auto path = value();
            if (!path) {
                return makeError("options.missing_value", "--config needs a file");
            }
            options.configPath = *path;
        } else if (arg == "--windowed") {
            options.windowed = true;
        } else if (arg == "--sim") {
            options.simulatedDevices = true;
        } else if (arg == "--screenshots") {
            auto dir = value();
            if (!dir) {
                return makeError("options.missing_value", "--screenshots needs a directory");
            }
            options.mode = RunMode::Screenshots;
            options.screenshotDir = *dir;
        } else if (arg == "--demo") {
            // The devices come from the config (or --sim), so the demo can drive real ones.
            options.mode = RunMode::Demo;
        } else if (arg == "--help" || arg == "-h") {
            options.mode = RunMode::Help;
        } else {
            return makeError("options.unknown", "unknown option " + arg);
        }
    }
    return options;
}

} // namespace kiosk
