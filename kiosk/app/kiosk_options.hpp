// Command-line options of the `kiosk` program, defined in one place (kiosk_options.cpp).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace CLI {
class App;
}

namespace kiosk {

enum class RunMode { Kiosk, Screenshots, Demo };

struct KioskOptions {
    RunMode mode = RunMode::Kiosk;
    std::optional<std::filesystem::path> configPath;
    bool windowed = false;
    bool simulatedDevices = false;
    std::filesystem::path screenshotDir;
};

// The command tree, writing into `options`; the same tree makes the man page and completion.
std::unique_ptr<CLI::App> makeKioskCli(KioskOptions& options);

// The options to run with, or the exit status when the program should stop now: 0 after
// --help or --version (printed on `out`), 2 after a usage error (explained on `err`).
std::variant<KioskOptions, int> parseKioskOptions(const std::vector<std::string>& args,
                                                  std::ostream& out, std::ostream& err);

} // namespace kiosk
