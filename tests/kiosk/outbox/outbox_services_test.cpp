// Tests of wiring the outbox services from a configuration.
#include "kiosk/outbox/outbox_services.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace kiosk;

TEST_CASE("outbox services open from the configured key, credential and data directory",
          "[outbox]") {
    testing::TempDir dir;
    Config config;
    config.paths.dataDir = dir / "data";
    config.gateway.gatewayPublicKeyFile = dir / "gateway.pub";
    config.gateway.credentialFile = dir / "credential";
    config.gateway.referencePrefix = "TT";
    auto missing = openOutboxServices(config, nullptr);
    REQUIRE_FALSE(missing.ok());
    CHECK_THAT(missing.error().message, Catch::Contains("[gateway] public_key_file"));

    REQUIRE(writeKeyFile(dir / "gateway.pub", generateX25519KeyPair()->publicKey, false).ok());
    std::ofstream(dir / "credential") << "short\n";
    std::filesystem::permissions(dir / "credential", std::filesystem::perms::owner_read |
                                                         std::filesystem::perms::owner_write);
    auto weak = openOutboxServices(config, nullptr);
    REQUIRE_FALSE(weak.ok());
    CHECK_THAT(weak.error().message, Catch::Contains("at least 16 characters"));

    std::ofstream(dir / "credential") << "a-long-enough-kiosk-secret\n";
    auto services = openOutboxServices(config, nullptr);
    REQUIRE(services.ok());
    CommitRequest request;
    request.procedureCode = "2.000815";
    request.now = 1795591800;
    request.buildPayload = [](const std::string&) { return nlohmann::json::object(); };
    CHECK(services->outbox->commit(request)->localReference == "TT-20261125-0001");
    CHECK(services->sender->networkState() == NetworkState::Unknown);
    CHECK(std::filesystem::exists(dir / "data" / "outbox.db"));
}
