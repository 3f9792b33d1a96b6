// Configuration that used to pass the check and then break the kiosk (issue 23 item 4), and
// secrets with loose permissions (issue 21 item 11): refused by `kioskctl config check` and at
// the kiosk's start with the same message.
#include "kiosk/config/config.hpp"
#include "kiosk/config/config_check_command.hpp"
#include "kiosk/config/config_files.hpp"
#include "kiosk/config/startup_config.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/outbox/gateway_client.hpp"
#include "kiosk/outbox/sealed_box.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace kiosk;

namespace {

// A kiosk.ini naming a credential and a public key in `dir`, both right unless changed.
struct ConfiguredFiles {
    testing::TempDir dir;
    std::filesystem::path ini = dir / "kiosk.ini";
    std::filesystem::path secret = dir / "kiosk.secret";
    std::filesystem::path publicKey = dir / "gateway.pub";

    ConfiguredFiles() {
        std::ofstream(secret) << "a-test-secret-of-enough-length\n";
        ::chmod(secret.c_str(), 0600);
        REQUIRE(writeKeyFile(publicKey, generateX25519KeyPair()->publicKey, false).ok());
        writeIni("");
    }

    void writeIni(const std::string& extra) const {
        std::ofstream(ini) << "[gateway]\ncredential_file = " << secret.string()
                           << "\npublic_key_file = " << publicKey.string() << "\n"
                           << extra << "[paths]\ndata_dir = " << (dir / "data").string() << "\n";
    }

    // What `kioskctl config check` says, and what the kiosk's start says, for the same file.
    std::pair<std::string, std::string> checkAndStart() const {
        std::ostringstream out;
        std::ostringstream err;
        int status = runConfigCheck(ini, out, err);
        std::ostringstream logs;
        Logger logger(logs);
        StartupConfig started = loadStartupConfig(ini, StartupFileCheck::Always, logger);
        if (status == 0) {
            CHECK(started.problem.empty());
            return {"", started.problem};
        }
        CHECK(logs.str().find("config_invalid") != std::string::npos);
        std::string said = err.str();
        said = said.substr(std::string("kioskctl: ").size());
        said.pop_back(); // newline
        return {said, started.problem};
    }
};

} // namespace

TEST_CASE("nan and inf are not numbers a setting can take", "[config][trust]") {
    for (const char* value : {"nan", "NaN", "inf", "-inf", "infinity", "1e999"}) {
        DYNAMIC_SECTION(value) {
            auto config =
                parseConfig(std::string("[display]\npanel_width_mm = ") + value + "\n", "k.ini");
            REQUIRE_FALSE(config.ok());
            CHECK(config.error().message.find("panel_width_mm must be") != std::string::npos);
        }
    }
    CHECK(parseConfig("[display]\npanel_height_mm = 136.5\n", "k.ini").ok());
}

TEST_CASE("the gateway url must be an http or https address with a host", "[config][trust]") {
    for (const char* url : {"", "ftp://gateway", "file:///etc/passwd", "gateway.example.vn",
                            "http://", "https:///v1", "http://gate way", "http://x\"y"}) {
        DYNAMIC_SECTION(url) {
            auto config = parseConfig(std::string("[gateway]\nurl = ") + url + "\n", "k.ini");
            REQUIRE_FALSE(config.ok());
            CHECK(config.error().message.find("[gateway] url must be an http:// or https://") !=
                  std::string::npos);
        }
    }
    auto fine = parseConfig("[gateway]\nurl = https://xa-vinh-tuong.gov.vn:8443/kiosk\n", "k");
    REQUIRE(fine.ok());
    CHECK(fine->gateway.url == "https://xa-vinh-tuong.gov.vn:8443/kiosk");
}

TEST_CASE("an empty data or content directory is refused", "[config][trust]") {
    auto data = parseConfig("[paths]\ndata_dir =\n", "k.ini");
    REQUIRE_FALSE(data.ok());
    CHECK(data.error().message == "k.ini:2: [paths] data_dir must not be empty");
    CHECK_FALSE(parseConfig("[paths]\ncontent_dir =\n", "k.ini").ok());
}

TEST_CASE("config check and the kiosk's start refuse the same broken credential files",
          "[config][trust]") {
    SECTION("all right") {
        ConfiguredFiles files;
        auto [check, start] = files.checkAndStart();
        CHECK(check.empty());
        CHECK(start.empty());
    }
    SECTION("empty credential_file") {
        ConfiguredFiles files;
        std::ofstream(files.ini) << "[gateway]\npublic_key_file = " << files.publicKey.string()
                                 << "\n";
        auto [check, start] = files.checkAndStart();
        CHECK_THAT(check, Catch::Contains("[gateway] credential_file is empty"));
        CHECK(start == check);
    }
    SECTION("missing credential file") {
        ConfiguredFiles files;
        std::filesystem::remove(files.secret);
        auto [check, start] = files.checkAndStart();
        CHECK_THAT(check, Catch::Contains(files.secret.string() + ": does not exist"));
        CHECK(start == check);
    }
    SECTION("an empty credential file") {
        ConfiguredFiles files;
        std::ofstream(files.secret, std::ios::trunc).flush();
        auto [check, start] = files.checkAndStart();
        CHECK_THAT(check, Catch::Contains("[gateway] credential_file"));
        CHECK(start == check);
    }
    SECTION("a credential readable by others is refused like ssh refuses a loose key") {
        ConfiguredFiles files;
        ::chmod(files.secret.c_str(), 0644);
        auto [check, start] = files.checkAndStart();
        CHECK_THAT(check, Catch::Contains(files.secret.string()));
        CHECK_THAT(check, Catch::Contains("mode 0644"));
        CHECK_THAT(check, Catch::Contains("chmod 600 " + files.secret.string()));
        CHECK(start == check);
        // Wherever the secret is read, not only at the check.
        auto read = readCredentialFile(files.secret);
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().code == "credential_permissions");
    }
    SECTION("a credential that is a directory") {
        ConfiguredFiles files;
        std::filesystem::remove(files.secret);
        std::filesystem::create_directory(files.secret);
        auto [check, start] = files.checkAndStart();
        CHECK_THAT(check, Catch::Contains("is not a regular file"));
        CHECK(start == check);
    }
    SECTION("empty public_key_file") {
        ConfiguredFiles files;
        std::ofstream(files.ini) << "[gateway]\ncredential_file = " << files.secret.string()
                                 << "\n";
        auto [check, start] = files.checkAndStart();
        CHECK_THAT(check, Catch::Contains("[gateway] public_key_file is empty"));
        CHECK(start == check);
    }
    SECTION("a public key that is not 64 hex characters") {
        ConfiguredFiles files;
        std::ofstream(files.publicKey) << "not a key\n";
        auto [check, start] = files.checkAndStart();
        CHECK_THAT(check, Catch::Contains("must hold 64 hex characters"));
        CHECK(start == check);
    }
    SECTION("a public key anyone may replace") {
        ConfiguredFiles files;
        ::chmod(files.publicKey.c_str(), 0666);
        auto [check, start] = files.checkAndStart();
        CHECK_THAT(check, Catch::Contains("chmod 644 " + files.publicKey.string()));
        CHECK(start == check);
    }
    SECTION("a ca_file that does not exist") {
        ConfiguredFiles files;
        files.writeIni("ca_file = " + (files.dir / "nowhere.pem").string() + "\n");
        auto [check, start] = files.checkAndStart();
        CHECK_THAT(check, Catch::Contains("[gateway] ca_file"));
        CHECK(start == check);
    }
}

TEST_CASE("a production start on built-in defaults is refused: --sim is not", "[config][trust]") {
    std::ostringstream logs;
    Logger logger(logs);
    StartupConfig production = loadStartupConfig({}, StartupFileCheck::Always, logger);
    CHECK_THAT(production.problem, Catch::Contains("[gateway] credential_file is empty"));
    StartupConfig simulated = loadStartupConfig({}, StartupFileCheck::WhenConfigured, logger);
    CHECK(simulated.problem.empty());
}
