// What both SQL engines share: row accessors, transactions, choosing the engine by location.
#include "kiosk/programs/gateway/sql_database.hpp"

#include "kiosk/outbox/sqlite_statement.hpp"

#include <charconv>
#include <sqlite3.h>

namespace kiosk {

std::int64_t SqlRow::integer(std::size_t column) const {
    const auto& value = values.at(column);
    std::int64_t number = 0;
    if (value) {
        std::from_chars(value->data(), value->data() + value->size(), number);
    }
    return number;
}

Bytes SqlRow::bytes(std::size_t column) const {
    const auto& value = values.at(column);
    return value ? Bytes(value->begin(), value->end()) : Bytes{};
}

Status SqlDatabase::commit() {
    auto done = query("COMMIT");
    if (!done) {
        return done.error();
    }
    return ok();
}

void SqlDatabase::rollback() {
    query("ROLLBACK");
}

bool isPostgresUrl(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

Result<std::unique_ptr<SqlDatabase>> openSqlDatabase(const std::string& location) {
    if (isPostgresUrl(location)) {
        return openPostgresDatabase(location);
    }
    // The schema comes from the migrations, not from the open call.
    auto db = openDurableDatabase(location, "", "gateway.");
    if (!db) {
        return db.error();
    }
    return makeSqliteDatabase(*db, location);
}

} // namespace kiosk
