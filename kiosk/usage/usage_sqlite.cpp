// SQLite helpers shared by the usage log, the reports and the volunteer store.
#include "kiosk/usage/usage_sqlite.hpp"

#include "kiosk/storage/store_fault.hpp"

namespace kiosk::usagedb {

bool isCorruption(int rc) {
    return storeFaultOfSqlite(rc) == StoreFault::Corrupt;
}

bool isCorruption(const Error& error) {
    return storeFaultOf(error) == StoreFault::Corrupt && error.code.starts_with("usage.db_");
}

Error sqliteError(sqlite3* db, int rc, std::string_view what) {
    return sqliteStoreError("usage.db_", db, rc, what);
}

Result<Database> openDatabase(const std::filesystem::path& path, OpenMode mode) {
    sqlite3* raw = nullptr;
    int flags = mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY
                                           : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK) {
        return sqliteError(db.get(), rc, "cannot open " + path.string());
    }
    sqlite3_extended_result_codes(db.get(), 1);
    // A report and the writer can meet on the same file; waiting briefly beats failing.
    sqlite3_busy_timeout(db.get(), 2000);
    return db;
}

Status exec(sqlite3* db, const char* sql) {
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return sqliteError(db, rc, sql);
    }
    return ok();
}

Result<std::string> queryText(sqlite3* db, const char* sql) {
    auto statement = Statement::prepare(db, sql);
    if (!statement) {
        return statement.error();
    }
    int rc = statement->step();
    if (rc == SQLITE_ROW) {
        return statement->columnText(0);
    }
    if (rc == SQLITE_DONE) {
        return std::string();
    }
    return sqliteError(db, rc, sql);
}

Result<Statement> Statement::prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return sqliteError(db, rc, sql);
    }
    return Statement(db, stmt);
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) {
    sqlite3_bind_blob(stmt_, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

std::string Statement::columnText(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) {
        return {};
    }
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::span<const std::uint8_t> Statement::columnBlob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    return {data, size};
}

Status Statement::run(std::string_view what) {
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW) {
        rc = step();
    }
    sqlite3_reset(stmt_);
    if (rc != SQLITE_DONE) {
        return sqliteError(db_, rc, what);
    }
    return ok();
}

} // namespace kiosk::usagedb
