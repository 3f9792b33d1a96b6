// The three programs' command lines: --help everywhere, --version, usage errors that suggest.
#include "kiosk/app/kiosk_options.hpp"
#include "kiosk/cli/command_line.hpp"
#include "kiosk/programs/gateway/gateway_cli.hpp"
#include "tests/kiosk/cli/kioskctl_test_support.hpp"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>
#include <sstream>
#include <sys/wait.h>

using namespace kiosk;

namespace {

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words) {
        text += (text.empty() ? "" : " ") + word;
    }
    return text;
}

// Every command path of a tree, found by walking it, so a new subcommand is covered unasked.
std::vector<std::vector<std::string>> commandPaths(const CLI::App& app) {
    std::vector<std::vector<std::string>> paths;
    cli::forEachCommand(
        app, [&](const std::vector<std::string>& path, const CLI::App&) { paths.push_back(path); });
    return paths;
}

struct Run {
    int status = 0;
    std::string out;
    std::string err;
};

Run kioskctl(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    int status = testing::kioskctl({}, args, out, err);
    return {status, out.str(), err.str()};
}

Run gateway(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    int status = runGateway(args, out, err);
    return {status, out.str(), err.str()};
}

void requireHelp(const std::string& program, const std::vector<std::string>& path, const Run& run) {
    INFO(program << " " << joined(path) << " --help: " << run.err);
    CHECK(run.status == 0);
    CHECK(run.out.find("Usage: " + program + (path.empty() ? "" : " " + joined(path))) !=
          std::string::npos);
    CHECK(run.err.empty());
}

} // namespace

TEST_CASE("every kioskctl command and subcommand answers --help with exit 0", "[cli]") {
    std::ostringstream sink;
    int status = 0;
    cli::KioskctlIo io{sink, sink, {}, {}, {}, {}};
    auto paths = commandPaths(*cli::makeKioskctlCli(io, status));
    CHECK(paths.size() >= 25); // the program, 10 commands and their subcommands
    for (const auto& path : paths) {
        std::vector<std::string> args = path;
        args.push_back("--help");
        requireHelp("kioskctl", path, kioskctl(args));
    }
}

TEST_CASE("every kiosk-gateway command answers --help with exit 0", "[cli]") {
    std::ostringstream sink;
    int status = 0;
    auto paths = commandPaths(*makeGatewayCli(sink, sink, status));
    CHECK(paths.size() >= 4);
    for (const auto& path : paths) {
        std::vector<std::string> args = path;
        args.push_back("--help");
        requireHelp("kiosk-gateway", path, gateway(args));
    }
}

TEST_CASE("kiosk answers --help and --version and refuses unknown options", "[cli]") {
    KioskOptions options;
    auto paths = commandPaths(*makeKioskCli(options));
    for (const auto& path : paths) {
        std::vector<std::string> args = path;
        args.push_back("--help");
        std::ostringstream out;
        std::ostringstream err;
        auto parsed = parseKioskOptions(args, out, err);
        REQUIRE(std::holds_alternative<int>(parsed));
        CHECK(std::get<int>(parsed) == 0);
        CHECK(out.str().find("Usage: kiosk") != std::string::npos);
    }
    std::ostringstream out;
    std::ostringstream err;
    auto version = parseKioskOptions({"--version"}, out, err);
    CHECK(std::get<int>(version) == 0);
    CHECK(out.str() == std::string("kiosk ") + KIOSK_VERSION + "\n");
    auto wrong = parseKioskOptions({"--windwed"}, out, err);
    CHECK(std::get<int>(wrong) == 2);
    CHECK(err.str().find("unknown option --windwed (did you mean --windowed?)") !=
          std::string::npos);
    auto demo = parseKioskOptions({"--demo", "--config", "/tmp/k.ini"}, out, err);
    REQUIRE(std::holds_alternative<KioskOptions>(demo));
    CHECK(std::get<KioskOptions>(demo).mode == RunMode::Demo);
    CHECK_FALSE(std::get<KioskOptions>(demo).simulatedDevices); // devices from the config
    CHECK(std::get<KioskOptions>(demo).configPath == std::filesystem::path("/tmp/k.ini"));
}

TEST_CASE("kioskctl usage errors name the bad word, suggest the right one and exit 2", "[cli]") {
    Run misspelt = kioskctl({"report", "--form", "2026-11-01"});
    CHECK(misspelt.status == 2);
    CHECK(misspelt.err.find("kioskctl report: unknown option --form (did you mean --from?)") !=
          std::string::npos);
    Run command = kioskctl({"volunteer", "ad"});
    CHECK(command.status == 2);
    CHECK(command.err.find("unknown command ad (did you mean add?)") != std::string::npos);
    Run missing = kioskctl({"pack"});
    CHECK(missing.status == 2);
    CHECK(missing.err.find("kioskctl pack: needs a command: keygen build verify install status "
                           "rollback") != std::string::npos);
    Run required = kioskctl({"pack", "verify", "x.pack"});
    CHECK(required.status == 2);
    CHECK(required.err.find("--pubkey") != std::string::npos);
    Run value = kioskctl({"report", "--to"});
    CHECK(value.status == 2);
    CHECK(value.err.find("--to") != std::string::npos);
    Run nothing = kioskctl({});
    CHECK(nothing.status == 2);
    Run version = kioskctl({"--version"});
    CHECK(version.status == 0);
    CHECK(version.out == std::string("kioskctl ") + KIOSK_VERSION + "\n");
}

TEST_CASE("kiosk-gateway checks numbers and option pairs before it starts", "[cli]") {
    Run rate = gateway(
        {"serve", "--db", "g.db", "--key", "g.key", "--kiosks", "k.txt", "--fault-rate", "2"});
    CHECK(rate.status == 2);
    CHECK(rate.err.find("--fault-rate") != std::string::npos);
    Run tls = gateway(
        {"serve", "--db", "g.db", "--key", "g.key", "--kiosks", "k.txt", "--tls-cert", "c.pem"});
    CHECK(tls.status == 2);
    CHECK(tls.err.find("--tls-key") != std::string::npos);
}

TEST_CASE("the real programs exit 0 on --help and 2 on a misspelt option", "[cli]") {
    std::string program = KIOSK_GATEWAY_PROGRAM;
    auto exitOf = [](const std::string& command) {
        int raw = std::system((command + " >/dev/null 2>&1").c_str());
        return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    };
    CHECK(exitOf(program + " serve --help") == 0);
    CHECK(exitOf(program + " list --dbb x") == 2);
    CHECK(exitOf(program + " --version") == 0);
}

TEST_CASE("closestWord suggests near misses only", "[cli]") {
    CHECK(cli::closestWord("--form", {"--from", "--to", "--period"}) == "--from");
    CHECK(cli::closestWord("--sho", {"--show", "--sim"}) == "--show");
    CHECK(cli::closestWord("ad", {"add", "list"}) == "add");
    CHECK(cli::closestWord("--zebra", {"--from", "--to"}).empty());
    CHECK(cli::closestWord("purge", {"list", "retry"}).empty());
}
