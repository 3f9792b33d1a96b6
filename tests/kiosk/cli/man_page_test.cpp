// The generated man pages and bash completions: built, and covering every command and key.
#include "kiosk/cli/command_line.hpp"
#include "kiosk/cli/kioskctl_cli.hpp"
#include "kiosk/cli/man_page.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/programs/gateway/gateway_cli.hpp"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

using namespace kiosk;

namespace {

const std::filesystem::path kBuild = KIOSK_BINARY_DIR;

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// How a word looks in roff source: dashes escaped.
std::string roffWord(const std::string& word) {
    std::string out;
    for (char c : word) {
        out += c == '-' ? std::string("\\-") : std::string(1, c);
    }
    return out;
}

// Renders a page with man's own formatter, which reports roff mistakes on stderr.
std::string render(const std::filesystem::path& page) {
    std::string command = "MANWIDTH=100 man -l --warnings=w '" + page.string() + "' 2>&1";
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) {
        output.append(buffer, n);
    }
    ::pclose(pipe);
    return output;
}

void requireEveryCommand(const CLI::App& app, const std::string& page,
                         const std::string& completion) {
    cli::forEachCommand(app, [&](const std::vector<std::string>& path, const CLI::App& command) {
        std::string line = app.get_name();
        for (const std::string& word : path) {
            line += " " + word;
        }
        INFO(line);
        if (!path.empty()) {
            CHECK(page.find(".SS \"" + roffWord(line) + "\"") != std::string::npos);
            CHECK(completion.find(path.back()) != std::string::npos);
        }
        for (const CLI::Option* option : command.get_options()) {
            for (const std::string& name : option->get_lnames()) {
                INFO(name);
                CHECK(page.find(roffWord("--" + name)) != std::string::npos);
                CHECK(completion.find("--" + name) != std::string::npos);
            }
        }
    });
}

} // namespace

TEST_CASE("kioskctl(8) and its completion describe every command and option", "[cli]") {
    std::ostringstream sink;
    int status = 0;
    cli::KioskctlIo io{sink, sink, {}, {}, {}, {}};
    auto app = cli::makeKioskctlCli(io, status);
    std::string page = slurp(kBuild / "man" / "kioskctl.8");
    requireEveryCommand(*app, page, slurp(kBuild / "bash-completion" / "kioskctl"));
    CHECK(page.find(".SH EXIT STATUS") != std::string::npos);
    std::string shown = render(kBuild / "man" / "kioskctl.8");
    CHECK(shown.find("warning") == std::string::npos);
    CHECK(shown.find("kioskctl pack build") != std::string::npos);
}

TEST_CASE("kiosk-gateway(8) and kiosk(8) describe every command and option", "[cli]") {
    std::ostringstream sink;
    int status = 0;
    auto gateway = makeGatewayCli(sink, sink, status);
    requireEveryCommand(*gateway, slurp(kBuild / "man" / "kiosk-gateway.8"),
                        slurp(kBuild / "bash-completion" / "kiosk-gateway"));
    std::string kiosk = slurp(kBuild / "man" / "kiosk.8");
    for (const char* option : {"\\-\\-config", "\\-\\-windowed", "\\-\\-sim", "\\-\\-screenshots",
                               "\\-\\-demo", "\\-\\-version"}) {
        CHECK(kiosk.find(option) != std::string::npos);
    }
    CHECK(render(kBuild / "man" / "kiosk.8").find("warning") == std::string::npos);
}

TEST_CASE("kiosk.ini(5) lists every key of the config table under its section", "[cli]") {
    std::string page = slurp(kBuild / "man" / "kiosk.ini.5");
    auto keys = configKeys();
    REQUIRE(keys.size() >= 30);
    for (const ConfigKeyInfo& key : keys) {
        INFO(key.section << "." << key.name);
        auto section = page.find(".SH \"[" + roffWord(key.section) + "]\"");
        REQUIRE(section != std::string::npos);
        CHECK(page.find(".B " + roffWord(key.name), section) != std::string::npos);
        CHECK_FALSE(key.help.empty());
    }
    CHECK(render(kBuild / "man" / "kiosk.ini.5").find("warning") == std::string::npos);
}

TEST_CASE("the bash completion offers subcommands, then the options of the command typed",
          "[cli]") {
    std::filesystem::path script = kBuild / "bash-completion" / "kioskctl";
    auto complete = [&](const std::string& words, int index) {
        std::string command = "bash -c 'source \"" + script.string() + "\"; COMP_WORDS=(" + words +
                              "); COMP_CWORD=" + std::to_string(index) +
                              "; _kioskctl; printf \"%s\\n\" \"${COMPREPLY[@]}\"'";
        std::string output;
        FILE* pipe = ::popen(command.c_str(), "r");
        REQUIRE(pipe != nullptr);
        char buffer[4096];
        while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) {
            output.append(buffer, n);
        }
        ::pclose(pipe);
        return output;
    };
    CHECK(complete("kioskctl pa", 1) == "pack\n");
    std::string pack = complete("kioskctl pack \"\"", 2);
    CHECK(pack.find("verify\n") != std::string::npos);
    CHECK(pack.find("rollback\n") != std::string::npos);
    CHECK(complete("kioskctl pack verify --pu", 3) == "--pubkey\n");
    CHECK(complete("kioskctl report --fr", 2) == "--from\n");
}
