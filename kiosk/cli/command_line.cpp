// Running a CLI11 command tree with the kiosk programs' exit codes and error messages.
#include "kiosk/cli/command_line.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>

namespace kiosk::cli {
namespace {

// The selected subcommand deepest in the tree: where an unknown word was met.
const CLI::App& deepestSelected(const CLI::App& app) {
    const CLI::App* at = &app;
    for (;;) {
        auto selected = at->get_subcommands();
        if (selected.empty()) {
            return *at;
        }
        at = selected.front();
    }
}

std::string commandPath(const CLI::App& command) {
    std::string path = command.get_name();
    for (const CLI::App* parent = command.get_parent(); parent != nullptr;
         parent = parent->get_parent()) {
        path = parent->get_name() + " " + path;
    }
    return path;
}

// Every long and short option name usable at `command`, with its dashes.
std::vector<std::string> optionNames(const CLI::App& command) {
    std::vector<std::string> names;
    for (const CLI::Option* option : command.get_options()) {
        for (const std::string& name : option->get_lnames()) {
            names.push_back("--" + name);
        }
        for (const std::string& name : option->get_snames()) {
            names.push_back("-" + name);
        }
    }
    return names;
}

std::vector<std::string> subcommandNames(const CLI::App& command) {
    std::vector<std::string> names;
    for (const CLI::App* sub : const_cast<CLI::App&>(command).get_subcommands({})) {
        if (!sub->get_group().empty()) {
            names.push_back(sub->get_name());
        }
    }
    return names;
}

// "unknown option --form (did you mean --from?)" for the first word nothing consumed.
std::string describeUnknown(const CLI::App& at, const std::string& word) {
    bool isOption = word.size() > 1 && word[0] == '-';
    std::string name = isOption ? word.substr(0, word.find('=')) : word;
    std::vector<std::string> known = isOption ? optionNames(at) : subcommandNames(at);
    std::string message;
    if (isOption) {
        message = "unknown option " + name;
    } else if (!known.empty()) {
        message = "unknown command " + name;
    } else {
        message = "unexpected argument " + name;
    }
    std::string suggestion = closestWord(name, known);
    if (!suggestion.empty()) {
        message += " (did you mean " + suggestion + "?)";
    } else if (!isOption && !known.empty()) {
        std::string list;
        for (const std::string& candidate : known) {
            list += (list.empty() ? "" : ", ") + candidate;
        }
        message += " (known: " + list + ")";
    }
    return message;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

void configureProgram(CLI::App& app, std::string_view version) {
    app.set_version_flag("--version", app.get_name() + " " + std::string(version),
                         "print the version and exit");
    app.set_help_flag("-h,--help", "print this help and exit");
    app.get_formatter()->column_width(36);
    app.footer("Exit status: 0 done, 1 the command failed (the reason is on stderr),\n"
               "2 the command line was wrong (nothing was done).");
}

int runCommandLine(CLI::App& app, const std::vector<std::string>& args, const int& status,
                   std::ostream& out, std::ostream& err) {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
            app.exit(error, out, err);
            return kExitOk;
        }
        const CLI::App& at = deepestSelected(app);
        std::vector<std::string> left = at.remaining();
        std::string problem = error.what();
        if (!left.empty()) {
            problem = describeUnknown(at, left.front());
        } else if (at.get_require_subcommand_min() > 0 && at.get_subcommands().empty()) {
            problem = "needs a command:";
            for (const std::string& name : subcommandNames(at)) {
                problem += " " + name;
            }
        }
        err << commandPath(at) << ": " << problem << "\n"
            << "Run '" << commandPath(at) << " --help' for the options.\n";
        return kExitUsage;
    }
    return status;
}

void forEachCommand(const CLI::App& app, const CommandVisitor& visit) {
    std::vector<std::string> path;
    std::function<void(const CLI::App&)> walk = [&](const CLI::App& command) {
        visit(path, command);
        for (const CLI::App* sub : const_cast<CLI::App&>(command).get_subcommands({})) {
            if (sub->get_group().empty()) {
                continue; // hidden
            }
            path.push_back(sub->get_name());
            walk(*sub);
            path.pop_back();
        }
    };
    walk(app);
}

std::string closestWord(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    // One wrong letter is always a plausible typo; longer words may have more.
    std::size_t bestDistance = std::max<std::size_t>(2, word.size() / 3 + 1);
    for (const std::string& candidate : candidates) {
        std::size_t distance = editDistance(word, candidate);
        bool prefix = candidate.size() > word.size() && candidate.starts_with(word) &&
                      word.find_first_not_of('-') != std::string_view::npos;
        if (prefix) {
            distance = std::min<std::size_t>(distance, 1); // "--sho" for "--show"
        }
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

} // namespace kiosk::cli
