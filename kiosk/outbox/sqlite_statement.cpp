// Prepared statements and the durable-open helper.
#include "kiosk/outbox/sqlite_statement.hpp"

#include "kiosk/storage/store_fault.hpp"

#include <sqlite3.h>

namespace kiosk {

SqliteStatement::SqliteStatement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr) != SQLITE_OK) {
        statement_ = nullptr;
        failed_ = true;
    }
}

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(statement_);
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
    if (statement_ != nullptr && sqlite3_bind_int64(statement_, index, value) != SQLITE_OK) {
        failed_ = true;
    }
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::string& value) {
    if (statement_ != nullptr &&
        sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK) {
        failed_ = true;
    }
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const Bytes& value) {
    if (statement_ != nullptr &&
        sqlite3_bind_blob(statement_, index, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK) {
        failed_ = true;
    }
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index) {
    if (statement_ != nullptr && sqlite3_bind_null(statement_, index) != SQLITE_OK) {
        failed_ = true;
    }
    return *this;
}

bool SqliteStatement::step() {
    if (statement_ == nullptr || failed_) {
        failed_ = true;
        return false;
    }
    int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc != SQLITE_DONE) {
        failed_ = true;
    }
    return false;
}

void SqliteStatement::reset() {
    if (statement_ != nullptr) {
        sqlite3_reset(statement_);
    }
}

std::int64_t SqliteStatement::integer(int column) const {
    return sqlite3_column_int64(statement_, column);
}

std::string SqliteStatement::text(int column) const {
    const unsigned char* data = sqlite3_column_text(statement_, column);
    return data == nullptr
               ? std::string()
               : std::string(reinterpret_cast<const char*>(data),
                             static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

Bytes SqliteStatement::blob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement_, column));
    int size = sqlite3_column_bytes(statement_, column);
    return data == nullptr ? Bytes() : Bytes(data, data + size);
}

bool SqliteStatement::isNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::string sqliteMessage(sqlite3* db) {
    return db == nullptr ? "out of memory" : sqlite3_errmsg(db);
}

Status execute(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message != nullptr ? message : "unknown error";
        sqlite3_free(message);
        return makeError("sqlite_failed", text);
    }
    return ok();
}

namespace {

// A database this call created and could not set up (disk full, read-only data partition) is
// removed with its WAL files: an empty outbox.db left behind would look like a working store
// to the next start and to a maintainer. A file that existed before is never touched.
void removeIfCreated(bool existed, const std::filesystem::path& file) {
    if (existed) {
        return;
    }
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(file.string() + suffix, ignored);
    }
}

} // namespace

Result<sqlite3*> openDurableDatabase(const std::filesystem::path& file, const char* schema,
                                     std::string_view errorPrefix) {
    std::error_code probe;
    const bool existed = std::filesystem::exists(file, probe);
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
        Error error = sqliteStoreError(errorPrefix, db, rc, file.string());
        sqlite3_close(db);
        removeIfCreated(existed, file);
        return error;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    if (auto integrity = checkIntegrity(db, errorPrefix); !integrity) {
        sqlite3_close(db);
        return makeError(integrity.error().code, file.string() + ": " + integrity.error().message);
    }
    for (const char* sql : {"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=FULL;", schema}) {
        rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            Error error = sqliteStoreError(errorPrefix, db, rc, file.string());
            sqlite3_close(db);
            removeIfCreated(existed, file);
            return error;
        }
    }
    return db;
}

Result<sqlite3*> openReadOnlyDatabase(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    int rc =
        sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = sqliteMessage(db);
        sqlite3_close(db);
        return makeError("database_unopenable", file.string() + ": " + message);
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
}

} // namespace kiosk
