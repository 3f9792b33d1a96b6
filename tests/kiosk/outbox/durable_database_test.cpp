// A database that cannot be set up leaves nothing behind; one that existed is kept.
#include "kiosk/outbox/sqlite_statement.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sqlite3.h>

using namespace kiosk;

TEST_CASE("a database file created by a failed open is removed with its WAL files",
          "[outbox][storage]") {
    testing::TempDir dir;
    const auto file = dir / "outbox.db";
    // The journal pragma creates the file and its WAL; the broken schema then fails, as a
    // full data partition would half-way through.
    auto db = openDurableDatabase(file, "CREATE TABLE broken (;");
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == "database.error"); // not a storage fault: the schema is wrong
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        INFO(suffix);
        CHECK_FALSE(std::filesystem::exists(file.string() + suffix));
    }
}

TEST_CASE("a database that existed before a failed open is left alone", "[outbox][storage]") {
    testing::TempDir dir;
    const auto file = dir / "outbox.db";
    auto good = openDurableDatabase(file, "CREATE TABLE IF NOT EXISTS kept (x INTEGER);");
    REQUIRE(good.ok());
    REQUIRE(execute(*good, "INSERT INTO kept VALUES (7);").ok());
    sqlite3_close(*good);
    auto broken = openDurableDatabase(file, "CREATE TABLE broken (;");
    REQUIRE_FALSE(broken.ok());
    REQUIRE(std::filesystem::exists(file));
    auto again = openDurableDatabase(file, "SELECT 1;");
    REQUIRE(again.ok());
    {
        SqliteStatement row(*again, "SELECT x FROM kept;");
        REQUIRE(row.step());
        CHECK(row.integer(0) == 7);
    }
    sqlite3_close(*again);
}
