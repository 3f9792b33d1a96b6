// Account and kiosk-registry commands, parsed with CLI11 like the other command lines.
#include "kiosk/programs/gateway/admin_commands.hpp"

#include "kiosk/programs/gateway/account_store.hpp"
#include "kiosk/programs/gateway/inbox_store.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <termios.h>
#include <unistd.h>

namespace kiosk {
namespace {

// The password from stdin (one line), without echo when it is a terminal, so it never appears
// in the shell history or the process list.
std::string readPassword() {
    bool terminal = isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (terminal) {
        std::cerr << "password: " << std::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string password;
    std::getline(std::cin, password);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << '\n';
    }
    return password;
}

struct AdminRequest {
    std::string database;
    std::string name;
    std::string role = "viewer";
    std::string office;
    bool replace = false;
    std::string kioskId;
    std::string village;
    std::string commune;
};

int runAdmin(const AdminRequest& r, const std::string& what, std::ostream& out, std::ostream& err) {
    auto store = GatewayStore::open(r.database, "000.00.00.K01");
    if (!store) {
        err << "kiosk-gateway: " << store.error().message << '\n';
        return 1;
    }
    if (what == "user add") {
        AccountStore accounts(**store);
        auto added = accounts.addAccount({r.name, *roleFromName(r.role), r.office}, readPassword(),
                                         r.replace);
        if (!added) {
            err << "kiosk-gateway: " << added.error().message << '\n';
            return 1;
        }
        out << "account " << r.name << " (" << r.role << ") saved\n";
    } else if (what == "user list") {
        AccountStore accounts(**store);
        auto all = accounts.accounts();
        if (!all) {
            err << "kiosk-gateway: " << all.error().message << '\n';
            return 1;
        }
        for (const Account& account : *all) {
            out << account.name << '\t' << roleName(account.role) << '\t' << account.office << '\n';
        }
    } else {
        InboxStore inbox(**store);
        if (auto placed = inbox.placeKiosk({r.kioskId, r.village, r.commune}); !placed) {
            err << "kiosk-gateway: " << placed.error().message << '\n';
            return 1;
        }
        out << r.kioskId << " placed in " << r.village << '\n';
    }
    return 0;
}

} // namespace

void addAdminCommands(CLI::App& app, std::ostream& out, std::ostream& err, int& status) {
    auto r = std::make_shared<AdminRequest>();
    CLI::App* user = app.add_subcommand("user", "staff accounts for the dashboard and the inbox");
    user->group("COMMANDS");
    user->require_subcommand(1);
    CLI::App* add = user->add_subcommand(
        "add", "add an account; the password is read from stdin (at least 10 characters)");
    add->add_option("--db", r->database, "SQLite file or postgresql:// URL")->required();
    add->add_option("name", r->name, "user name")->required();
    add->add_option("--role", r->role, "viewer, officer or admin")
        ->check(CLI::IsMember({"viewer", "officer", "admin"}));
    add->add_option("--office", r->office,
                    "office name residents see in the access record, e.g. \"Bộ phận một cửa\"");
    add->add_flag("--replace", r->replace, "set a new password, role and office for an account");
    add->callback([&out, &err, &status, r] { status = runAdmin(*r, "user add", out, err); });
    CLI::App* list = user->add_subcommand("list", "list accounts (names, roles, offices)");
    list->add_option("--db", r->database, "SQLite file or postgresql:// URL")->required();
    list->callback([&out, &err, &status, r] { status = runAdmin(*r, "user list", out, err); });

    CLI::App* kiosk = app.add_subcommand("kiosk", "where each kiosk stands");
    kiosk->group("COMMANDS");
    kiosk->require_subcommand(1);
    CLI::App* place = kiosk->add_subcommand("place", "set a kiosk's village and commune");
    place->add_option("--db", r->database, "SQLite file or postgresql:// URL")->required();
    place->add_option("kiosk-id", r->kioskId, "kiosk id")->required();
    place->add_option("--village", r->village, "village (thôn) name")->required();
    place->add_option("--commune", r->commune, "commune name");
    place->callback([&out, &err, &status, r] { status = runAdmin(*r, "kiosk place", out, err); });
}

} // namespace kiosk
