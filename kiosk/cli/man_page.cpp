// Writes roff and bash from CLI11 trees, so help, man pages and completion never disagree.
#include "kiosk/cli/man_page.hpp"

#include "kiosk/cli/command_line.hpp"

#include <CLI/CLI.hpp>
#include <map>
#include <sstream>

namespace kiosk::cli {
namespace {

// Text for roff: backslashes doubled as \e, a leading dot or quote made inert, dashes literal.
std::string roff(const std::string& text) {
    std::string out;
    bool lineStart = true;
    for (char c : text) {
        if (lineStart && (c == '.' || c == '\'')) {
            out += "\\&";
        }
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
        lineStart = c == '\n';
    }
    return out;
}

std::string upper(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

// Flags have no value: CLI11 gives them no type name (every valued option here has one).
bool isFlag(const CLI::Option& option) {
    return option.get_type_name().empty() || option.get_items_expected_max() == 0;
}

// "-o, --out" for an option, "SRC" for a positional.
std::string optionNames(const CLI::Option& option) {
    if (option.get_positional()) {
        return option.get_type_name().empty() ? option.get_name(true) : option.get_type_name();
    }
    std::string names;
    for (const std::string& name : option.get_snames()) {
        names += (names.empty() ? "-" : ", -") + name;
    }
    for (const std::string& name : option.get_lnames()) {
        names += (names.empty() ? "--" : ", --") + name;
    }
    return names;
}

std::string valueName(const CLI::Option& option) {
    std::string type = option.get_type_name();
    return type.empty() ? "VALUE" : type;
}

// The options a page lists for `command`: -h,--help only once, at the program.
std::vector<const CLI::Option*> visibleOptions(const CLI::App& command) {
    std::vector<const CLI::Option*> options;
    for (const CLI::Option* option : command.get_options()) {
        bool help = option->check_lname("help");
        if (!option->get_group().empty() && (!help || command.get_parent() == nullptr)) {
            options.push_back(option);
        }
    }
    return options;
}

void writeOptions(std::ostream& out, const CLI::App& command) {
    for (const CLI::Option* option : visibleOptions(command)) {
        out << ".TP\n\\fB" << roff(optionNames(*option)) << "\\fR";
        if (!option->get_positional() && !isFlag(*option)) {
            out << " \\fI" << roff(valueName(*option)) << "\\fR";
        }
        out << '\n' << roff(option->get_description());
        if (option->get_required()) {
            out << " (required)";
        }
        if (!option->get_default_str().empty()) {
            out << " (default: " << roff(option->get_default_str()) << ")";
        }
        out << '\n';
    }
}

std::string commandLine(const std::string& program, const std::vector<std::string>& path) {
    std::string line = program;
    for (const std::string& word : path) {
        line += " " + word;
    }
    return line;
}

// The usage line of a command: its positionals and required options spelled out.
std::string synopsis(const CLI::App& command) {
    std::string line;
    bool hasOptional = false;
    for (const CLI::Option* option : visibleOptions(command)) {
        if (option->get_positional()) {
            line += " \\fI" + roff(optionNames(*option)) + "\\fR";
        } else if (option->get_required()) {
            line += " \\fB" +
                    roff(option->get_lnames().empty() ? optionNames(*option)
                                                      : "--" + option->get_lnames()[0]) +
                    "\\fR \\fI" + roff(valueName(*option)) + "\\fR";
        } else {
            hasOptional = true;
        }
    }
    return (hasOptional ? " [\\fIOPTIONS\\fR]" : std::string{}) + line;
}

std::string bashWords(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& word : words) {
        out += (out.empty() ? "" : " ") + word;
    }
    return out;
}

std::string functionName(const std::string& program) {
    std::string name = "_" + program;
    for (char& c : name) {
        if (c == '-' || c == '.') {
            c = '_';
        }
    }
    return name;
}

} // namespace

std::string manPage(const CLI::App& app, const ManPageInfo& info) {
    std::ostringstream out;
    const std::string program = app.get_name();
    out << ".\\\" Generated from the program's command-line definition; do not edit.\n"
        << ".TH " << upper(roff(program)) << ' ' << info.section << " \"" << info.date
        << "\" \"kiosk " << info.version << "\" \"Village kiosk\"\n"
        << ".SH NAME\n"
        << roff(program) << " \\- " << roff(app.get_description()) << '\n'
        << ".SH SYNOPSIS\n";
    bool hasCommands = false;
    forEachCommand(app, [&](const std::vector<std::string>& path, const CLI::App& command) {
        bool leaf = const_cast<CLI::App&>(command).get_subcommands({}).empty();
        if (path.empty()) {
            hasCommands = !leaf;
        }
        if (leaf) {
            out << ".br\n\\fB" << roff(commandLine(program, path)) << "\\fR" << synopsis(command)
                << "\n";
        }
    });
    out << ".SH DESCRIPTION\n" << roff(app.get_description()) << "\n";
    out << ".SH OPTIONS\n";
    writeOptions(out, app);
    if (hasCommands) {
        out << ".SH COMMANDS\n";
        forEachCommand(app, [&](const std::vector<std::string>& path, const CLI::App& command) {
            if (path.empty()) {
                return;
            }
            out << ".SS \"" << roff(commandLine(program, path)) << "\"\n"
                << roff(command.get_description()) << '\n';
            writeOptions(out, command);
        });
    }
    out << ".SH EXIT STATUS\n"
        << ".TP\n.B " << kExitOk << "\nDone.\n"
        << ".TP\n.B " << kExitFailure
        << "\nThe command ran and failed or refused; the reason is on standard error.\n"
        << ".TP\n.B " << kExitUsage
        << "\nThe command line was wrong: an unknown or misspelt option or command (the nearest "
           "known one is suggested), a missing value or a value out of range. Nothing was done.\n";
    if (!info.files.empty()) {
        out << ".SH FILES\n";
        for (const std::string& file : info.files) {
            auto space = file.find(' ');
            out << ".TP\n.I " << roff(file.substr(0, space)) << '\n'
                << roff(space == std::string::npos ? "" : file.substr(space + 1)) << '\n';
        }
    }
    if (!info.seeAlso.empty()) {
        out << ".SH SEE ALSO\n";
        for (std::size_t i = 0; i < info.seeAlso.size(); ++i) {
            const std::string& page = info.seeAlso[i];
            auto open = page.find('(');
            out << ".BR " << roff(page.substr(0, open)) << ' ' << page.substr(open)
                << (i + 1 < info.seeAlso.size() ? " ," : "") << '\n';
        }
    }
    return out.str();
}

std::string bashCompletion(const CLI::App& app) {
    const std::string program = app.get_name();
    std::map<std::string, std::vector<std::string>> words; // "/pack/build" -> options...
    std::vector<std::string> commandPaths;                 // every "/pack", "/pack/build"
    std::vector<std::string> valueOptions;                 // options that take a value
    forEachCommand(app, [&](const std::vector<std::string>& path, const CLI::App& command) {
        std::string key;
        for (const std::string& word : path) {
            key += "/" + word;
        }
        if (!key.empty()) {
            commandPaths.push_back(key);
        }
        std::vector<std::string>& list = words[key];
        for (const CLI::App* sub : const_cast<CLI::App&>(command).get_subcommands({})) {
            if (!sub->get_group().empty()) {
                list.push_back(sub->get_name());
            }
        }
        for (const CLI::Option* option : visibleOptions(command)) {
            for (const std::string& name : option->get_lnames()) {
                list.push_back("--" + name);
                if (!isFlag(*option)) {
                    valueOptions.push_back("--" + name);
                }
            }
            for (const std::string& name : option->get_snames()) {
                list.push_back("-" + name);
                if (!isFlag(*option)) {
                    valueOptions.push_back("-" + name);
                }
            }
        }
    });
    std::sort(valueOptions.begin(), valueOptions.end());
    valueOptions.erase(std::unique(valueOptions.begin(), valueOptions.end()), valueOptions.end());

    const std::string function = functionName(program);
    std::ostringstream script;
    script << "# bash completion for " << program
           << "; generated from its command-line definition, do not edit.\n"
           << function << "() {\n"
           << "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
           << "    local path=\"\" i words=\"\"\n"
           << "    case \"$prev\" in\n";
    if (!valueOptions.empty()) {
        std::string pattern;
        for (const std::string& option : valueOptions) {
            pattern += (pattern.empty() ? "" : "|") + option;
        }
        script << "    " << pattern << ")\n"
               << "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
               << "        return ;;\n";
    }
    script << "    esac\n"
           << "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
           << "        case \"$path/${COMP_WORDS[i]}\" in\n"
           << "        ";
    std::string pattern;
    for (const std::string& path : commandPaths) {
        pattern += (pattern.empty() ? "" : "|") + path;
    }
    if (!pattern.empty()) {
        script << pattern << ") path=\"$path/${COMP_WORDS[i]}\" ;;\n        ";
    }
    script << "esac\n"
           << "    done\n"
           << "    case \"$path\" in\n";
    for (const auto& [path, list] : words) {
        script << "    \"" << path << "\") words=\"" << bashWords(list) << "\" ;;\n";
    }
    script << "    esac\n"
           << "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
           << "}\n"
           << "complete -F " << function << ' ' << program << '\n';
    return script.str();
}

std::string configManPage(const std::vector<ConfigKeyInfo>& keys, const ManPageInfo& info) {
    std::ostringstream out;
    out << ".\\\" Generated from the configuration key table (kiosk/config/config.cpp); do not "
           "edit.\n"
        << ".TH KIOSK.INI 5 \"" << info.date << "\" \"kiosk " << info.version
        << "\" \"Village kiosk\"\n"
        << ".SH NAME\nkiosk.ini \\- configuration of the village kiosk\n"
        << ".SH SYNOPSIS\n.I /etc/kiosk/kiosk.ini\n"
        << ".SH DESCRIPTION\n"
        << "An INI file: \\fB[section]\\fR lines, then \\fBkey = value\\fR lines. Comments are "
           "on their own line and start with ';' or '#'. A key left out takes its built\\-in "
           "default. An unknown key or an out\\-of\\-range value is never ignored: the kiosk "
           "shows its maintenance screen and logs KIOSK\\-1011 naming the file, the line and "
           "the key. Check a change with \\fBkioskctl config check\\fR before restarting the "
           "kiosk.\n";
    std::string section;
    for (const ConfigKeyInfo& key : keys) {
        if (key.section != section) {
            section = key.section;
            out << ".SH \"[" << roff(section) << "]\"\n";
        }
        out << ".TP\n.B " << roff(key.name) << '\n'
            << roff(key.help.empty() ? "(not described yet)" : key.help) << '\n';
    }
    out << ".SH FILES\n.TP\n.I /etc/kiosk/kiosk.ini\nThe configuration read by "
           "\\fBkiosk\\fR(8) and, with \\-\\-config, by \\fBkioskctl\\fR(8).\n"
        << ".SH SEE ALSO\n.BR kiosk (8) ,\n.BR kioskctl (8)\n";
    return out.str();
}

} // namespace kiosk::cli
