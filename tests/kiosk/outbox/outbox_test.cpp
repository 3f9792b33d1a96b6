// Tests of the outbox on real SQLite files: durable commit, references, delivery bookkeeping.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/outbox.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sqlite3.h>
#include <sstream>

using namespace kiosk;

namespace {

// 2026-11-25 10:00 in Vietnam.
const std::int64_t kMorning = unixFromVietnamTime({{2026, 11, 25}, 10, 0, 0});

CommitRequest birthDossier(std::int64_t now) {
    CommitRequest request;
    request.procedureCode = "1.001193";
    request.now = now;
    request.appointmentAt = now + 3600;
    request.buildPayload = [](const std::string& reference) {
        return nlohmann::json{{"MaTTHC", "1.001193"},
                              {"SoThamChieu", reference},
                              {"ChuHoSo", "Nguyễn Thị Bí Mật"},
                              {"MaDoiTuong", "026190001234"}};
    };
    return request;
}

std::string fileText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::int64_t countNonNullPayloads(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM outbox WHERE sealed_payload IS NOT NULL;", -1,
                       &statement, nullptr);
    sqlite3_step(statement);
    std::int64_t count = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return count;
}

struct Keys {
    X25519KeyPair pair = *generateX25519KeyPair();
    OutboxOptions options() const {
        OutboxOptions options;
        options.gatewayPublicKey = pair.publicKey;
        return options;
    }
};

} // namespace

TEST_CASE("committed dossiers get daily local references and survive reopening", "[outbox]") {
    testing::TempDir dir;
    Keys keys;
    {
        auto outbox = Outbox::open(dir / "outbox.db", keys.options());
        REQUIRE(outbox.ok());
        auto first = (*outbox)->commit(birthDossier(kMorning));
        auto second = (*outbox)->commit(birthDossier(kMorning + 60));
        INFO((first.ok() ? std::string() : first.error().message));
        REQUIRE(first.ok());
        REQUIRE(second.ok());
        CHECK(first->localReference == "VT-20261125-0001");
        CHECK(second->localReference == "VT-20261125-0002");
        CHECK(first->idempotencyKey.size() == 32);
        CHECK(first->idempotencyKey != second->idempotencyKey);
    }
    auto reopened = Outbox::open(dir / "outbox.db", keys.options());
    REQUIRE(reopened.ok());
    auto entries = (*reopened)->list();
    REQUIRE(entries->size() == 2);
    CHECK((*entries)[0].state == OutboxState::Pending);
    auto nextDay = (*reopened)->commit(birthDossier(kMorning + 86400));
    CHECK(nextDay->localReference == "VT-20261126-0001");
    // 23:30 UTC on the 25th is already the 26th in Vietnam.
    auto lateUtc =
        (*reopened)->commit(birthDossier(unixFromVietnamTime({{2026, 11, 26}, 6, 30, 0})));
    CHECK(lateUtc->localReference == "VT-20261126-0002");
}

TEST_CASE("the outbox file never holds a resident's data in clear", "[outbox]") {
    testing::TempDir dir;
    Keys keys;
    auto outbox = Outbox::open(dir / "outbox.db", keys.options());
    REQUIRE((*outbox)->commit(birthDossier(kMorning)).ok());
    std::string everything = fileText(dir / "outbox.db") + fileText(dir / "outbox.db-wal");
    CHECK(everything.find("Bí Mật") == std::string::npos);
    CHECK(everything.find("026190001234") == std::string::npos);
    CHECK(everything.find("1.001193") != std::string::npos); // the procedure code is kept
    // WAL mode: byte 18 of the database header is 2 once the journal is a write-ahead log.
    std::string header = fileText(dir / "outbox.db").substr(0, 100);
    REQUIRE(header.size() == 100);
    CHECK(header[18] == 2);
}

TEST_CASE("the sealed payload opens at the gateway with the reference inside", "[outbox]") {
    testing::TempDir dir;
    Keys keys;
    auto outbox = Outbox::open(dir / "outbox.db", keys.options());
    auto entry = (*outbox)->commit(birthDossier(kMorning));
    auto due = (*outbox)->nextDue(kMorning);
    REQUIRE(due.ok());
    REQUIRE(due->has_value());
    auto plain = openSealed(keys.pair.privateKey, (*due)->sealedPayload);
    REQUIRE(plain.ok());
    auto payload = nlohmann::json::parse(plain->begin(), plain->end());
    CHECK(payload["SoThamChieu"] == entry->localReference);
    CHECK(payload["ChuHoSo"] == "Nguyễn Thị Bí Mật");
}

TEST_CASE("delivery deletes the ciphertext and keeps a receipt row", "[outbox]") {
    testing::TempDir dir;
    Keys keys;
    auto outbox = Outbox::open(dir / "outbox.db", keys.options());
    auto entry = (*outbox)->commit(birthDossier(kMorning));
    CHECK(countNonNullPayloads(dir / "outbox.db") == 1);
    REQUIRE((*outbox)
                ->markDelivered(entry->localReference, "000.00.00.K01-261125-0001", kMorning + 5,
                                kMorning + 7200, kMorning + 6)
                .ok());
    CHECK(countNonNullPayloads(dir / "outbox.db") == 0);
    auto row = (*outbox)->find(entry->localReference);
    REQUIRE(row->has_value());
    CHECK((*row)->state == OutboxState::Delivered);
    CHECK((*row)->dossierCode == "000.00.00.K01-261125-0001");
    CHECK((*row)->appointmentAt == kMorning + 7200);
    CHECK_FALSE((*row)->receiptPrinted);
    REQUIRE((*outbox)->markReceiptPrinted(entry->localReference).ok());
    CHECK((*(*outbox)->find(entry->localReference))->receiptPrinted);
    CHECK_FALSE((*outbox)->nextDue(kMorning + 100)->has_value());
    CHECK((*outbox)->markDelivered("VT-nope", "x", 0, 0, 0).error().code ==
          "outbox_unknown_reference");
}

TEST_CASE("failed attempts wait for their next time: retry makes everything due", "[outbox]") {
    testing::TempDir dir;
    Keys keys;
    auto outbox = Outbox::open(dir / "outbox.db", keys.options());
    auto first = (*outbox)->commit(birthDossier(kMorning));
    auto second = (*outbox)->commit(birthDossier(kMorning));
    REQUIRE((*outbox)->markAttemptFailed(first->localReference, "offline", kMorning + 60).ok());
    auto due = (*outbox)->nextDue(kMorning + 1);
    REQUIRE(due->has_value());
    CHECK((*due)->entry.localReference == second->localReference);
    REQUIRE((*outbox)->markNeedsAttention(second->localReference, "http_401").ok());
    CHECK_FALSE((*outbox)->nextDue(kMorning + 1)->has_value());
    CHECK((*outbox)->earliestPendingAttempt() == kMorning + 60);
    CHECK(*(*outbox)->count(OutboxState::NeedsAttention) == 1);
    auto firstRow = *(*outbox)->find(first->localReference);
    CHECK(firstRow->attempts == 1);
    CHECK(firstRow->lastError == "offline");

    CHECK(*(*outbox)->retryAll(kMorning + 2) == 2);
    CHECK(*(*outbox)->count(OutboxState::Pending) == 2);
    CHECK((*outbox)->nextDue(kMorning + 2)->has_value());
}
