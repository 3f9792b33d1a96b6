// Sorting SQLite's result codes into store faults, the integrity check, and the retry schedule.
#include "kiosk/storage/store_fault.hpp"

#include <algorithm>
#include <sqlite3.h>

namespace kiosk {

StoreFault storeFaultOfSqlite(int resultCode) {
    switch (resultCode & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
        return StoreFault::None;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return StoreFault::Corrupt;
    case SQLITE_FULL:
        return StoreFault::Full;
    case SQLITE_READONLY:
        return StoreFault::ReadOnly;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return StoreFault::NoAccess;
    case SQLITE_IOERR:
        return StoreFault::IoError;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StoreFault::Busy;
    default:
        return StoreFault::Other;
    }
}

std::string_view storeFaultName(StoreFault fault) {
    switch (fault) {
    case StoreFault::None:
        return "ok";
    case StoreFault::Corrupt:
        return "corrupt";
    case StoreFault::Full:
        return "full";
    case StoreFault::ReadOnly:
        return "read_only";
    case StoreFault::NoAccess:
        return "no_access";
    case StoreFault::IoError:
        return "io_error";
    case StoreFault::Busy:
        return "busy";
    case StoreFault::Other:
        break;
    }
    return "error";
}

Error storeError(std::string_view prefix, StoreFault fault, std::string message) {
    return makeError(std::string(prefix) + std::string(storeFaultName(fault)), std::move(message));
}

StoreFault storeFaultOf(const Error& error) {
    for (StoreFault fault : {StoreFault::Corrupt, StoreFault::Full, StoreFault::ReadOnly,
                             StoreFault::NoAccess, StoreFault::IoError, StoreFault::Busy}) {
        std::string_view name = storeFaultName(fault);
        if (error.code.size() > name.size() && error.code.ends_with(name) &&
            std::string_view(".-_").find(error.code[error.code.size() - name.size() - 1]) !=
                std::string_view::npos) {
            return fault;
        }
    }
    return StoreFault::Other;
}

Error sqliteStoreError(std::string_view prefix, sqlite3* db, int resultCode,
                       std::string_view what) {
    int code = db != nullptr ? sqlite3_extended_errcode(db) : resultCode;
    if ((code & 0xff) != (resultCode & 0xff)) {
        code = resultCode; // the connection's code is stale (e.g. after a ROLLBACK)
    }
    std::string message = std::string(what) + ": ";
    message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(resultCode);
    return storeError(prefix, storeFaultOfSqlite(code), std::move(message));
}

Status checkIntegrity(sqlite3* db, std::string_view prefix) {
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return sqliteStoreError(prefix, db, rc, "quick_check");
    }
    std::string first;
    int problems = 0;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(statement, 0);
        std::string line = text != nullptr ? reinterpret_cast<const char*>(text) : "";
        if (line != "ok") {
            if (problems++ == 0) {
                first = line;
            }
        }
    }
    if (rc != SQLITE_DONE) {
        Error error = sqliteStoreError(prefix, db, rc, "quick_check");
        sqlite3_finalize(statement);
        return error;
    }
    sqlite3_finalize(statement);
    if (problems > 0) {
        return storeError(prefix, StoreFault::Corrupt,
                          "quick_check found " + std::to_string(problems) +
                              " problem(s), first: " + first);
    }
    return ok();
}

void RetryBackoff::failed(Clock::time_point now) {
    auto delay = first_ * (1LL << std::min(failures_, 20));
    next_ = now + std::min<std::chrono::milliseconds>(cap_, delay);
    ++failures_;
}

} // namespace kiosk
