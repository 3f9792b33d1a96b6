// Thin RAII over the SQLite C API for the usage log and volunteer store (statements, errors).
#pragma once

#include "drivers/common/result.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <sqlite3.h>
#include <string>
#include <string_view>

namespace kiosk::usagedb {

struct DatabaseCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;

enum class OpenMode { ReadWriteCreate, ReadOnly };

// Opens (never creates for ReadOnly); the error carries SQLite's message.
Result<Database> openDatabase(const std::filesystem::path& path, OpenMode mode);

// An error whose code is "usage.db_" + the store fault (kiosk/storage/store_fault.hpp):
// "usage.db_corrupt", "usage.db_full", "usage.db_read_only", "usage.db_no_access",
// "usage.db_io_error", "usage.db_busy" or "usage.db_error".
Error sqliteError(sqlite3* db, int rc, std::string_view what);
bool isCorruption(int rc);
// Only corruption makes a file worth moving aside: a full, read-only or failing disk, or wrong
// permissions, are not the file's fault, and moving it would orphan its history.
bool isCorruption(const Error& error);

Status exec(sqlite3* db, const char* sql);

// A single-row, single-column query such as a PRAGMA; empty text for no row.
Result<std::string> queryText(sqlite3* db, const char* sql);

class Statement {
public:
    static Result<Statement> prepare(sqlite3* db, const char* sql);

    Statement(Statement&& other) noexcept
        : db_(other.db_)
        , stmt_(other.stmt_) {
        other.stmt_ = nullptr;
    }
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(stmt_); }

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::span<const std::uint8_t> blob);
    Statement& bindNull(int index);

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(stmt_); }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

    std::int64_t columnInt(int column) const { return sqlite3_column_int64(stmt_, column); }
    std::string columnText(int column) const;
    std::span<const std::uint8_t> columnBlob(int column) const;
    bool columnIsNull(int column) const {
        return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
    }

    // Steps to completion; the error names `what`.
    Status run(std::string_view what);

private:
    Statement(sqlite3* db, sqlite3_stmt* stmt)
        : db_(db)
        , stmt_(stmt) {}
    sqlite3* db_;
    sqlite3_stmt* stmt_;
};

} // namespace kiosk::usagedb
