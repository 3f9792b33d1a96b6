// The PostgreSQL engine (libpq), for a province's gateway that aggregates many communes.
#include "kiosk/programs/gateway/sql_database.hpp"

#include <libpq-fe.h>

namespace kiosk {
namespace {

constexpr Oid kByteaOid = 17; // pg_type.oid of bytea (src/include/catalog/pg_type.dat)

// `?` placeholders become $1, $2… outside quoted text, so the store writes its SQL once.
std::string numberPlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int next = 1;
    bool quoted = false;
    for (char c : sql) {
        if (c == '\'') {
            quoted = !quoted;
        }
        if (c == '?' && !quoted) {
            out += '$' + std::to_string(next++);
        } else {
            out += c;
        }
    }
    return out;
}

// The URL without its password, for messages and logs.
std::string withoutPassword(const std::string& url) {
    auto scheme = url.find("://");
    auto at = url.find('@');
    if (scheme == std::string::npos || at == std::string::npos || at < scheme) {
        return url;
    }
    auto colon = url.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) {
        return url;
    }
    return url.substr(0, colon) + ":***" + url.substr(at);
}

class PostgresDatabase final : public SqlDatabase {
public:
    PostgresDatabase(PGconn* connection, std::string url)
        : connection_(connection)
        , url_(std::move(url)) {}
    ~PostgresDatabase() override { PQfinish(connection_); }
    PostgresDatabase(const PostgresDatabase&) = delete;
    PostgresDatabase& operator=(const PostgresDatabase&) = delete;

    SqlEngine engine() const override { return SqlEngine::Postgres; }

    Result<SqlRows> query(std::string_view sql, const std::vector<SqlParam>& params) override {
        reconnectIfLost();
        std::string numbered = numberPlaceholders(sql);
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        std::vector<int> lengths(params.size(), 0);
        std::vector<int> formats(params.size(), 0);
        std::vector<Oid> types(params.size(), 0);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const SqlParam& param = params[i];
            if (const auto* number = std::get_if<std::int64_t>(&param)) {
                texts[i] = std::to_string(*number);
                values[i] = texts[i].c_str();
            } else if (const auto* text = std::get_if<std::string>(&param)) {
                values[i] = text->c_str();
            } else if (const auto* bytes = std::get_if<Bytes>(&param)) {
                // Bytes travel in binary format: no escaping, no doubling in size.
                values[i] = reinterpret_cast<const char*>(bytes->data());
                lengths[i] = static_cast<int>(bytes->size());
                formats[i] = 1;
                types[i] = kByteaOid;
            }
        }
        PGresult* result =
            PQexecParams(connection_, numbered.c_str(), static_cast<int>(params.size()),
                         types.data(), values.data(), lengths.data(), formats.data(), 0);
        ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            std::string message = PQresultErrorMessage(result);
            PQclear(result);
            return makeError("gateway_storage", "postgresql: " + trimmed(message));
        }
        SqlRows rows;
        int rowCount = PQntuples(result);
        int columns = PQnfields(result);
        rows.reserve(static_cast<std::size_t>(rowCount));
        for (int r = 0; r < rowCount; ++r) {
            SqlRow row;
            row.values.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                if (PQgetisnull(result, r, c) != 0) {
                    row.values.emplace_back();
                } else if (PQftype(result, c) == kByteaOid) {
                    std::size_t length = 0;
                    unsigned char* raw = PQunescapeBytea(
                        reinterpret_cast<const unsigned char*>(PQgetvalue(result, r, c)), &length);
                    row.values.emplace_back(std::string(reinterpret_cast<char*>(raw), length));
                    PQfreemem(raw);
                } else {
                    row.values.emplace_back(
                        std::string(PQgetvalue(result, r, c),
                                    static_cast<std::size_t>(PQgetlength(result, r, c))));
                }
            }
            rows.push_back(std::move(row));
        }
        PQclear(result);
        return rows;
    }

    Status script(std::string_view sql) override {
        reconnectIfLost();
        PGresult* result = PQexec(connection_, std::string(sql).c_str());
        bool good =
            PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
        std::string message = PQresultErrorMessage(result);
        PQclear(result);
        if (!good) {
            return makeError("gateway_storage", "postgresql: " + trimmed(message));
        }
        return ok();
    }

    Status beginWrite() override { return script("BEGIN"); }

    Result<std::int64_t> sizeBytes() override {
        auto rows = query("SELECT pg_database_size(current_database())", {});
        if (!rows) {
            return rows.error();
        }
        return rows->empty() ? std::int64_t{0} : rows->front().integer(0);
    }

    std::string describe() const override { return withoutPassword(url_); }

private:
    static std::string trimmed(std::string text) {
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
            text.pop_back();
        }
        return text;
    }

    // A restarted server or a dropped connection: libpq reconnects with the same parameters,
    // and the statement that follows either works or reports the outage.
    void reconnectIfLost() {
        if (PQstatus(connection_) == CONNECTION_BAD) {
            PQreset(connection_);
        }
    }

    PGconn* connection_;
    std::string url_;
};

} // namespace

Result<std::unique_ptr<SqlDatabase>> openPostgresDatabase(const std::string& url) {
    PGconn* connection = PQconnectdb(url.c_str());
    if (PQstatus(connection) != CONNECTION_OK) {
        std::string message = PQerrorMessage(connection);
        PQfinish(connection);
        while (!message.empty() && message.back() == '\n') {
            message.pop_back();
        }
        return makeError("database_unopenable", withoutPassword(url) + ": " + message);
    }
    // Quiet NOTICEs ("relation already exists, skipping") stay out of the gateway's stdout.
    PQsetNoticeProcessor(
        connection, [](void*, const char*) {}, nullptr);
    auto database = std::make_unique<PostgresDatabase>(connection, url);
    if (auto zone = database->script("SET TIME ZONE 'Asia/Ho_Chi_Minh'"); !zone) {
        return zone.error();
    }
    return std::unique_ptr<SqlDatabase>(std::move(database));
}

} // namespace kiosk
