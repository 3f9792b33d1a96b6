// kioskctl's commands as one CLI11 tree: options bind to plain request structs, callbacks call
// the command functions that live beside what they manage (pack, outbox, report, volunteer...).
#include "kiosk/cli/kioskctl_cli.hpp"

#include "kiosk/cli/command_line.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/config/config_check_command.hpp"
#include "kiosk/content/pack_commands.hpp"
#include "kiosk/health/health_check.hpp"
#include "kiosk/idcard/card_trust_command.hpp"
#include "kiosk/log/log_catalog.hpp"
#include "kiosk/outbox/outbox_command.hpp"
#include "kiosk/receipt/print_test.hpp"
#include "kiosk/usage/report_command.hpp"

#include <CLI/CLI.hpp>

namespace kiosk::cli {
namespace {

// Where the package installs the configuration (kiosk reads it by default too).
constexpr const char* kInstalledConfig = "/etc/kiosk/kiosk.ini";

// Storage the options write into; owned by the callbacks, so it lives as long as the tree.
struct Requests {
    std::filesystem::path configFile;
    std::filesystem::path dataDir;
    std::filesystem::path database;
    std::filesystem::path directory;
    std::filesystem::path file;
    std::filesystem::path key;
    std::filesystem::path trust;
    bool simulated = false;
    bool json = false;
    BuildOptions build;
    std::uint64_t sequence = 0;
    ReportRequest report;
    std::string reportFrom;
    std::string reportTo;
    std::string reportPeriod;
    std::string reportLanguage = "vi";
    VolunteerRequest volunteer;
    CardReadRequest card;
};

// A usage error found after parsing (two options that only make sense together).
[[noreturn]] void usageError(const std::string& message) {
    throw CLI::ValidationError(message);
}

// Loads --config FILE when given (built-in defaults otherwise); a bad file is a failure (1).
std::optional<Config> configFrom(const std::filesystem::path& file, std::ostream& err) {
    if (file.empty()) {
        return Config{};
    }
    auto loaded = loadConfig(file);
    if (!loaded) {
        err << "kioskctl: " << loaded.error().message << '\n';
        return std::nullopt;
    }
    return *loaded;
}

const CLI::Validator kIsoDate(
    [](std::string& text) {
        return parseIsoDate(text) ? std::string{} : "must be a date as YYYY-MM-DD";
    },
    "");

CLI::App* command(CLI::App& parent, const std::string& name, const std::string& description) {
    CLI::App* sub = parent.add_subcommand(name, description);
    sub->group("COMMANDS");
    return sub;
}

void addConfig(CLI::App& app, const KioskctlIo& io, int& status, std::shared_ptr<Requests> r) {
    CLI::App* config = command(app, "config", "configuration files");
    config->require_subcommand(1);
    CLI::App* check = command(*config, "check",
                              "check a configuration file (kiosk.ini(5)) and the files it names");
    check->add_option("FILE", r->file, "the file to check")->required()->type_name("FILE");
    check->callback([&io, &status, r] { status = runConfigCheck(r->file, io.out, io.err); });
}

void addPrintTest(CLI::App& app, const KioskctlIo& io, int& status, std::shared_ptr<Requests> r) {
    CLI::App* print = command(app, "print-test", "print the test page on the receipt printer");
    print->add_flag("--sim", r->simulated,
                    "use the simulated printer: the page goes to a PNG under "
                    "DIR/simulated-printer");
    print->add_option("--config", r->configFile, "the kiosk configuration (default: built-in)")
        ->type_name("FILE");
    print->add_option("--data-dir", r->dataDir, "the data directory (overrides the config)")
        ->type_name("DIR");
    print->callback([&io, &status, r] {
        auto config = configFrom(r->configFile, io.err);
        if (!config) {
            status = kExitFailure;
            return;
        }
        if (!r->dataDir.empty()) {
            config->paths.dataDir = r->dataDir;
        }
        status = runPrintTest(*config,
                              r->simulated ? PrintTestTarget::SimulatedPrinter
                                           : PrintTestTarget::ConfiguredPrinter,
                              io.out);
    });
}

void addPack(CLI::App& app, const KioskctlIo& io, int& status, std::shared_ptr<Requests> r) {
    CLI::App* pack = command(app, "pack", "signed content packs: make, check, install, roll back");
    pack->require_subcommand(1);

    CLI::App* keygen = command(*pack, "keygen", "make a new Ed25519 key pair NAME and NAME.pub");
    keygen->add_option("-o,--out", r->key, "the private key file; NAME.pub is the public key")
        ->required()
        ->type_name("NAME");
    keygen->callback([&io, &status, r] { status = runPackKeygen(r->key, io.out, io.err); });

    CLI::App* build = command(*pack, "build", "build and sign a pack from a source directory");
    build->add_option("SRC", r->build.source, "directory holding pack.json and the content")
        ->required()
        ->type_name("SRC");
    build->add_option("-o,--out", r->build.output, "the pack file to write")
        ->required()
        ->type_name("OUT");
    build->add_option("--key", r->build.privateKey, "the private signing key")
        ->required()
        ->type_name("KEY");
    CLI::Option* sequence =
        build->add_option("--sequence", r->sequence, "the pack's sequence (default: pack.json's)")
            ->check(CLI::PositiveNumber)
            ->type_name("N");
    build->callback([&io, &status, r, sequence] {
        if (sequence->count() > 0) {
            r->build.sequence = r->sequence;
        }
        status = runPackBuild(r->build, io.out, io.err);
    });

    CLI::App* verify = command(*pack, "verify", "check a pack's signature and every file");
    verify->add_option("PACK", r->file, "the pack file")->required()->type_name("PACK");
    verify->add_option("--pubkey", r->key, "the signer's public key")
        ->required()
        ->type_name("NAME.pub");
    verify->callback(
        [&io, &status, r] { status = runPackVerify(r->file, r->key, io.out, io.err); });

    CLI::App* install = command(*pack, "install", "verify a pack and install it");
    install->add_option("PACK", r->file, "the pack file")->required()->type_name("PACK");
    install->add_option("--content-dir", r->directory, "the kiosk's content directory")
        ->required()
        ->type_name("DIR");
    install->add_option("--trust", r->trust, "directory of trusted public keys")
        ->required()
        ->type_name("DIR");
    install->callback([&io, &status, r] {
        status = runPackInstall(r->file, r->directory, r->trust, io.out, io.err);
    });

    CLI::App* show = command(*pack, "status", "show the installed content versions");
    show->add_option("--content-dir", r->directory, "the kiosk's content directory")
        ->required()
        ->type_name("DIR");
    show->callback([&io, &status, r] { status = runPackStatus(r->directory, io.out, io.err); });

    CLI::App* rollback = command(*pack, "rollback", "switch back to the previous content version");
    rollback->add_option("--content-dir", r->directory, "the kiosk's content directory")
        ->required()
        ->type_name("DIR");
    rollback->callback(
        [&io, &status, r] { status = runPackRollback(r->directory, io.out, io.err); });
}

void addReport(CLI::App& app, const KioskctlIo& io, int& status, std::shared_ptr<Requests> r) {
    CLI::App* report = command(app, "report", "usage report for a date range (no personal data)");
    report->add_option("--from", r->reportFrom, "first day (with --to)")
        ->check(kIsoDate)
        ->type_name("YYYY-MM-DD");
    report->add_option("--to", r->reportTo, "last day (with --from)")
        ->check(kIsoDate)
        ->type_name("YYYY-MM-DD");
    report->add_option("--period", r->reportPeriod, "instead of --from and --to")
        ->check(CLI::IsMember({"today", "week", "month"}))
        ->type_name("PERIOD");
    report->add_flag("--csv", r->report.csv, "CSV instead of the printable summary");
    report->add_option("--db", r->report.database, "the usage database")
        ->type_name("FILE")
        ->default_str(defaultUsageDatabase().string());
    report->add_option("--lang", r->reportLanguage, "language of the summary")
        ->check(CLI::IsMember({"vi", "en"}))
        ->type_name("LANG")
        ->default_str("vi");
    report->callback([&io, &status, r] {
        if (!r->reportFrom.empty()) {
            r->report.from = parseIsoDate(r->reportFrom);
            r->report.to = parseIsoDate(r->reportTo);
        }
        if (r->reportPeriod == "today") {
            r->report.period = ReportPeriod::Today;
        } else if (r->reportPeriod == "week") {
            r->report.period = ReportPeriod::ThisWeek;
        } else if (r->reportPeriod == "month") {
            r->report.period = ReportPeriod::ThisMonth;
        }
        if (r->report.period.has_value() == r->report.from.has_value() ||
            r->report.from.has_value() != r->report.to.has_value()) {
            usageError("give either --from and --to, or --period");
        }
        r->report.language = *parseLanguage(r->reportLanguage);
        status = runReportCommand(r->report, io.out, io.err);
    });
}

void addVolunteer(CLI::App& app, const KioskctlIo& io, int& status, std::shared_ptr<Requests> r) {
    CLI::App* volunteer = command(app, "volunteer", "volunteers who sign in for assisted mode");
    volunteer->require_subcommand(1);
    auto run = [&io, &status, r](VolunteerAction action) {
        return [&io, &status, r, action] {
            r->volunteer.action = action;
            status = runVolunteerCommand(r->volunteer, io.readPin, io.out, io.err, io.pinHash);
        };
    };
    auto database = [r](CLI::App* sub) {
        sub->add_option("--db", r->volunteer.database, "the assist database")
            ->type_name("FILE")
            ->default_str(defaultAssistDatabase().string());
    };
    CLI::App* add = command(*volunteer, "add", "add a volunteer (the PIN is asked twice)");
    add->add_option("--name", r->volunteer.name, "the name shown to the volunteer")
        ->required()
        ->type_name("NAME");
    database(add);
    add->callback(run(VolunteerAction::Add));
    struct ById {
        const char* name;
        const char* description;
        VolunteerAction action;
    };
    for (const ById& byId :
         {ById{"set-pin", "set a volunteer's PIN (asked twice)", VolunteerAction::SetPin},
          ById{"disable", "stop a volunteer signing in", VolunteerAction::Disable},
          ById{"enable", "let a disabled volunteer sign in again", VolunteerAction::Enable}}) {
        CLI::App* sub = command(*volunteer, byId.name, byId.description);
        sub->add_option("ID", r->volunteer.id, "the volunteer's id (from list)")
            ->required()
            ->type_name("ID");
        database(sub);
        sub->callback(run(byId.action));
    }
    CLI::App* list = command(*volunteer, "list", "id, state and name of every volunteer");
    database(list);
    list->callback(run(VolunteerAction::List));

    CLI::App* maintainer = command(app, "maintainer-pin", "the PIN of the maintainer screen");
    maintainer->require_subcommand(1);
    CLI::App* set = command(*maintainer, "set", "set the maintainer PIN (asked twice)");
    set->add_option("--db", r->volunteer.database, "the assist database")
        ->type_name("FILE")
        ->default_str(defaultAssistDatabase().string());
    set->callback([&io, &status, r] {
        status = runMaintainerPinSet(r->volunteer.database, io.readPin, io.out, io.err, io.pinHash);
    });
}

void addCard(CLI::App& app, const KioskctlIo& io, int& status, std::shared_ptr<Requests> r) {
    CLI::App* card = command(app, "card", "the chip ID card reader");
    card->require_subcommand(1);
    CLI::App* read =
        command(*card, "read", "read a chip ID card end to end (values masked unless --show)");
    CardReadRequest& c = r->card;
    CLI::Option* sim = read->add_option("--sim", c.profile,
                                        "simulated reader with card profile PROFILE (default: "
                                        "the first in --profiles)")
                           ->expected(0, 1)
                           ->type_name("[PROFILE]");
    read->add_option("--profiles", c.profiles, "where --sim looks for PROFILE.json")
        ->type_name("DIR");
    read->add_option("--id", c.idNumber, "a real card's ID number (12 digits)")->type_name("N");
    read->add_option("--dob", c.dateOfBirth, "a real card's date of birth")->type_name("YYMMDD");
    read->add_option("--doe", c.dateOfExpiry, "a real card's date of expiry")->type_name("YYMMDD");
    read->add_option("--trust", c.trust,
                     "CSCA trust store (with --sim: the simulator's own CSCA by default)")
        ->type_name("DIR");
    read->add_flag("--photo", c.photo, "also read the face photo (DG2)");
    read->add_flag("--bac", c.bacOnly, "use BAC even when the card offers PACE");
    read->add_flag("--show", c.show, "print personal values and file bytes unmasked");
    read->add_option("--sim-fault", c.simFault,
                     "with --sim: cloned-chip, no-active-auth or altered-data")
        ->type_name("FAULT");
    read->callback([&io, &status, r, sim] {
        r->card.simulated = sim->count() > 0;
        status = runCardRead(r->card, io.openUsbReader, io.out, io.err);
    });

    CLI::App* trust = command(*card, "trust", "the CSCA certificates that sign chip ID cards");
    trust->require_subcommand(1);
    CLI::App* trustList = command(*trust, "list",
                                  "the CSCA certificates trusted (csca_dir, then the content "
                                  "pack's csca/), and until when");
    trustList->add_option("--config", r->configFile, "the kiosk configuration (default: built-in)")
        ->type_name("FILE");
    trustList->callback([&io, &status, r] {
        auto config = configFrom(r->configFile, io.err);
        if (!config) {
            status = 1;
            return;
        }
        status = runCardTrustList({config->devices.cscaDir, packTrustDirectory(*config)}, io.out);
    });
}

void addOutbox(CLI::App& app, const KioskctlIo& io, int& status, std::shared_ptr<Requests> r) {
    CLI::App* outbox = command(app, "outbox", "dossiers waiting to be sent (no personal data)");
    outbox->require_subcommand(1);
    auto define = [&io, &status, r](CLI::App* sub, OutboxAction action) {
        sub->add_option("--config", r->configFile, "the kiosk configuration (default: built-in)")
            ->type_name("FILE");
        sub->add_option("--db", r->database,
                        "the outbox file (default: outbox.db in the data "
                        "directory)")
            ->type_name("FILE");
        sub->callback([&io, &status, r, action] {
            auto config = configFrom(r->configFile, io.err);
            if (!config) {
                status = kExitFailure;
                return;
            }
            std::filesystem::path file = r->database.empty() ? outboxPath(*config) : r->database;
            status = runOutboxCommand(action, file, *config, io.out, io.err);
        });
    };
    define(command(*outbox, "list", "every queued dossier: reference, state, codes"),
           OutboxAction::List);
    define(command(*outbox, "retry", "send every undelivered dossier again now"),
           OutboxAction::Retry);
}

void addDocs(CLI::App& app, const KioskctlIo& io, int& status, std::shared_ptr<Requests> r) {
    CLI::App* dictionary =
        command(app, "log-dictionary", "print the Markdown dictionary of log events");
    dictionary->callback([&io, &status] {
        io.out << logDictionaryMarkdown();
        status = kExitOk;
    });
    CLI::App* procedures = command(app, "procedures", "procedure definitions in content");
    procedures->require_subcommand(1);
    CLI::App* check =
        command(*procedures, "check", "check a content directory's procedures and lists");
    check->add_option("DIR", r->directory, "the content directory")->required()->type_name("DIR");
    check->callback(
        [&io, &status, r] { status = runProceduresCheck(r->directory, io.out, io.err); });
}

void addDoctor(CLI::App& app, const KioskctlIo& io, int& status, std::shared_ptr<Requests> r) {
    CLI::App* doctor = command(app, "doctor",
                               "check the whole box: config, content, devices, gateway, clock, "
                               "disk, outbox, crashes; each OK, WARN or FAIL with its fix");
    doctor->add_option("--config", r->configFile, "the kiosk configuration")
        ->type_name("FILE")
        ->default_str(kInstalledConfig);
    doctor->add_flag("--json", r->json, "one JSON object for scripts instead of the table");
    doctor
        ->add_option("--journal-dir", r->directory,
                     "read this journal directory instead of the system journal")
        ->type_name("DIR");
    doctor->callback([&io, &status, r] {
        HealthContext context;
        context.configFile = r->configFile;
        if (context.configFile.empty() && std::filesystem::exists(kInstalledConfig)) {
            context.configFile = kInstalledConfig;
        }
        context.listUsb = io.listUsb;
        context.journalDirectory = r->directory;
        auto results = runHealthChecks(context);
        io.out << (r->json ? healthReportJson(results) : healthReportText(results));
        status = worstLevel(results) == HealthLevel::Fail ? kExitFailure : kExitOk;
    });
}

} // namespace

std::unique_ptr<CLI::App> makeKioskctlCli(const KioskctlIo& io, int& status) {
    auto app = std::make_unique<CLI::App>(
        "The maintainers' command line of the community kiosk: content packs, the outbox, "
        "usage reports, volunteers, devices and configuration.",
        "kioskctl");
    configureProgram(*app, KIOSK_VERSION);
    app->require_subcommand(1);
    auto requests = std::make_shared<Requests>();
    addConfig(*app, io, status, requests);
    addPrintTest(*app, io, status, requests);
    addPack(*app, io, status, requests);
    addReport(*app, io, status, requests);
    addVolunteer(*app, io, status, requests);
    addCard(*app, io, status, requests);
    addOutbox(*app, io, status, requests);
    addDocs(*app, io, status, requests);
    addDoctor(*app, io, status, requests);
    return app;
}

int runKioskctl(const std::vector<std::string>& args, const KioskctlIo& io) {
    int status = kExitOk;
    auto app = makeKioskctlCli(io, status);
    return runCommandLine(*app, args, status, io.out, io.err);
}

} // namespace kiosk::cli
