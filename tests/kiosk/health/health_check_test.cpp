// kioskctl doctor's checks, each driven to OK, WARN and FAIL with real files, a real loopback
// gateway and certificates made by openssl here.
#include "kiosk/content/content_store.hpp"
#include "kiosk/health/health_check.hpp"
#include "tests/kiosk/content/pack_test_support.hpp"
#include "tests/kiosk/gateway/gateway_rig.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const HealthResult& byId(const std::vector<HealthResult>& results, const std::string& id) {
    for (const HealthResult& result : results) {
        if (result.check == id) {
            return result;
        }
    }
    FAIL("no check " << id);
    return results.front();
}

// A self-signed certificate for 127.0.0.1 valid for `days` (its own CA).
void makeSelfSigned(const std::filesystem::path& dir, int days) {
    std::string command = "cd '" + dir.string() +
                          "' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 "
                          "-nodes -keyout self.key -out self.pem -days " +
                          std::to_string(days) +
                          " -subj '/CN=127.0.0.1' -addext 'subjectAltName=IP:127.0.0.1' "
                          ">/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
}

Config healthCheckConfigFor(const testing::GatewayRig& rig) {
    Config config;
    config.gateway.url = rig.endpoint.baseUrl;
    config.gateway.caFile = rig.endpoint.caFile;
    return config;
}

} // namespace

TEST_CASE("doctor: the config check names a bad file and its fix", "[health]") {
    testing::TempDir dir;
    std::filesystem::path shipped =
        std::filesystem::path(KIOSK_SOURCE_DIR) / "systemd" / "kiosk.ini";
    // The shipped file waits for the installer's credential: refused, and the fix says so.
    HealthResult unfinished = checkConfigFile(shipped);
    CHECK(unfinished.level == HealthLevel::Fail);
    CHECK(unfinished.detail.find("credential_file") != std::string::npos);
    CHECK(unfinished.fix.find("kioskctl config check") != std::string::npos);

    // Completed as an installer would: a 0600 secret and the gateway's public key.
    std::ofstream(dir / "kiosk.secret") << "0123456789abcdef0123456789abcdef\n";
    std::filesystem::permissions(dir / "kiosk.secret", std::filesystem::perms::owner_read |
                                                           std::filesystem::perms::owner_write);
    REQUIRE(writeKeyFile(dir / "gateway.pub", generateX25519KeyPair()->publicKey, false));
    std::ifstream in(shipped);
    std::ofstream out(dir / "good.ini");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("credential_file =", 0) == 0) {
            line = "credential_file = " + (dir / "kiosk.secret").string();
        } else if (line.rfind("public_key_file =", 0) == 0) {
            line = "public_key_file = " + (dir / "gateway.pub").string();
        }
        out << line << '\n';
    }
    out.close();
    CHECK(checkConfigFile(dir / "good.ini").level == HealthLevel::Ok);

    std::ofstream(dir / "bad.ini") << "[session]\ninactivity_timeout_s = 2\n";
    HealthResult bad = checkConfigFile(dir / "bad.ini");
    CHECK(bad.level == HealthLevel::Fail);
    CHECK(bad.detail.find("inactivity_timeout_s") != std::string::npos);
    CHECK(bad.fix.find("kioskctl config check") != std::string::npos);
    CHECK(checkConfigFile({}).level == HealthLevel::Warn);
}

TEST_CASE("doctor: the content check verifies signature, sequence and age", "[health]") {
    test::PackFixture fixture;
    Config config;
    config.paths.contentDir = fixture.store;
    config.paths.contentTrustDir = fixture.trust;
    auto now = std::chrono::sys_days(std::chrono::year(2026) / 12 / 4) + 8h;
    HealthLimits limits;
    CHECK(checkContent(config, now, limits).level == HealthLevel::Fail); // nothing installed

    auto pack = fixture.build(test::sampleFiles("a"), 5, "five");
    auto store = ContentStore::open(fixture.store, StartupCheck::SizesOnly);
    REQUIRE(store);
    REQUIRE(store->installPack(pack, fixture.trust));
    HealthResult ok = checkContent(config, now, limits);
    CHECK(ok.level == HealthLevel::Ok);
    CHECK(ok.detail.find("sequence 5") != std::string::npos);
    CHECK(ok.detail.find("signed by publisher.pub") != std::string::npos);

    HealthResult old = checkContent(config, now + 24h * 200, limits);
    CHECK(old.level == HealthLevel::Warn);
    CHECK(old.detail.find("days old") != std::string::npos);

    // The key that signed it is no longer trusted.
    std::filesystem::remove(fixture.trust / "publisher.pub");
    std::filesystem::copy_file(fixture.otherKey.string() + ".pub", fixture.trust / "other.pub");
    HealthResult untrusted = checkContent(config, now, limits);
    CHECK(untrusted.level == HealthLevel::Fail);
    CHECK(untrusted.detail.find("matches no key") != std::string::npos);
}

TEST_CASE("doctor: devices are found for real, simulated only when configured", "[health]") {
    Config config;
    UsbInterfaceLocation printer;
    printer.busNumber = 1;
    printer.deviceAddress = 4;
    printer.info.vendorId = 0x04b8;
    printer.info.productId = 0x0e15;
    using Found = Result<std::vector<UsbInterfaceLocation>>;
    CHECK(judgePrinter(config, Found(std::vector<UsbInterfaceLocation>{})).level ==
          HealthLevel::Fail);
    HealthResult found = judgePrinter(config, Found(std::vector{printer}));
    CHECK(found.level == HealthLevel::Ok);
    CHECK(found.detail.find("04b8:0e15") != std::string::npos);
    CHECK(judgePrinter(config, Found(makeError("usb", "denied"))).level == HealthLevel::Fail);
    config.devices.printer = DeviceChoice::Simulated;
    CHECK(judgePrinter(config, Found(std::vector{printer})).level == HealthLevel::Warn);
    config.devices.printer = DeviceChoice::None;
    CHECK(judgePrinter(config, Found(std::vector<UsbInterfaceLocation>{})).level ==
          HealthLevel::Ok);

    CHECK(judgeCardReader(config, Found(std::vector<UsbInterfaceLocation>{})).level ==
          HealthLevel::Fail);
    config.devices.cardReader = DeviceChoice::Simulated;
    CHECK(judgeCardReader(config, Found(std::vector<UsbInterfaceLocation>{})).level ==
          HealthLevel::Warn);

    // The real libusb lister answers on this machine, whatever is plugged in: never "simulated".
    config.devices = DeviceConfig{};
    HealthResult real = judgeCardReader(config, libusbInterfaceLister()(0x0B));
    CHECK(real.level != HealthLevel::Warn);
}

TEST_CASE("doctor: the gateway is reached and the clock compared with its Date", "[health]") {
    testing::GatewayRig rig;
    Config config = healthCheckConfigFor(rig);
    HealthLimits limits;
    auto results = checkGateway(config, std::chrono::system_clock::now(), 3000ms, limits);
    CHECK(byId(results, "gateway").level == HealthLevel::Ok);
    CHECK(byId(results, "gateway_tls").level == HealthLevel::Warn); // plain HTTP
    CHECK(byId(results, "clock").level == HealthLevel::Ok);

    auto skewed = checkGateway(config, std::chrono::system_clock::now() + 5min, 3000ms, limits);
    HealthResult clock = byId(skewed, "clock");
    CHECK(clock.level == HealthLevel::Fail);
    CHECK(clock.detail.find("ahead of the gateway") != std::string::npos);
    CHECK(clock.fix.find("timedatectl") != std::string::npos);

    rig.stopServer();
    auto down = checkGateway(config, std::chrono::system_clock::now(), 3000ms, limits);
    CHECK(byId(down, "gateway").level == HealthLevel::Fail);
}

TEST_CASE("doctor: the gateway's TLS certificate is checked for trust and expiry", "[health]") {
    HealthLimits limits;
    auto now = std::chrono::system_clock::now();
    {
        // The rig's certificate lasts two days: trusted, but close to expiry.
        testing::GatewayRig rig(testing::GatewayRig::Transport::Https);
        auto results = checkGateway(healthCheckConfigFor(rig), now, 3000ms, limits);
        CHECK(byId(results, "gateway").level == HealthLevel::Ok);
        HealthResult tls = byId(results, "gateway_tls");
        CHECK(tls.level == HealthLevel::Warn);
        CHECK(tls.detail.find("expires") != std::string::npos);
        CHECK(byId(results, "clock").level == HealthLevel::Ok);
    }
    testing::TempDir certs;
    makeSelfSigned(certs.path(), 400);
    testing::GatewayRig rig(testing::GatewayRig::Transport::Http, [&](GatewayServerOptions& o) {
        o.tlsCertificate = certs / "self.pem";
        o.tlsPrivateKey = certs / "self.key";
    });
    Config config;
    config.gateway.url = "https://127.0.0.1:" + std::to_string(rig.port);
    config.gateway.caFile = certs / "self.pem";
    auto trusted = checkGateway(config, now, 3000ms, limits);
    CHECK(byId(trusted, "gateway_tls").level == HealthLevel::Ok);
    // 400 days from the certificate's start, counted from `now`, taken a moment before it: 399 or
    // 400 whole days depending on whether a second boundary fell in between.
    std::string trustedDetail = byId(trusted, "gateway_tls").detail;
    CHECK((trustedDetail.find("(399 days)") != std::string::npos ||
           trustedDetail.find("(400 days)") != std::string::npos));

    // A CA the certificate does not chain to: refused.
    testing::TempDir stranger;
    makeSelfSigned(stranger.path(), 400);
    config.gateway.caFile = stranger / "self.pem";
    auto refused = checkGateway(config, now, 3000ms, limits);
    HealthResult tls = byId(refused, "gateway_tls");
    CHECK(tls.level == HealthLevel::Fail);
    CHECK(tls.fix.find("ca_file") != std::string::npos);
}

TEST_CASE("doctor: free disk and the outbox backlog", "[health]") {
    testing::TempDir dir;
    Config config;
    config.paths.dataDir = dir.path();
    HealthLimits limits;
    CHECK(checkDisk(config, limits).level == HealthLevel::Ok);
    limits.diskWarnBytes = std::numeric_limits<std::uint64_t>::max();
    CHECK(checkDisk(config, limits).level == HealthLevel::Warn);
    limits.diskFailBytes = std::numeric_limits<std::uint64_t>::max();
    CHECK(checkDisk(config, limits).level == HealthLevel::Fail);

    limits = HealthLimits{};
    auto now = std::chrono::system_clock::now();
    CHECK(checkOutbox(config, now, limits).level == HealthLevel::Ok); // no outbox yet
    {
        OutboxOptions options;
        options.gatewayPublicKey = generateX25519KeyPair()->publicKey;
        auto outbox = Outbox::open(dir / "outbox.db", options).value();
        CommitRequest request;
        request.procedureCode = "1.000894";
        request.now = nowUnixSeconds();
        request.appointmentAt = request.now;
        request.buildPayload = [](const std::string&) { return nlohmann::json{{"x", 1}}; };
        REQUIRE(outbox->commit(request));
    }
    HealthResult fresh = checkOutbox(config, now, limits);
    CHECK(fresh.level == HealthLevel::Ok);
    CHECK(fresh.detail.find("1 waiting to send") != std::string::npos);
    CHECK(checkOutbox(config, now + 30h, limits).level == HealthLevel::Warn);
    // A minute past 8 days: the dossier was committed a moment after `now`, on a later second.
    HealthResult stale = checkOutbox(config, now + 24h * 8 + 1min, limits);
    CHECK(stale.level == HealthLevel::Fail);
    CHECK(stale.detail.find("8 days") != std::string::npos);
}

TEST_CASE("doctor: a journal that cannot be read is a warning, not a crash", "[health]") {
    testing::TempDir dir;
    HealthResult empty = checkJournal(dir.path(), std::chrono::system_clock::now(), {});
    CHECK(empty.level == HealthLevel::Warn);
    CHECK_FALSE(empty.fix.empty());
    HealthResult missing =
        checkJournal(dir / "nowhere", std::chrono::system_clock::now(), HealthLimits{});
    CHECK(missing.level == HealthLevel::Warn);
}

TEST_CASE("doctor: reports as text with fixes and as JSON", "[health]") {
    std::vector<HealthResult> results{
        {"disk", "Free disk", HealthLevel::Ok, "900 MiB free", ""},
        {"clock", "Clock", HealthLevel::Fail, "300 s ahead", "timedatectl set-ntp true"}};
    std::string text = healthReportText(results);
    CHECK(text.find("OK   Free disk  900 MiB free\n") != std::string::npos);
    CHECK(text.find("FAIL Clock      300 s ahead\n") != std::string::npos);
    CHECK(text.find("fix: timedatectl set-ntp true") != std::string::npos);
    auto json = nlohmann::json::parse(healthReportJson(results));
    CHECK(json["worst"] == "FAIL");
    CHECK(json["checks"][1]["fix"] == "timedatectl set-ntp true");
    CHECK(worstLevel(results) == HealthLevel::Fail);
}
