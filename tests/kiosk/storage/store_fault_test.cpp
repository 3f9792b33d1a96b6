// Sorting SQLite results into store faults, the retry schedule, the health tracker's log lines,
// and the data partition's states.
#include "kiosk/storage/data_partition.hpp"
#include "kiosk/storage/database_health.hpp"
#include "kiosk/storage/store_fault.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sqlite3.h>
#include <sstream>

using namespace kiosk;
using namespace std::chrono;

TEST_CASE("only corruption is sorted as corrupt: full, read-only, access and I/O are not",
          "[storage]") {
    CHECK(storeFaultOfSqlite(SQLITE_CORRUPT) == StoreFault::Corrupt);
    CHECK(storeFaultOfSqlite(SQLITE_NOTADB) == StoreFault::Corrupt);
    CHECK(storeFaultOfSqlite(SQLITE_FULL) == StoreFault::Full);
    CHECK(storeFaultOfSqlite(SQLITE_READONLY) == StoreFault::ReadOnly);
    CHECK(storeFaultOfSqlite(SQLITE_READONLY_DBMOVED) == StoreFault::ReadOnly);
    CHECK(storeFaultOfSqlite(SQLITE_CANTOPEN) == StoreFault::NoAccess);
    CHECK(storeFaultOfSqlite(SQLITE_PERM) == StoreFault::NoAccess);
    CHECK(storeFaultOfSqlite(SQLITE_IOERR_WRITE) == StoreFault::IoError);
    CHECK(storeFaultOfSqlite(SQLITE_IOERR_FSYNC) == StoreFault::IoError);
    CHECK(storeFaultOfSqlite(SQLITE_BUSY) == StoreFault::Busy);
    CHECK(storeFaultOfSqlite(SQLITE_OK) == StoreFault::None);
    CHECK(storeFaultOfSqlite(SQLITE_MISUSE) == StoreFault::Other);
}

TEST_CASE("a store error's code carries the fault for any caller to sort", "[storage]") {
    CHECK(storeError("outbox.", StoreFault::Full, "x").code == "outbox.full");
    CHECK(storeFaultOf(makeError("outbox.full", "")) == StoreFault::Full);
    CHECK(storeFaultOf(makeError("usage.db_read_only", "")) == StoreFault::ReadOnly);
    CHECK(storeFaultOf(makeError("gateway.corrupt", "")) == StoreFault::Corrupt);
    CHECK(storeFaultOf(makeError("usage.db_io_error", "")) == StoreFault::IoError);
    CHECK(storeFaultOf(makeError("outbox_unknown_reference", "")) == StoreFault::Other);
    CHECK(storeFaultOf(makeError("notcorrupt", "")) == StoreFault::Other);
}

TEST_CASE("quick_check passes a sound database and names a damaged one corrupt", "[storage]") {
    testing::TempDir dir;
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "sound.db").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", nullptr, nullptr,
                         nullptr) == SQLITE_OK);
    CHECK(checkIntegrity(db, "test.").ok());
    sqlite3_close(db);
    {
        std::ofstream out(dir / "garbage.db", std::ios::binary);
        out << std::string(4096, 'x');
    }
    REQUIRE(sqlite3_open((dir / "garbage.db").c_str(), &db) == SQLITE_OK);
    auto damaged = checkIntegrity(db, "test.");
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.error().code == "test.corrupt");
    sqlite3_close(db);
}

TEST_CASE("retries back off from the first delay, doubling to the cap, and reset on success",
          "[storage]") {
    RetryBackoff backoff(seconds(1), seconds(5));
    auto t0 = RetryBackoff::Clock::time_point{} + hours(1);
    CHECK(backoff.due(t0));
    backoff.failed(t0);
    CHECK_FALSE(backoff.due(t0 + milliseconds(999)));
    CHECK(backoff.due(t0 + seconds(1)));
    backoff.failed(t0);
    CHECK_FALSE(backoff.due(t0 + milliseconds(1999)));
    CHECK(backoff.due(t0 + seconds(2)));
    for (int i = 0; i < 10; ++i) {
        backoff.failed(t0);
    }
    CHECK(backoff.due(t0 + seconds(5))); // capped
    backoff.succeeded();
    CHECK(backoff.due(t0));
}

TEST_CASE("store health is logged once per change of fault, not once per retry", "[storage]") {
    std::ostringstream text;
    Logger logger(text);
    DatabaseHealthTracker health("outbox", &logger);
    health.failed(StoreFault::Full, "database or disk is full");
    health.failed(StoreFault::Full, "database or disk is full");
    health.failed(StoreFault::Full, "database or disk is full");
    CHECK(health.current().fault == StoreFault::Full);
    health.failed(StoreFault::IoError, "disk I/O error");
    health.succeeded();
    health.succeeded();
    std::string log = text.str();
    auto count = [&](const std::string& needle) {
        std::size_t n = 0;
        for (auto at = log.find(needle); at != std::string::npos; at = log.find(needle, at + 1)) {
            ++n;
        }
        return n;
    };
    CHECK(count("\"storage_fault\"") == 2);
    CHECK(count("\"storage_recovered\"") == 1);
    CHECK(log.find("\"store\":\"outbox\"") != std::string::npos);
    CHECK(health.current().ok());
}

TEST_CASE("the data partition is ok, low, full or read-only by its figures", "[storage]") {
    CHECK(partitionState(10ull << 30, false) == PartitionState::Ok);
    CHECK(partitionState(40ull << 20, false) == PartitionState::LowSpace);
    CHECK(partitionState(512ull << 10, false) == PartitionState::Full);
    CHECK(partitionState(10ull << 30, true) == PartitionState::ReadOnly);
    testing::TempDir dir;
    DataPartitionStatus here = checkDataPartition(dir.path(), 0);
    CHECK(here.totalBytes > 0);
    CHECK(here.state != PartitionState::Missing);
    DataPartitionStatus missing = checkDataPartition(dir / "nowhere");
    CHECK(missing.state == PartitionState::Missing);
    CHECK(describePartition(missing).find("nowhere") != std::string::npos);
    DataPartitionStatus readOnly{PartitionState::ReadOnly, 5ull << 30, 29ull << 30, true, ""};
    CHECK(describePartition(readOnly).find("READ-ONLY") != std::string::npos);
}
