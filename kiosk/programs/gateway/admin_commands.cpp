// Account and kiosk-registry commands, parsed with CLI11 like the other command lines.
#include "kiosk/programs/gateway/admin_commands.hpp"

#include "kiosk/programs/gateway/account_store.hpp"
#include "kiosk/programs/gateway/inbox_store.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
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

} // namespace

int runAdminCommand(const std::vector<std::string>& args) {
    CLI::App app{"kiosk-gateway accounts and kiosk registry"};
    app.require_subcommand(1);
    std::string database;
    std::string name;
    std::string role = "viewer";
    std::string office;
    bool replace = false;
    std::string kioskId;
    std::string village;
    std::string commune;

    CLI::App* user = app.add_subcommand("user", "staff accounts for the dashboard and the inbox");
    user->require_subcommand(1);
    CLI::App* add = user->add_subcommand(
        "add", "add an account; the password is read from stdin (at least 10 characters)");
    add->add_option("--db", database, "SQLite file or postgresql:// URL")->required();
    add->add_option("name", name, "user name")->required();
    add->add_option("--role", role, "viewer, officer or admin")
        ->check(CLI::IsMember({"viewer", "officer", "admin"}));
    add->add_option("--office", office,
                    "office name residents see in the access record, e.g. \"Bộ phận một cửa\"");
    add->add_flag("--replace", replace, "set a new password, role and office for an account");
    CLI::App* list = user->add_subcommand("list", "list accounts (names, roles, offices)");
    list->add_option("--db", database, "SQLite file or postgresql:// URL")->required();

    CLI::App* kiosk = app.add_subcommand("kiosk", "where each kiosk stands");
    kiosk->require_subcommand(1);
    CLI::App* place = kiosk->add_subcommand("place", "set a kiosk's village and commune");
    place->add_option("--db", database, "SQLite file or postgresql:// URL")->required();
    place->add_option("kiosk-id", kioskId, "kiosk id")->required();
    place->add_option("--village", village, "village (thôn) name")->required();
    place->add_option("--commune", commune, "commune name");

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    }
    auto store = GatewayStore::open(database, "000.00.00.K01");
    if (!store) {
        std::cerr << "kiosk-gateway: " << store.error().message << '\n';
        return 1;
    }
    if (add->parsed()) {
        AccountStore accounts(**store);
        auto added =
            accounts.addAccount({name, *roleFromName(role), office}, readPassword(), replace);
        if (!added) {
            std::cerr << "kiosk-gateway: " << added.error().message << '\n';
            return 1;
        }
        std::cout << "account " << name << " (" << role << ") saved\n";
    } else if (list->parsed()) {
        AccountStore accounts(**store);
        auto all = accounts.accounts();
        if (!all) {
            std::cerr << "kiosk-gateway: " << all.error().message << '\n';
            return 1;
        }
        for (const Account& account : *all) {
            std::cout << account.name << '\t' << roleName(account.role) << '\t' << account.office
                      << '\n';
        }
    } else if (place->parsed()) {
        InboxStore inbox(**store);
        if (auto placed = inbox.placeKiosk({kioskId, village, commune}); !placed) {
            std::cerr << "kiosk-gateway: " << placed.error().message << '\n';
            return 1;
        }
        std::cout << kioskId << " placed in " << village << '\n';
    }
    return 0;
}

} // namespace kiosk
