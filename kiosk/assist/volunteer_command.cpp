// The volunteer and maintainer-PIN commands of kioskctl (parsed in kiosk/cli/kioskctl_cli.cpp).
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

std::optional<std::string> askPinTwice(const PinReader& readPin, std::ostream& err) {
    std::string first = readPin("PIN: ");
    std::string second = readPin("PIN again: ");
    if (first != second) {
        err << "kioskctl: the two PINs differ; nothing was changed\n";
        return std::nullopt;
    }
    return first;
}

std::unique_ptr<VolunteerStore> openStore(const std::filesystem::path& database,
                                          const PinHashParams& params, std::ostream& err) {
    VolunteerStoreOptions options;
    options.hashParams = params;
    auto store = VolunteerStore::open(database, options, nullptr,
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

std::filesystem::path defaultAssistDatabase() {
    return assistDatabasePath(PathConfig{}.dataDir);
}

int runVolunteerCommand(const VolunteerRequest& request, const PinReader& readPin,
                        std::ostream& out, std::ostream& err, const PinHashParams& params) {
    auto store = openStore(request.database, params, err);
    if (!store) {
        return 1;
    }
    if (request.action == VolunteerAction::List) {
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
    if (request.action == VolunteerAction::Disable || request.action == VolunteerAction::Enable) {
        return report(store->setVolunteerState(request.id, request.action == VolunteerAction::Enable
                                                               ? VolunteerState::Enabled
                                                               : VolunteerState::Disabled),
                      err);
    }
    auto pin = askPinTwice(readPin, err);
    if (!pin) {
        return 1;
    }
    if (request.action == VolunteerAction::SetPin) {
        return report(store->setVolunteerPin(request.id, *pin), err);
    }
    auto added = store->addVolunteer(request.name, *pin);
    if (!added) {
        return report(added.error(), err);
    }
    out << added->id << '\n';
    return 0;
}

int runMaintainerPinSet(const std::filesystem::path& database, const PinReader& readPin,
                        std::ostream& out, std::ostream& err, const PinHashParams& params) {
    auto store = openStore(database, params, err);
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
