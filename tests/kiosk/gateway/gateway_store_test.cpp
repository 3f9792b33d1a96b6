// The gateway store and its schema migrations, on SQLite and (under ctest's cluster) PostgreSQL.
#include "kiosk/outbox/sqlite_statement.hpp"
#include "kiosk/programs/gateway/gateway_schema.hpp"
#include "kiosk/programs/gateway/gateway_store.hpp"
#include "tests/kiosk/gateway/test_database.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace kiosk;
using namespace kiosk::testing;

namespace {

SubmitRequest request(const std::string& key, Bytes sealed) {
    SubmitRequest r;
    r.idempotencyKey = key;
    r.kioskId = "vinh-tuong-01";
    r.localReference = "VT-20261125-0001";
    r.procedureCode = "1.001193";
    r.submittedAt = "20261125143005";
    r.sealedPayload = std::move(sealed);
    return r;
}

} // namespace

TEST_CASE("an empty database is migrated to the newest schema, and reopening changes nothing",
          "[gateway_store]") {
    TempDir dir;
    TestDatabase database(dir / "gateway.db");
    {
        auto db = openSqlDatabase(database.location());
        REQUIRE(db.ok());
        REQUIRE(schemaVersion(**db).value() == 0);
    }
    REQUIRE(GatewayStore::open(database.location(), "000.00.00.K01").ok());
    auto store = GatewayStore::open(database.location(), "000.00.00.K01");
    REQUIRE(store.ok());
    auto lock = (*store)->lock();
    CHECK(schemaVersion((*store)->database()).value() == latestSchemaVersion());
    auto rows = (*store)->database().query("SELECT count(*) FROM schema_version");
    CHECK(rows->front().integer(0) == latestSchemaVersion());
}

TEST_CASE("a database one version old is migrated and keeps its dossiers", "[gateway_store]") {
    TempDir dir;
    TestDatabase database(dir / "gateway.db");
    int previous = latestSchemaVersion() - 1;
    {
        auto db = openSqlDatabase(database.location());
        REQUIRE(db.ok());
        REQUIRE(migrateSchema(**db, std::max(previous, 1)).ok());
        auto store = GatewayStore::adopt(std::move(*db), "000.00.00.K01");
        REQUIRE(store
                    ->storeOrReplay(request(std::string(32, 'a'), {1, 2, 3}), "20261125143006",
                                    "20261128160000")
                    .ok());
    }
    auto store = GatewayStore::open(database.location(), "000.00.00.K01");
    REQUIRE(store.ok());
    {
        auto lock = (*store)->lock();
        CHECK(schemaVersion((*store)->database()).value() == latestSchemaVersion());
    }
    auto found = (*store)->findByCode("000.00.00.K01-261125-0001");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->sealedPayload == Bytes{1, 2, 3});
}

TEST_CASE("a database made by a newer gateway is refused, not written to", "[gateway_store]") {
    TempDir dir;
    TestDatabase database(dir / "gateway.db");
    REQUIRE(GatewayStore::open(database.location(), "U").ok());
    {
        auto db = openSqlDatabase(database.location());
        REQUIRE((*db)
                    ->query("INSERT INTO schema_version(version, applied_at, what) "
                            "VALUES(?, '0', 'from the future')",
                            {std::int64_t{latestSchemaVersion() + 1}})
                    .ok());
    }
    auto store = GatewayStore::open(database.location(), "U");
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code == "schema_too_new");
}

TEST_CASE("dossiers are stored once per key, replayed with their code, and conflicts refused",
          "[gateway_store]") {
    TempDir dir;
    TestDatabase database(dir / "gateway.db");
    auto store = GatewayStore::open(database.location(), "000.00.00.K01").value();
    // Every byte value, zeros included, must come back as it went in on both engines.
    Bytes sealed;
    for (int i = 0; i < 512; ++i) {
        sealed.push_back(static_cast<std::uint8_t>(i % 256));
    }
    auto first = store->storeOrReplay(request(std::string(32, 'a'), sealed), "20261125143006",
                                      "20261128160000");
    REQUIRE(first.ok());
    CHECK(first->first == StoreOutcome::Stored);
    CHECK(first->second.dossierCode == "000.00.00.K01-261125-0001");
    auto second = store->storeOrReplay(request(std::string(32, 'b'), sealed), "20261125150000",
                                       "20261128160000");
    CHECK(second->second.dossierCode == "000.00.00.K01-261125-0002");
    auto nextDay = store->storeOrReplay(request(std::string(32, 'c'), sealed), "20261126080000",
                                        "20261129160000");
    CHECK(nextDay->second.dossierCode == "000.00.00.K01-261126-0001");

    auto replay = store->storeOrReplay(request(std::string(32, 'a'), sealed), "20261127000000",
                                       "20261130160000");
    REQUIRE(replay.ok());
    CHECK(replay->first == StoreOutcome::Replayed);
    CHECK(replay->second.dossierCode == "000.00.00.K01-261125-0001");
    CHECK(replay->second.receivedAt == "20261125143006");

    auto conflict = store->storeOrReplay(request(std::string(32, 'a'), {9}), "20261127000000",
                                         "20261130160000");
    REQUIRE(conflict.ok());
    CHECK(conflict->first == StoreOutcome::Conflict);

    auto all = store->list().value();
    REQUIRE(all.size() == 3);
    CHECK(all[0].sealedPayload == sealed);
    CHECK(all[2].dossierCode == "000.00.00.K01-261126-0001");
    CHECK(store->setStatus("000.00.00.K01-261125-0002", "processing").ok());
    CHECK(store->findByCode("000.00.00.K01-261125-0002")->value().status == "processing");
    CHECK_FALSE(store->setStatus("000.00.00.K01-000000-0000", "processing").ok());
    CHECK_FALSE(store->findByCode("nope")->has_value());
}

TEST_CASE("a gateway database from before versioned migrations is adopted as version 1",
          "[gateway_store]") {
    TempDir dir;
    auto file = dir / "legacy.db";
    // The schema exactly as the gateway created it before migrations existed.
    auto legacy = openDurableDatabase(file, R"sql(
CREATE TABLE IF NOT EXISTS dossiers (
  dossier_code TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE,
  payload_hash TEXT NOT NULL, kiosk_id TEXT NOT NULL, local_reference TEXT NOT NULL,
  procedure_code TEXT NOT NULL, received_at TEXT NOT NULL, appointment_at TEXT NOT NULL,
  status TEXT NOT NULL, sealed_payload BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS code_counter (day TEXT PRIMARY KEY, last INTEGER NOT NULL);
INSERT INTO dossiers VALUES('U-261125-0001', 'k', 'h', 'vinh-tuong-01', 'VT-1', '1.001193',
  '20261125143006', '20261128160000', 'new', x'0102');
INSERT INTO code_counter VALUES('261125', 1);
)sql");
    REQUIRE(legacy.ok());
    sqlite3_close(*legacy);
    auto store = GatewayStore::open(file.string(), "U").value();
    CHECK(store->findByCode("U-261125-0001")->value().sealedPayload == Bytes{1, 2});
    auto next = store->storeOrReplay(request(std::string(32, 'd'), {7}), "20261125150000",
                                     "20261128160000");
    CHECK(next->second.dossierCode == "U-261125-0002");
}
