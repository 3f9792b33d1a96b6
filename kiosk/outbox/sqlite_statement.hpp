// A thin RAII wrapper over one prepared SQLite statement, shared by the outbox and the gateway.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/outbox/sealed_box.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk {

class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, const char* sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool prepared() const { return statement_ != nullptr; }
    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, const std::string& value);
    SqliteStatement& bind(int index, const Bytes& value);
    SqliteStatement& bindNull(int index);

    // True when a row is available; false when done. `failed()` tells an error apart.
    bool step();
    bool failed() const { return failed_; }
    // Ends a statement that still has rows (RETURNING), so the transaction can commit.
    void reset();

    std::int64_t integer(int column) const;
    std::string text(int column) const;
    Bytes blob(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt* statement_ = nullptr;
    bool failed_ = false;
};

// Opens (creating) a database in WAL mode with synchronous=FULL and a busy timeout, checks it
// with PRAGMA quick_check, and runs `schema`. WAL lets the status bar read while the sender
// writes; FULL makes COMMIT wait for fsync of the WAL, so a committed dossier survives a power
// cut. Errors are "<errorPrefix><fault>" (kiosk/storage/store_fault.hpp): only "corrupt" means
// the file itself is bad; the file is never moved or deleted here.
Result<sqlite3*> openDurableDatabase(const std::filesystem::path& file, const char* schema,
                                     std::string_view errorPrefix = "database.");
// Opens an existing database for reading only: no schema, no journal-mode change, no write
// lock, so a maintainer's look never changes or blocks the file the kiosk writes.
Result<sqlite3*> openReadOnlyDatabase(const std::filesystem::path& file);
Status execute(sqlite3* db, const char* sql);
std::string sqliteMessage(sqlite3* db);

} // namespace kiosk
