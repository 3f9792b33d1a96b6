// kioskctl: the maintainers' command line (content packs, outbox, reports, devices, docs).
#include "kiosk/config/config.hpp"
#include "kiosk/log/log_catalog.hpp"
#include "kiosk/outbox/outbox_command.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace {

int usage() {
    std::cerr << "usage: kioskctl <command> [options]\n"
                 "  config check FILE      check a configuration file\n"
                 "  log-dictionary         print the Markdown log dictionary\n"
                 "  outbox list|retry [--config FILE] [--db FILE]\n"
                 "                         queued dossiers (no personal data); send again now\n"
                 "  procedures check DIR   check a content directory's procedures and lists\n";
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

int outboxCommand(std::vector<std::string> args) {
    kiosk::Config config;
    auto at = std::find(args.begin(), args.end(), "--config");
    if (at != args.end()) {
        if (at + 1 == args.end()) {
            return usage();
        }
        auto loaded = kiosk::loadConfig(*(at + 1));
        if (!loaded) {
            std::cerr << "kioskctl: " << loaded.error().message << '\n';
            return 1;
        }
        config = *loaded;
        args.erase(at, at + 2);
    }
    return kiosk::runOutboxCommand(args, config, std::cout, std::cerr);
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
    if (command == "outbox") {
        return outboxCommand(args);
    }
    if (command == "procedures" && args.size() == 2 && args[0] == "check") {
        return kiosk::runProceduresCheck(args[1], std::cout, std::cerr);
    }
    return usage();
}
