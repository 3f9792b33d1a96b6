// The `kiosk` command line as a CLI11 tree.
#include "kiosk/app/kiosk_options.hpp"

#include "kiosk/cli/command_line.hpp"

#include <CLI/CLI.hpp>

namespace kiosk {

std::unique_ptr<CLI::App> makeKioskCli(KioskOptions& options) {
    auto app = std::make_unique<CLI::App>(
        "The touchscreen kiosk of a community digital access point: residents submit "
        "administrative dossiers and learn digital skills.",
        "kiosk");
    cli::configureProgram(*app, KIOSK_VERSION);
    app->add_option_function<std::string>(
           "--config", [&options](const std::string& path) { options.configPath = path; },
           "configuration file, kiosk.ini(5) (default: /etc/kiosk/kiosk.ini when present, "
           "built-in defaults otherwise)")
        ->type_name("FILE");
    app->add_flag("--windowed", options.windowed, "a window instead of full screen (development)");
    app->add_flag("--sim", options.simulatedDevices, "use the simulated printer and card reader");
    CLI::Option* screenshots =
        app->add_option_function<std::string>(
               "--screenshots",
               [&options](const std::string& dir) {
                   options.mode = RunMode::Screenshots;
                   options.screenshotDir = dir;
               },
               "render every screen in both languages to PNG under DIR and exit")
            ->type_name("DIR");
    app->add_flag_callback(
           "--demo",
           [&options] {
               // The devices come from the config (or --sim), so the demo can drive real ones.
               options.mode = RunMode::Demo;
           },
           "scripted walk through the main flow, then exit (add --sim for simulated devices)")
        ->excludes(screenshots);
    return app;
}

std::variant<KioskOptions, int> parseKioskOptions(const std::vector<std::string>& args,
                                                  std::ostream& out, std::ostream& err) {
    KioskOptions options;
    auto app = makeKioskCli(options);
    int status = cli::kExitOk;
    bool ran = false;
    app->final_callback([&ran] { ran = true; });
    status = cli::runCommandLine(*app, args, status, out, err);
    if (!ran || status != cli::kExitOk) {
        return status;
    }
    return options;
}

} // namespace kiosk
