// Argument handling of the volunteer and maintainer-PIN commands of kioskctl.
#include "kiosk/assist/volunteer_command.hpp"

#include "kiosk/assist/volunteer_store.hpp"
#include "kiosk/config/config.hpp"

#include <cstdio>
#include <iostream>
#include <optional>
#include <termios.h>
#include <unistd.h>

namespace kiosk {
namespace {

struct Parsed {
    std::vector<std::string> positional;
    std::optional<std::string> name;
    std::filesystem::path database = assistDatabasePath(PathConfig{}.dataDir);
    std::string problem;
};

Parsed parse(const std::vector<std::string>& args) {
    Parsed parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--name" || arg == "--db") {
            if (i + 1 >= args.size()) {
                parsed.problem = arg + " needs a value";
                return parsed;
            }
            if (arg == "--name") {
                parsed.name = args[++i];
            } else {
                parsed.database = args[++i];
            }
        } else if (arg.rfind("--", 0) == 0) {
            parsed.problem = "unknown option " + arg;
            return parsed;
        } else {
            parsed.positional.push_back(arg);
        }
    }
    return parsed;
}

int usageError(std::ostream& err, const std::string& problem) {
    err << "kioskctl: " << problem << "\n"
        << "usage: kioskctl volunteer add --name NAME | set-pin ID | disable ID | enable ID | "
           "list  [--db FILE]\n"
           "       kioskctl maintainer-pin set [--db FILE]\n";
    return 2;
}

std::optional<std::string> askPinTwice(const PinReader& readPin, std::ostream& err) {
    std::string first = readPin("PIN: ");
    std::string second = readPin("PIN again: ");
    if (first != second) {
        err << "kioskctl: the two PINs differ; nothing was changed\n";
        return std::nullopt;
    }
    return first;
}

std::unique_ptr<VolunteerStore> openStore(const Parsed& parsed, const PinHashParams& params,
                                          std::ostream& err) {
    VolunteerStoreOptions options;
    options.hashParams = params;
    auto store = VolunteerStore::open(parsed.database, options, nullptr,
                                      [] { return std::chrono::system_clock::now(); });
    if (!store) {
        err << "kioskctl: " << store.error().message << '\n';
        return nullptr;
    }
    return std::move(*store);
}

int report(const Status& status, std::ostream& err) {
    if (!status) {
        err << "kioskctl: " << status.error().message << '\n';
        return 1;
    }
    return 0;
}

} // namespace

PinReader terminalPinReader() {
    return [](const char* prompt) {
        std::cerr << prompt << std::flush;
        termios saved{};
        bool terminal = isatty(STDIN_FILENO) != 0 && tcgetattr(STDIN_FILENO, &saved) == 0;
        if (terminal) {
            termios quiet = saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
        std::string line;
        std::getline(std::cin, line);
        if (terminal) {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
            std::cerr << '\n';
        }
        return line;
    };
}

int runVolunteerCommand(const std::vector<std::string>& args, const PinReader& readPin,
                        std::ostream& out, std::ostream& err, const PinHashParams& params) {
    Parsed parsed = parse(args);
    if (!parsed.problem.empty()) {
        return usageError(err, parsed.problem);
    }
    if (parsed.positional.empty()) {
        return usageError(err, "volunteer needs a command");
    }
    const std::string& command = parsed.positional[0];
    bool needsId = command == "set-pin" || command == "disable" || command == "enable";
    if (needsId && parsed.positional.size() != 2) {
        return usageError(err, command + " needs one volunteer id");
    }
    if (!needsId && parsed.positional.size() != 1) {
        return usageError(err, "too many arguments");
    }
    if (command == "add" && !parsed.name) {
        return usageError(err, "add needs --name");
    }
    if (command != "add" && command != "list" && !needsId) {
        return usageError(err, "unknown volunteer command " + command);
    }

    auto store = openStore(parsed, params, err);
    if (!store) {
        return 1;
    }
    if (command == "list") {
        auto volunteers = store->listVolunteers();
        if (!volunteers) {
            return report(volunteers.error(), err);
        }
        for (const Volunteer& volunteer : *volunteers) {
            out << volunteer.id << '\t'
                << (volunteer.state == VolunteerState::Enabled ? "enabled" : "disabled") << '\t'
                << volunteer.displayName << '\n';
        }
        return 0;
    }
    if (command == "disable" || command == "enable") {
        return report(store->setVolunteerState(parsed.positional[1],
                                               command == "enable" ? VolunteerState::Enabled
                                                                   : VolunteerState::Disabled),
                      err);
    }
    auto pin = askPinTwice(readPin, err);
    if (!pin) {
        return 1;
    }
    if (command == "set-pin") {
        return report(store->setVolunteerPin(parsed.positional[1], *pin), err);
    }
    auto added = store->addVolunteer(*parsed.name, *pin);
    if (!added) {
        return report(added.error(), err);
    }
    out << added->id << '\n';
    return 0;
}

int runMaintainerPinCommand(const std::vector<std::string>& args, const PinReader& readPin,
                            std::ostream& out, std::ostream& err, const PinHashParams& params) {
    Parsed parsed = parse(args);
    if (!parsed.problem.empty()) {
        return usageError(err, parsed.problem);
    }
    if (parsed.positional.size() != 1 || parsed.positional[0] != "set" || parsed.name) {
        return usageError(err, "maintainer-pin takes only: set [--db FILE]");
    }
    auto store = openStore(parsed, params, err);
    if (!store) {
        return 1;
    }
    auto pin = askPinTwice(readPin, err);
    if (!pin) {
        return 1;
    }
    int status = report(store->setMaintainerPin(*pin), err);
    if (status == 0) {
        out << "maintainer PIN set\n";
    }
    return status;
}

} // namespace kiosk
