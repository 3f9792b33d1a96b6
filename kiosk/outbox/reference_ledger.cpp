// The reference ledger's schema, allocation and the lost-dossier check.
#include "kiosk/outbox/reference_ledger.hpp"

#include "kiosk/outbox/sqlite_statement.hpp"
#include "kiosk/storage/store_fault.hpp"

#include <sqlite3.h>
#include <utility>

namespace kiosk {
namespace {

constexpr std::string_view kLedgerPrefix = "outbox.";

constexpr const char* kLedgerSchema = R"sql(
CREATE TABLE IF NOT EXISTS reference_counter (
  day  TEXT PRIMARY KEY,
  last INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS committed (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  count INTEGER NOT NULL,
  lost  INTEGER NOT NULL
);
)sql";

Error ledgerError(sqlite3* db, int rc, const char* what) {
    return sqliteStoreError(kLedgerPrefix, db, rc, std::string("reference ledger: ") + what);
}

} // namespace

std::filesystem::path referenceLedgerPath(const std::filesystem::path& outboxFile) {
    return outboxFile.parent_path() / (outboxFile.stem().string() + "-ledger.db");
}

Result<ReferenceLedger> ReferenceLedger::open(const std::filesystem::path& file) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &raw,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                             nullptr);
    ReferenceLedger ledger(raw);
    if (rc != SQLITE_OK) {
        return ledgerError(raw, rc, "open");
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    if (auto integrity = checkIntegrity(raw, kLedgerPrefix); !integrity) {
        return makeError(integrity.error().code, file.string() + ": " + integrity.error().message);
    }
    // 1 KB pages (set while the file is new): each dossier rewrites two tiny pages and their
    // journal copies; at 4 KB the ledger alone wrote 33 KB per dossier (docs/storage.md).
    for (const char* sql : {"PRAGMA page_size=1024;", "PRAGMA journal_mode=DELETE;",
                            "PRAGMA synchronous=FULL;", kLedgerSchema}) {
        rc = sqlite3_exec(raw, sql, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            return ledgerError(raw, rc, "schema");
        }
    }
    SqliteStatement lost(raw, "SELECT lost FROM committed WHERE id = 1;");
    if (lost.step()) {
        ledger.lostTotal_ = lost.integer(0);
    } else if (lost.failed()) {
        return ledgerError(raw, sqlite3_errcode(raw), "read");
    }
    return ledger;
}

ReferenceLedger::ReferenceLedger(ReferenceLedger&& other) noexcept
    : db_(std::exchange(other.db_, nullptr))
    , lostTotal_(other.lostTotal_) {}

ReferenceLedger& ReferenceLedger::operator=(ReferenceLedger&& other) noexcept {
    if (this != &other) {
        sqlite3_close(db_);
        db_ = std::exchange(other.db_, nullptr);
        lostTotal_ = other.lostTotal_;
    }
    return *this;
}

ReferenceLedger::~ReferenceLedger() {
    sqlite3_close(db_);
}

Result<std::int64_t> ReferenceLedger::allocate(const std::string& day, std::int64_t floor) {
    SqliteStatement next(db_, "INSERT INTO reference_counter(day, last) VALUES(?1, ?2 + 1) "
                              "ON CONFLICT(day) DO UPDATE SET last = MAX(last, ?2) + 1 "
                              "RETURNING last;");
    next.bind(1, day).bind(2, floor);
    if (!next.step()) {
        return ledgerError(db_, sqlite3_errcode(db_), "allocate");
    }
    std::int64_t sequence = next.integer(0);
    next.reset();
    return sequence;
}

Status ReferenceLedger::countCommitted() {
    int rc = sqlite3_exec(db_,
                          "INSERT INTO committed(id, count, lost) VALUES(1, 1, 0) "
                          "ON CONFLICT(id) DO UPDATE SET count = count + 1;",
                          nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return ledgerError(db_, rc, "count");
    }
    return ok();
}

Result<ReferenceLedger::Reconciled> ReferenceLedger::reconcile(std::int64_t outboxRows) {
    Reconciled result;
    SqliteStatement read(db_, "SELECT count, lost FROM committed WHERE id = 1;");
    std::int64_t counted = -1;
    if (read.step()) {
        counted = read.integer(0);
        lostTotal_ = read.integer(1);
    } else if (read.failed()) {
        return ledgerError(db_, sqlite3_errcode(db_), "read");
    }
    read.reset();
    if (counted == outboxRows) {
        result.lostTotal = lostTotal_;
        return result; // the usual case: nothing to write
    }
    if (counted > outboxRows) {
        result.lostNow = counted - outboxRows;
    }
    // More rows than counted: a ledger created after the outbox, or a crash between the outbox's
    // COMMIT and countCommitted(). Either way the rows are real; count them.
    SqliteStatement write(db_, "INSERT INTO committed(id, count, lost) VALUES(1, ?1, ?2) "
                               "ON CONFLICT(id) DO UPDATE SET count = ?1, lost = ?2;");
    write.bind(1, outboxRows).bind(2, lostTotal_ + result.lostNow);
    write.step();
    if (write.failed()) {
        return ledgerError(db_, sqlite3_errcode(db_), "reconcile");
    }
    lostTotal_ += result.lostNow;
    result.lostTotal = lostTotal_;
    return result;
}

} // namespace kiosk
