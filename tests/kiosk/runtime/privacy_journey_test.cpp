// Privacy: a scripted resident with known personal data goes through the whole kiosk (card read,
// form, submission, receipt, usage log); afterwards no file the kiosk wrote and no log line holds
// the name, ID number, date of birth, phone or address, in any disguise.
#include "kiosk/outbox/sealed_box.hpp"
#include "kiosk/runtime/demo_script.hpp"
#include "kiosk/usage/privacy_scan.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace kiosk;

TEST_CASE("no personal data reaches the databases, their WAL files or the logs", "[privacy]") {
    auto dir = std::filesystem::temp_directory_path() / "kiosk-privacy-journey";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "data");

    // A gateway key so dossiers are sealed and committed; the gateway itself is unreachable, so
    // the dossier waits in the outbox exactly as on a kiosk that lost its network.
    auto keys = generateX25519KeyPair();
    REQUIRE(keys.ok());
    REQUIRE(writeKeyFile(dir / "gateway.pub", keys->publicKey, false).ok());
    {
        std::ofstream secret(dir / "kiosk.secret");
        secret << "a-test-secret-of-enough-length\n";
    }
    std::filesystem::permissions(dir / "kiosk.secret", std::filesystem::perms::owner_read |
                                                           std::filesystem::perms::owner_write);
    Config config;
    config.devices.printer = DeviceChoice::Simulated;
    config.devices.cardReader = DeviceChoice::Simulated;
    config.gateway.url = "http://127.0.0.1:9"; // discard port: nothing listens
    config.gateway.gatewayPublicKeyFile = dir / "gateway.pub";
    config.gateway.credentialFile = dir / "kiosk.secret";
    config.paths.dataDir = dir / "data";

    std::ostringstream logs;
    {
        Logger logger(logs, LogLevel::Debug);
        // The demo drives the runtime alone: no window, no SDL.
        KioskRuntime runtime(config, logger, simulatedRuntimeOptions());
        runtime.startServices();
        std::ostringstream demoOutput;
        CHECK(runDemo(runtime, demoOutput, DemoPace::Fast) == 0);
        INFO(demoOutput.str());
        CHECK(demoOutput.str().find("queued offline") != std::string::npos);
    }
    {
        std::ofstream logFile(dir / "kiosk.log");
        logFile << logs.str();
    }
    REQUIRE(std::filesystem::exists(dir / "data" / "usage.db"));
    REQUIRE(std::filesystem::exists(dir / "data" / "outbox.db"));

    // The synthetic resident on the simulated card and the answers the demo typed.
    std::vector<PrivacySecret> secrets = {
        {"card name", "Nguyễn Thị Ánh Tuyết"},
        {"card id number", "026168004817"},
        {"card date of birth", "14/03/1968"},
        {"card residence", "Thôn Đồng Tĩnh, Xã Đồng Tĩnh"},
        {"typed name", "Nguyễn Thị Thử Nghiệm"},
        {"typed phone", "0912345678"},
        {"typed address", "Thôn Đông, Xã Vĩnh Tường"},
        {"typed date of birth", "05/01/1990"},
    };
    auto findings = scanForSecrets(dir, secrets);
    for (const PrivacyFinding& finding : findings) {
        UNSCOPED_INFO(finding.file.string()
                      << ": " << finding.label << " (" << finding.variant << ")");
    }
    CHECK(findings.empty());
    // The scan itself must be able to fail: the same secrets are found in a planted file.
    {
        std::ofstream planted(dir / "planted.txt");
        planted << "Nguyen Thi Anh Tuyet 026 168 004 817";
    }
    CHECK_FALSE(scanForSecrets(dir, secrets).empty());
    std::filesystem::remove_all(dir);
}
