// The gateway's storage seam: one small SQL interface with an SQLite and a PostgreSQL engine.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/outbox/sealed_box.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

struct sqlite3;

namespace kiosk {

enum class SqlEngine { Sqlite, Postgres };

// A statement parameter. Bytes go to BLOB (SQLite) or BYTEA (PostgreSQL).
using SqlParam = std::variant<std::nullptr_t, std::int64_t, std::string, Bytes>;

// One result row; every value arrives as text (bytes for BLOB/BYTEA) or NULL.
struct SqlRow {
    std::vector<std::optional<std::string>> values;

    bool isNull(std::size_t column) const { return !values.at(column).has_value(); }
    std::string text(std::size_t column) const { return values.at(column).value_or(""); }
    std::int64_t integer(std::size_t column) const;
    Bytes bytes(std::size_t column) const;
};
using SqlRows = std::vector<SqlRow>;

// Both engines take the same SQL: `?` placeholders (rewritten to $1… for PostgreSQL), standard
// upserts (`ON CONFLICT … DO UPDATE`) and `RETURNING`, which SQLite has had since 3.35. The
// store above it is written once; only types in the schema differ (see gateway_schema.cpp).
class SqlDatabase {
public:
    virtual ~SqlDatabase() = default;
    virtual SqlEngine engine() const = 0;
    // Runs one statement and returns its rows (empty for statements without a result).
    virtual Result<SqlRows> query(std::string_view sql,
                                  const std::vector<SqlParam>& params = {}) = 0;
    // Runs several statements without parameters (schema migrations).
    virtual Status script(std::string_view sql) = 0;
    // Starts a transaction that will write: SQLite takes the write lock at once so two writers
    // cannot both read and then fail to upgrade.
    virtual Status beginWrite() = 0;
    Status commit();
    void rollback();
    // The database's size on disk, in bytes (for the benchmark and the deployment guide).
    virtual Result<std::int64_t> sizeBytes() = 0;
    // Where it is, for messages (a file name, or the URL without its password).
    virtual std::string describe() const = 0;
};

// `location` is a file name (SQLite) or a postgresql:// URL (PostgreSQL).
Result<std::unique_ptr<SqlDatabase>> openSqlDatabase(const std::string& location);
bool isPostgresUrl(std::string_view location);

std::unique_ptr<SqlDatabase> makeSqliteDatabase(sqlite3* db, std::string file);
Result<std::unique_ptr<SqlDatabase>> openPostgresDatabase(const std::string& url);

// Runs `body` inside a write transaction: commits when it succeeds, rolls back otherwise.
template <typename T, typename Body> Result<T> inWriteTransaction(SqlDatabase& db, Body&& body) {
    if (auto begun = db.beginWrite(); !begun) {
        return begun.error();
    }
    Result<T> result = body();
    if (!result) {
        db.rollback();
        return result;
    }
    if (auto committed = db.commit(); !committed) {
        db.rollback();
        return committed.error();
    }
    return result;
}

} // namespace kiosk
