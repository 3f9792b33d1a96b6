// kioskctl: the maintainers' command line (content packs, outbox, reports, devices, docs).
#include "kiosk/assist/volunteer_command.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/config/config_check_command.hpp"
#include "kiosk/content/pack_commands.hpp"
#include "kiosk/devices/usb_card_reader.hpp"
#include "kiosk/idcard/card_read_command.hpp"
#include "kiosk/log/log_catalog.hpp"
#include "kiosk/outbox/outbox_command.hpp"
#include "kiosk/receipt/print_test.hpp"
#include "kiosk/usage/report_command.hpp"

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
                 "  print-test [--sim] [--config FILE] [--data-dir DIR]\n"
                 "                         print the test page (--sim: simulated printer, PNG\n"
                 "                         under DIR/simulated-printer)\n"
                 "  pack ...               content packs (kioskctl pack for details)\n"
                 "  report --from D --to D [--csv] [--db FILE]   usage report (D = YYYY-MM-DD)\n"
                 "  volunteer add --name NAME | set-pin ID | disable ID | enable ID | list\n"
                 "  maintainer-pin set     set the maintainer PIN (asked twice)\n"
                 "  card read [--sim [PROFILE]] [--id N --dob YYMMDD --doe YYMMDD] [--trust DIR]\n"
                 "            [--photo] [--bac] [--show]   read a chip ID card (values masked "
                 "unless --show)\n"
                 "  outbox list|retry [--config FILE] [--db FILE]\n"
                 "                         queued dossiers (no personal data); send again now\n"
                 "  procedures check DIR   check a content directory's procedures and lists\n";
    return 2;
}

int configCheck(const std::vector<std::string>& args) {
    if (args.size() != 1) {
        return usage();
    }
    return kiosk::runConfigCheck(args[0], std::cout, std::cerr);
}

int printTest(const std::vector<std::string>& args) {
    kiosk::Config config;
    auto target = kiosk::PrintTestTarget::ConfiguredPrinter;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--sim") {
            target = kiosk::PrintTestTarget::SimulatedPrinter;
        } else if (args[i] == "--config" && i + 1 < args.size()) {
            auto loaded = kiosk::loadConfig(args[++i]);
            if (!loaded) {
                std::cerr << "kioskctl: " << loaded.error().message << '\n';
                return 1;
            }
            config = *loaded;
        } else if (args[i] == "--data-dir" && i + 1 < args.size()) {
            config.paths.dataDir = args[++i];
        } else {
            return usage();
        }
    }
    return kiosk::runPrintTest(config, target, std::cout);
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
    if (command == "print-test") {
        return printTest(args);
    }
    if (command == "config" && !args.empty() && args[0] == "check") {
        args.erase(args.begin());
        return configCheck(args);
    }
    if (command == "pack") {
        return kiosk::runPackCommand(args, std::cout, std::cerr);
    }
    if (command == "report") {
        return kiosk::runReportCommand(args, std::cout, std::cerr);
    }
    if (command == "volunteer") {
        return kiosk::runVolunteerCommand(args, kiosk::terminalPinReader(), std::cout, std::cerr);
    }
    if (command == "maintainer-pin") {
        return kiosk::runMaintainerPinCommand(args, kiosk::terminalPinReader(), std::cout,
                                              std::cerr);
    }
    if (command == "card" && !args.empty() && args[0] == "read") {
        args.erase(args.begin());
        return kiosk::runCardRead(args, kiosk::usbCardReaderOpener(), std::cout, std::cerr);
    }
    if (command == "outbox") {
        return outboxCommand(args);
    }
    if (command == "procedures" && args.size() == 2 && args[0] == "check") {
        return kiosk::runProceduresCheck(args[1], std::cout, std::cerr);
    }
    return usage();
}
