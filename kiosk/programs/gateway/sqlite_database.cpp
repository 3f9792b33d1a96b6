// The SQLite engine: one file, WAL, synchronous=FULL, for a commune's single small box.
#include "kiosk/outbox/sqlite_statement.hpp"
#include "kiosk/programs/gateway/sql_database.hpp"

#include <sqlite3.h>

namespace kiosk {
namespace {

class SqliteDatabase final : public SqlDatabase {
public:
    SqliteDatabase(sqlite3* db, std::string file)
        : db_(db)
        , file_(std::move(file)) {}
    ~SqliteDatabase() override { sqlite3_close(db_); }
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    SqlEngine engine() const override { return SqlEngine::Sqlite; }

    Result<SqlRows> query(std::string_view sql, const std::vector<SqlParam>& params) override {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement,
                               nullptr) != SQLITE_OK) {
            return failure("prepare");
        }
        for (std::size_t i = 0; i < params.size(); ++i) {
            int index = static_cast<int>(i) + 1;
            const SqlParam& param = params[i];
            if (std::holds_alternative<std::nullptr_t>(param)) {
                sqlite3_bind_null(statement, index);
            } else if (const auto* number = std::get_if<std::int64_t>(&param)) {
                sqlite3_bind_int64(statement, index, *number);
            } else if (const auto* text = std::get_if<std::string>(&param)) {
                sqlite3_bind_text(statement, index, text->data(), static_cast<int>(text->size()),
                                  SQLITE_TRANSIENT);
            } else {
                const Bytes& bytes = std::get<Bytes>(param);
                sqlite3_bind_blob(statement, index, bytes.data(), static_cast<int>(bytes.size()),
                                  SQLITE_TRANSIENT);
            }
        }
        SqlRows rows;
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            SqlRow row;
            int columns = sqlite3_column_count(statement);
            row.values.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                if (sqlite3_column_type(statement, c) == SQLITE_NULL) {
                    row.values.emplace_back();
                    continue;
                }
                // Text and blobs alike: column_blob returns the raw bytes of either.
                const auto* data = static_cast<const char*>(sqlite3_column_blob(statement, c));
                int size = sqlite3_column_bytes(statement, c);
                row.values.emplace_back(
                    std::string(data == nullptr ? "" : data, static_cast<std::size_t>(size)));
            }
            rows.push_back(std::move(row));
        }
        sqlite3_finalize(statement);
        if (rc != SQLITE_DONE) {
            return failure("step");
        }
        return rows;
    }

    Status script(std::string_view sql) override { return execute(db_, std::string(sql).c_str()); }

    Status beginWrite() override { return execute(db_, "BEGIN IMMEDIATE;"); }

    Result<std::int64_t> sizeBytes() override {
        auto rows =
            query("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size", {});
        if (!rows) {
            return rows.error();
        }
        return rows->empty() ? std::int64_t{0} : rows->front().integer(0);
    }

    std::string describe() const override { return file_; }

private:
    Error failure(const char* what) const {
        return makeError("gateway_storage", std::string(what) + ": " + sqliteMessage(db_));
    }

    sqlite3* db_;
    std::string file_;
};

} // namespace

std::unique_ptr<SqlDatabase> makeSqliteDatabase(sqlite3* db, std::string file) {
    return std::make_unique<SqliteDatabase>(db, std::move(file));
}

} // namespace kiosk
