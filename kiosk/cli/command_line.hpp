// The house way to run a CLI11 command tree: exit codes, --version, errors that suggest a fix.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace kiosk::cli {

// Exit codes of every kiosk program, documented in their man pages (EXIT STATUS).
enum ExitCode : int {
    kExitOk = 0,      // done
    kExitFailure = 1, // the command ran and failed or refused (the reason is on stderr)
    kExitUsage = 2,   // the command line was wrong; nothing was done
};

// Gives `app` the shared conventions: --version, help on every subcommand, the exit-code footer.
void configureProgram(CLI::App& app, std::string_view version);

// Parses `args` (without the program name) and runs the chosen command's callback. Help and
// the version go to `out` (exit 0); a usage error names the bad word, suggests the nearest
// known option or subcommand, and returns kExitUsage. Otherwise returns `status`, the value the
// callback left there.
int runCommandLine(CLI::App& app, const std::vector<std::string>& args, const int& status,
                   std::ostream& out, std::ostream& err);

// Calls `visit` for the program and every subcommand below it, depth first, with the words
// that select it (empty for the program itself). Hidden subcommands are skipped.
using CommandVisitor =
    std::function<void(const std::vector<std::string>& path, const CLI::App& command)>;
void forEachCommand(const CLI::App& app, const CommandVisitor& visit);

// The candidate closest to `word` by edit distance, or "" when none is close enough to be a
// plausible typo (at most a third of the word's letters wrong).
std::string closestWord(std::string_view word, const std::vector<std::string>& candidates);

} // namespace kiosk::cli
