// Man pages and bash completion generated from the programs' CLI11 trees and the config table.
#pragma once

#include "kiosk/config/config.hpp"

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kiosk::cli {

struct ManPageInfo {
    std::string section = "8";
    std::string date;                 // "2026-12-04"; the build's date
    std::string version;              // "0.1.0"
    std::vector<std::string> files;   // FILES section, one path + meaning per entry
    std::vector<std::string> seeAlso; // "kiosk.ini(5)"
};

// roff man page of `app`: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, one subsection per command
// (every subcommand, found by walking the tree), EXIT STATUS, FILES, SEE ALSO.
std::string manPage(const CLI::App& app, const ManPageInfo& info);

// A bash completion script for `app`: subcommand names, then the options of the command typed
// so far; file names after options that take a value.
std::string bashCompletion(const CLI::App& app);

// kiosk.ini(5): every section and key of the config table (kiosk::configKeys()) with its meaning.
std::string configManPage(const std::vector<ConfigKeyInfo>& keys, const ManPageInfo& info);

} // namespace kiosk::cli
