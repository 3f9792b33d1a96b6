// kiosk-docs: writes the man pages and bash completions from the programs' own definitions.
// Run by the build (kiosk/programs/CMakeLists.txt); never installed.
#include "kiosk/app/kiosk_options.hpp"
#include "kiosk/cli/kioskctl_cli.hpp"
#include "kiosk/cli/man_page.hpp"
#include "kiosk/config/config.hpp"
#ifdef KIOSK_DOCS_GATEWAY
#include "kiosk/programs/gateway/gateway_cli.hpp"
#endif

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

// The build date, or SOURCE_DATE_EPOCH's for reproducible packages.
std::string buildDate() {
    std::time_t now = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    }
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

bool write(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
        std::cerr << "kiosk-docs: cannot write " << file.string() << '\n';
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: kiosk-docs MAN_DIR COMPLETION_DIR\n";
        return 2;
    }
    std::filesystem::path manDir = argv[1];
    std::filesystem::path completionDir = argv[2];
    std::filesystem::create_directories(manDir);
    std::filesystem::create_directories(completionDir);

    kiosk::cli::ManPageInfo info;
    info.date = buildDate();
    info.version = KIOSK_VERSION;

    std::ostringstream sink;
    int status = 0;
    kiosk::cli::KioskctlIo io{sink, sink, {}, {}, {}, {}};
    auto kioskctl = kiosk::cli::makeKioskctlCli(io, status);
    kiosk::KioskOptions options;
    auto kiosk = kiosk::makeKioskCli(options);

    kiosk::cli::ManPageInfo ctl = info;
    ctl.files = {"/etc/kiosk/kiosk.ini the configuration (see kiosk.ini(5))",
                 "/var/lib/kiosk the data directory: outbox.db, usage.db, assist.db, content/"};
    ctl.seeAlso = {"kiosk(8)", "kiosk.ini(5)", "kiosk-gateway(8)"};
    kiosk::cli::ManPageInfo app = info;
    app.files = {"/etc/kiosk/kiosk.ini the configuration (see kiosk.ini(5))",
                 "/var/lib/kiosk the data directory"};
    app.seeAlso = {"kioskctl(8)", "kiosk.ini(5)", "systemd.service(5)"};
    bool ok = write(manDir / "kioskctl.8", kiosk::cli::manPage(*kioskctl, ctl)) &&
              write(manDir / "kiosk.8", kiosk::cli::manPage(*kiosk, app)) &&
              write(manDir / "kiosk.ini.5", kiosk::cli::configManPage(kiosk::configKeys(), info)) &&
              write(completionDir / "kioskctl", kiosk::cli::bashCompletion(*kioskctl)) &&
              write(completionDir / "kiosk", kiosk::cli::bashCompletion(*kiosk));
#ifdef KIOSK_DOCS_GATEWAY
    // The gateway's pages, when it is built (not in the arm64 kiosk package).
    auto gateway = kiosk::makeGatewayCli(sink, sink, status);
    kiosk::cli::ManPageInfo server = info;
    server.seeAlso = {"kiosk(8)", "kioskctl(8)"};
    ok = ok && write(manDir / "kiosk-gateway.8", kiosk::cli::manPage(*gateway, server)) &&
         write(completionDir / "kiosk-gateway", kiosk::cli::bashCompletion(*gateway));
#endif
    return ok ? 0 : 1;
}
