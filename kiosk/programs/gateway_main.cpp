// kiosk-gateway: the reference gateway (serve, keygen, list) used for tests and small pilots.
#include "kiosk/log/logger.hpp"
#include "kiosk/outbox/sealed_box.hpp"
#include "kiosk/programs/gateway/admin_commands.hpp"
#include "kiosk/programs/gateway/gateway_server.hpp"

#include <csignal>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

int usage() {
    std::cerr
        << "usage: kiosk-gateway <command> [options]\n"
           "  keygen --out DIR                write DIR/gateway.key (0600) and DIR/gateway.pub\n"
           "  serve --db FILE --key FILE --kiosks FILE [--listen HOST:PORT]\n"
           "        [--tls-cert FILE --tls-key FILE] [--unit CODE] [--control]\n"
           "        [--fault-rate 0..1] [--fault-seed N] [--slow-ms N] [--retry-after S]\n"
           "                                  --kiosks: one \"kiosk-id secret\" per line\n"
           "  list --db FILE --key FILE       list stored dossiers (no personal data shown)\n"
           "  serve also takes [--content DIR] (procedures for the inbox) [--retention-days N]\n"
           "  user add|list, kiosk place      accounts and kiosk villages (see --help of each)\n"
           "  --db is an SQLite file or a postgresql:// URL\n";
    return 2;
}

std::map<std::string, std::string> parseOptions(const std::vector<std::string>& args, bool& valid) {
    std::map<std::string, std::string> options;
    valid = true;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i].rfind("--", 0) != 0) {
            valid = false;
            return options;
        }
        std::string key = args[i].substr(2);
        if (key == "control") {
            options[key] = "1";
        } else if (i + 1 < args.size()) {
            options[key] = args[++i];
        } else {
            valid = false;
        }
    }
    return options;
}

int keygen(const std::map<std::string, std::string>& options) {
    if (!options.contains("out")) {
        return usage();
    }
    std::filesystem::path dir = options.at("out");
    auto pair = kiosk::generateX25519KeyPair();
    if (!pair) {
        std::cerr << "kiosk-gateway: " << pair.error().message << '\n';
        return 1;
    }
    auto privateStatus = kiosk::writeKeyFile(dir / "gateway.key", pair->privateKey, true);
    auto publicStatus = kiosk::writeKeyFile(dir / "gateway.pub", pair->publicKey, false);
    if (!privateStatus || !publicStatus) {
        std::cerr << "kiosk-gateway: cannot write the key files in " << dir << '\n';
        return 1;
    }
    std::cout << "wrote " << (dir / "gateway.key").string() << " (keep secret) and "
              << (dir / "gateway.pub").string() << " (copy to each kiosk)\n";
    return 0;
}

int list(const std::map<std::string, std::string>& options) {
    if (!options.contains("db") || !options.contains("key")) {
        return usage();
    }
    auto key = kiosk::readKeyFile(options.at("key"));
    if (!key) {
        std::cerr << "kiosk-gateway: " << key.error().message << '\n';
        return 1;
    }
    auto store = kiosk::GatewayStore::open(options.at("db"), "000.00.00.K01");
    if (!store) {
        std::cerr << "kiosk-gateway: " << store.error().message << '\n';
        return 1;
    }
    auto dossiers = kiosk::openStoredDossiers(**store, *key);
    if (!dossiers) {
        std::cerr << "kiosk-gateway: " << dossiers.error().message << '\n';
        return 1;
    }
    std::cout << "dossier_code\treceived_at\tappointment_at\tprocedure\tkiosk\tlocal_reference"
                 "\tstatus\tdecrypts\tanswers\n";
    for (const kiosk::OpenedDossier& dossier : *dossiers) {
        const kiosk::StoredDossier& s = dossier.stored;
        std::size_t answers = dossier.payload && dossier.payload->contains("DuLieuBieuMau")
                                  ? (*dossier.payload)["DuLieuBieuMau"].size()
                                  : 0;
        std::cout << s.dossierCode << '\t' << s.receivedAt << '\t' << s.appointmentAt << '\t'
                  << s.procedureCode << '\t' << s.kioskId << '\t' << s.localReference << '\t'
                  << s.status << '\t' << (dossier.payload ? "yes" : "NO") << '\t' << answers
                  << '\n';
    }
    std::cerr << dossiers->size() << " dossier(s)\n";
    return 0;
}

int serve(const std::map<std::string, std::string>& options) {
    if (!options.contains("db") || !options.contains("key") || !options.contains("kiosks")) {
        return usage();
    }
    kiosk::GatewayServerOptions server;
    server.database = options.at("db");
    auto key = kiosk::readKeyFile(options.at("key"));
    if (!key) {
        std::cerr << "kiosk-gateway: " << key.error().message << '\n';
        return 1;
    }
    server.privateKey = *key;
    std::ifstream kiosks(options.at("kiosks"));
    std::string id;
    std::string secret;
    while (kiosks >> id >> secret) {
        server.kioskSecrets[id] = secret;
    }
    if (server.kioskSecrets.empty()) {
        std::cerr << "kiosk-gateway: " << options.at("kiosks") << " lists no kiosks\n";
        return 1;
    }
    if (options.contains("tls-cert") != options.contains("tls-key")) {
        std::cerr << "kiosk-gateway: give both --tls-cert and --tls-key\n";
        return 2;
    }
    if (options.contains("tls-cert")) {
        server.tlsCertificate = options.at("tls-cert");
        server.tlsPrivateKey = options.at("tls-key");
    }
    if (options.contains("unit")) {
        server.unitCode = options.at("unit");
    }
    server.controlEndpoint = options.contains("control");
    if (options.contains("content")) {
        server.contentDir = options.at("content");
    }
    try {
        if (options.contains("fault-rate")) {
            server.randomFaultRate = std::stod(options.at("fault-rate"));
        }
        if (options.contains("fault-seed")) {
            server.seed = static_cast<std::uint32_t>(std::stoul(options.at("fault-seed")));
        }
        if (options.contains("slow-ms")) {
            server.slowDelay = std::chrono::milliseconds(std::stol(options.at("slow-ms")));
        }
        if (options.contains("retention-days")) {
            server.retentionDays = std::stoi(options.at("retention-days"));
        }
        if (options.contains("retry-after")) {
            server.retryAfterSeconds = std::stoi(options.at("retry-after"));
        }
    } catch (const std::exception&) {
        std::cerr << "kiosk-gateway: a numeric option is not a number\n";
        return 2;
    }
    std::string listen = options.contains("listen") ? options.at("listen") : "127.0.0.1:8787";
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) {
        return usage();
    }
    // Block the stop signals before any thread starts, then wait for one in main.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    kiosk::Logger logger(std::cout);
    auto gateway = kiosk::GatewayServer::create(server, &logger);
    if (!gateway) {
        std::cerr << "kiosk-gateway: " << gateway.error().message << '\n';
        return 1;
    }
    auto port = (*gateway)->start(listen.substr(0, colon), std::stoi(listen.substr(colon + 1)));
    if (!port) {
        std::cerr << "kiosk-gateway: " << port.error().message << '\n';
        return 1;
    }
    int received = 0;
    sigwait(&signals, &received);
    (*gateway)->stop();
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        return usage();
    }
    std::string command = args[0];
    if (command == "user" || command == "kiosk") {
        return kiosk::runAdminCommand(args);
    }
    args.erase(args.begin());
    bool valid = false;
    auto options = parseOptions(args, valid);
    if (!valid) {
        return usage();
    }
    if (command == "keygen") {
        return keygen(options);
    }
    if (command == "serve") {
        return serve(options);
    }
    if (command == "list") {
        return list(options);
    }
    return usage();
}
