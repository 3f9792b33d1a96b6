// kiosk-gateway's commands (keygen, serve, list) as one CLI11 tree.
#include "kiosk/programs/gateway/gateway_cli.hpp"

#include "kiosk/cli/command_line.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/outbox/sealed_box.hpp"
#include "kiosk/programs/gateway/admin_commands.hpp"
#include "kiosk/programs/gateway/gateway_server.hpp"

#include <CLI/CLI.hpp>
#include <csignal>
#include <fstream>

namespace kiosk {
namespace {

// Storage the options write into; owned by the callbacks, so it lives as long as the tree.
struct GatewayRequests {
    std::filesystem::path directory;
    std::filesystem::path database;
    std::filesystem::path key;
    std::filesystem::path kiosks;
    std::string listen = "127.0.0.1:8787";
    GatewayServerOptions server;
    long slowMilliseconds = 3000;
    long silentAfterMinutes = 15;
};

int keygen(const std::filesystem::path& dir, std::ostream& out, std::ostream& err) {
    auto pair = generateX25519KeyPair();
    if (!pair) {
        err << "kiosk-gateway: " << pair.error().message << '\n';
        return 1;
    }
    auto privateStatus = writeKeyFile(dir / "gateway.key", pair->privateKey, true);
    auto publicStatus = writeKeyFile(dir / "gateway.pub", pair->publicKey, false);
    if (!privateStatus || !publicStatus) {
        err << "kiosk-gateway: cannot write the key files in " << dir << '\n';
        return 1;
    }
    out << "wrote " << (dir / "gateway.key").string() << " (keep secret) and "
        << (dir / "gateway.pub").string() << " (copy to each kiosk)\n";
    return 0;
}

int list(const GatewayRequests& request, std::ostream& out, std::ostream& err) {
    auto key = readKeyFile(request.key);
    if (!key) {
        err << "kiosk-gateway: " << key.error().message << '\n';
        return 1;
    }
    auto store = GatewayStore::open(request.database, "000.00.00.K01");
    if (!store) {
        err << "kiosk-gateway: " << store.error().message << '\n';
        return 1;
    }
    auto dossiers = openStoredDossiers(**store, *key);
    if (!dossiers) {
        err << "kiosk-gateway: " << dossiers.error().message << '\n';
        return 1;
    }
    out << "dossier_code\treceived_at\tappointment_at\tprocedure\tkiosk\tlocal_reference"
           "\tstatus\tdecrypts\tanswers\n";
    for (const OpenedDossier& dossier : *dossiers) {
        const StoredDossier& s = dossier.stored;
        std::size_t answers = dossier.payload && dossier.payload->contains("DuLieuBieuMau")
                                  ? (*dossier.payload)["DuLieuBieuMau"].size()
                                  : 0;
        out << s.dossierCode << '\t' << s.receivedAt << '\t' << s.appointmentAt << '\t'
            << s.procedureCode << '\t' << s.kioskId << '\t' << s.localReference << '\t' << s.status
            << '\t' << (dossier.payload ? "yes" : "NO") << '\t' << answers << '\n';
    }
    err << dossiers->size() << " dossier(s)\n";
    return 0;
}

int serve(GatewayRequests& request, std::ostream& out, std::ostream& err) {
    GatewayServerOptions server = request.server;
    server.database = request.database;
    server.slowDelay = std::chrono::milliseconds(request.slowMilliseconds);
    server.silentAfter = std::chrono::minutes(request.silentAfterMinutes);
    auto key = readKeyFile(request.key);
    if (!key) {
        err << "kiosk-gateway: " << key.error().message << '\n';
        return 1;
    }
    server.privateKey = *key;
    std::ifstream kiosks(request.kiosks);
    std::string id;
    std::string secret;
    while (kiosks >> id >> secret) {
        server.kioskSecrets[id] = secret;
    }
    if (server.kioskSecrets.empty()) {
        err << "kiosk-gateway: " << request.kiosks.string() << " lists no kiosks\n";
        return 1;
    }
    auto colon = request.listen.rfind(':');
    int port = 0;
    try {
        port = colon == std::string::npos ? -1 : std::stoi(request.listen.substr(colon + 1));
    } catch (const std::exception&) {
        port = -1;
    }
    if (port < 0 || port > 65535) {
        throw CLI::ValidationError("--listen", "needs HOST:PORT, not " + request.listen);
    }
    // Block the stop signals before any thread starts, then wait for one here.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Logger logger(out);
    auto gateway = GatewayServer::create(server, &logger);
    if (!gateway) {
        err << "kiosk-gateway: " << gateway.error().message << '\n';
        return 1;
    }
    auto bound = (*gateway)->start(request.listen.substr(0, colon), port);
    if (!bound) {
        err << "kiosk-gateway: " << bound.error().message << '\n';
        return 1;
    }
    int received = 0;
    sigwait(&signals, &received);
    (*gateway)->stop();
    return 0;
}

CLI::App* command(CLI::App& parent, const std::string& name, const std::string& description) {
    CLI::App* sub = parent.add_subcommand(name, description);
    sub->group("COMMANDS");
    return sub;
}

} // namespace

std::unique_ptr<CLI::App> makeGatewayCli(std::ostream& out, std::ostream& err, int& status) {
    auto app = std::make_unique<CLI::App>(
        "The reference commune gateway: receives sealed dossiers from kiosks over HTTP(S); for "
        "tests and small pilots.",
        "kiosk-gateway");
    cli::configureProgram(*app, KIOSK_VERSION);
    app->require_subcommand(1);
    auto r = std::make_shared<GatewayRequests>();

    CLI::App* keygenCommand =
        command(*app, "keygen", "write DIR/gateway.key (0600) and DIR/gateway.pub");
    keygenCommand->add_option("--out", r->directory, "where to write the key pair")
        ->required()
        ->type_name("DIR");
    keygenCommand->callback([&out, &err, &status, r] { status = keygen(r->directory, out, err); });

    CLI::App* serveCommand = command(*app, "serve", "receive dossiers until SIGINT or SIGTERM");
    serveCommand
        ->add_option("--db", r->database, "the gateway's store: SQLite file or postgresql:// URL")
        ->required()
        ->type_name("FILE");
    serveCommand->add_option("--key", r->key, "the gateway's private key (from keygen)")
        ->required()
        ->type_name("FILE");
    serveCommand->add_option("--kiosks", r->kiosks, "one \"kiosk-id secret\" per line")
        ->required()
        ->type_name("FILE");
    serveCommand->add_option("--listen", r->listen, "address and port to listen on")
        ->type_name("HOST:PORT")
        ->default_str(r->listen);
    CLI::Option* cert =
        serveCommand->add_option("--tls-cert", r->server.tlsCertificate, "serve HTTPS: certificate")
            ->type_name("FILE");
    CLI::Option* tlsKey =
        serveCommand->add_option("--tls-key", r->server.tlsPrivateKey, "serve HTTPS: private key")
            ->type_name("FILE");
    cert->needs(tlsKey);
    tlsKey->needs(cert);
    serveCommand->add_option("--unit", r->server.unitCode, "the receiving unit's code")
        ->type_name("CODE")
        ->default_str(r->server.unitCode);
    serveCommand->add_flag("--control", r->server.controlEndpoint,
                           "accept POST /control/fault from 127.0.0.1 (tests)");
    serveCommand
        ->add_option("--fault-rate", r->server.randomFaultRate,
                     "share of POSTs given a random fault")
        ->check(CLI::Range(0.0, 1.0))
        ->type_name("0..1");
    serveCommand->add_option("--fault-seed", r->server.seed, "seed of the random faults")
        ->type_name("N");
    serveCommand->add_option("--slow-ms", r->slowMilliseconds, "delay of the slow fault")
        ->check(CLI::NonNegativeNumber)
        ->type_name("N");
    serveCommand
        ->add_option("--retry-after", r->server.retryAfterSeconds,
                     "Retry-After of the 429 and 503 faults")
        ->check(CLI::NonNegativeNumber)
        ->type_name("S");
    serveCommand
        ->add_option("--content", r->server.contentDir,
                     "content folder (procedures/, lists/): the inbox lays answers out "
                     "like the form")
        ->type_name("DIR");
    serveCommand
        ->add_option("--retention-days", r->server.retentionDays,
                     "erase dossiers received longer ago than this (0 = never)")
        ->check(CLI::NonNegativeNumber)
        ->default_str(std::to_string(r->server.retentionDays))
        ->type_name("N");
    serveCommand
        ->add_option("--silent-after", r->silentAfterMinutes,
                     "minutes without a heartbeat before the dashboard calls a kiosk silent")
        ->check(CLI::PositiveNumber)
        ->default_str(std::to_string(r->silentAfterMinutes))
        ->type_name("MIN");
    serveCommand->callback([&out, &err, &status, r] { status = serve(*r, out, err); });

    CLI::App* listCommand = command(*app, "list", "list stored dossiers (no personal data shown)");
    listCommand
        ->add_option("--db", r->database, "the gateway's store: SQLite file or postgresql:// URL")
        ->required()
        ->type_name("FILE");
    listCommand->add_option("--key", r->key, "the gateway's private key")
        ->required()
        ->type_name("FILE");
    listCommand->callback([&out, &err, &status, r] { status = list(*r, out, err); });
    addAdminCommands(*app, out, err, status);
    return app;
}

int runGateway(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    int status = cli::kExitOk;
    auto app = makeGatewayCli(out, err, status);
    return cli::runCommandLine(*app, args, status, out, err);
}

} // namespace kiosk
