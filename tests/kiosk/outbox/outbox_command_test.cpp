// Tests of `kioskctl outbox list|retry` and `kioskctl procedures check` as functions.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/outbox.hpp"
#include "kiosk/outbox/outbox_command.hpp"
#include "tests/kiosk/cli/kioskctl_test_support.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sqlite3.h>
#include <sstream>

using namespace kiosk;

namespace {

Config configIn(const testing::TempDir& dir) {
    Config config;
    config.paths.dataDir = dir.path();
    return config;
}

void commitSecretDossier(const Config& config) {
    OutboxOptions options;
    options.gatewayPublicKey = generateX25519KeyPair()->publicKey;
    auto outbox = Outbox::open(outboxPath(config), options).value();
    CommitRequest request;
    request.procedureCode = "1.000894";
    request.now = unixFromVietnamTime({{2026, 11, 25}, 9, 15, 0});
    request.appointmentAt = request.now + 3600;
    request.buildPayload = [](const std::string&) {
        return nlohmann::json{{"ChuHoSo", "Trần Văn Riêng Tư"}, {"SoDienThoai", "0912345678"}};
    };
    auto entry = outbox->commit(request);
    REQUIRE(entry.ok());
    REQUIRE(outbox->markAttemptFailed(entry->localReference, "offline", request.now + 9999).ok());
}

} // namespace

TEST_CASE("outbox list shows references and states but no personal data", "[outbox]") {
    testing::TempDir dir;
    Config config = configIn(dir);
    commitSecretDossier(config);
    std::ostringstream out;
    std::ostringstream err;
    CHECK(runOutboxCommand(OutboxAction::List, outboxPath(config), config, out, err) == 0);
    std::string text = out.str();
    CHECK(text.find("VT-20261125-0001\t1.000894\tpending\t1\toffline\t-\t25/11/2026 09:15") !=
          std::string::npos);
    CHECK(text.find("1 waiting to send, 0 need attention") != std::string::npos);
    CHECK(text.find("Riêng Tư") == std::string::npos);
    CHECK(text.find("0912345678") == std::string::npos);
}

TEST_CASE("outbox retry makes waiting dossiers due now", "[outbox]") {
    testing::TempDir dir;
    Config config = configIn(dir);
    commitSecretDossier(config);
    std::ostringstream out;
    std::ostringstream err;
    CHECK(runOutboxCommand(OutboxAction::Retry, outboxPath(config), config, out, err) == 0);
    CHECK(out.str().find("1 dossier(s) marked to send now") != std::string::npos);
    auto outbox = Outbox::open(outboxPath(config), OutboxOptions{}).value();
    CHECK(outbox->nextDue(nowUnixSeconds())->has_value());
}

TEST_CASE("outbox commands explain a missing outbox and bad arguments", "[outbox]") {
    testing::TempDir dir;
    std::ostringstream out;
    std::ostringstream err;
    CHECK(runOutboxCommand(OutboxAction::List, outboxPath(configIn(dir)), configIn(dir), out,
                           err) == 1);
    CHECK(err.str().find("no outbox here yet") != std::string::npos);
    CHECK(testing::kioskctl({"outbox", "purge"}, {}, out, err) == 2);
}

TEST_CASE("procedures check passes the shipped content", "[dossier]") {
    std::ostringstream out;
    std::ostringstream err;
    CHECK(runProceduresCheck(std::filesystem::path(KIOSK_SOURCE_DIR) / "content", out, err) == 0);
    CHECK(out.str().find("9 procedures") != std::string::npos);
}

TEST_CASE("outbox list opens the database read-only and leaves the file as it was",
          "[outbox][trust]") {
    testing::TempDir dir;
    Config config = configIn(dir);
    commitSecretDossier(config);
    // A copy taken with the ordinary rollback journal (as a backup tool makes): a writer would
    // turn it back into WAL and run the schema; a reader changes nothing.
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(outboxPath(config).c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "PRAGMA journal_mode=DELETE;", nullptr, nullptr, nullptr) ==
                SQLITE_OK);
        sqlite3_close(db);
    }
    auto bytesOf = [](const std::filesystem::path& file) {
        std::ifstream in(file, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    std::string before = bytesOf(outboxPath(config));
    std::ostringstream out;
    std::ostringstream err;
    CHECK(runOutboxCommand(OutboxAction::List, outboxPath(config), config, out, err) == 0);
    CHECK(out.str().find("1 waiting to send") != std::string::npos);
    CHECK(bytesOf(outboxPath(config)) == before);
    CHECK_FALSE(std::filesystem::exists(outboxPath(config).string() + "-wal"));

    OutboxOptions readOnly;
    readOnly.readOnly = true;
    auto looking = Outbox::open(outboxPath(config), readOnly).value();
    CHECK_FALSE(looking->retryAll(nowUnixSeconds()).ok());
}

TEST_CASE("outbox list never prints a stored field raw", "[outbox][trust]") {
    testing::TempDir dir;
    Config config = configIn(dir);
    commitSecretDossier(config);
    {
        // As an older kiosk stored it from a hostile gateway: escapes, a line break, 3 kB.
        auto outbox = Outbox::open(outboxPath(config), OutboxOptions{}).value();
        auto entry = outbox->list()->front();
        std::string hostile = "\x1b[2J\x1b]0;owned\x07"
                              "000.00.00.K01-261125-0001\r\nfake row\t" +
                              std::string(3000, 'A');
        REQUIRE(outbox->markDelivered(entry.localReference, hostile, 1, 2, 3).ok());
    }
    std::ostringstream out;
    std::ostringstream err;
    CHECK(runOutboxCommand(OutboxAction::List, outboxPath(config), config, out, err) == 0);
    std::string text = out.str();
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(text.find('\r') == std::string::npos);
    CHECK(std::count(text.begin(), text.end(), '\n') == 3); // header, one row, summary
    CHECK(text.size() < 600);
}
