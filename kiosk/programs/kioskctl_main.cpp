// kioskctl: the maintainers' command line (content packs, outbox, reports, devices, docs).
#include "kiosk/config/config.hpp"
#include "kiosk/idcard/card_read_command.hpp"
#include "kiosk/log/log_catalog.hpp"

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace {

int usage() {
    std::cerr << "usage: kioskctl <command> [options]\n"
                 "  config check FILE      check a configuration file\n"
                 "  log-dictionary         print the Markdown log dictionary\n"
                 "  card read [--sim [PROFILE]] [--id N --dob YYMMDD --doe YYMMDD] [--trust DIR]\n"
                 "            [--photo] [--bac] [--show]   read a chip ID card (values masked "
                 "unless --show)\n";
    return 2;
}

int configCheck(const std::vector<std::string>& args) {
    if (args.size() != 1) {
        return usage();
    }
    auto config = kiosk::loadConfig(args[0]);
    if (!config) {
        std::cerr << "kioskctl: " << config.error().message << '\n';
        return 1;
    }
    std::cout << args[0] << ": ok\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        return usage();
    }
    std::string command = args[0];
    args.erase(args.begin());
    if (command == "log-dictionary") {
        std::cout << kiosk::logDictionaryMarkdown();
        return 0;
    }
    if (command == "config" && !args.empty() && args[0] == "check") {
        args.erase(args.begin());
        return configCheck(args);
    }
    if (command == "card" && !args.empty() && args[0] == "read") {
        args.erase(args.begin());
        // The libusb reader opener is wired here once drivers/usb provides it.
        return kiosk::runCardRead(args, {}, std::cout, std::cerr);
    }
    return usage();
}
