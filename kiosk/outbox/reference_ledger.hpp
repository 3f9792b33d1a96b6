// The reference ledger: a second small database beside the outbox that remembers every local
// reference handed out and how many dossiers were committed, so that losing the outbox's WAL (or
// the whole outbox) can neither repeat a reference nor go unnoticed (issue 23.2).
#pragma once

#include "drivers/common/result.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

struct sqlite3;

namespace kiosk {

// "<dir>/outbox-ledger.db" for "<dir>/outbox.db".
std::filesystem::path referenceLedgerPath(const std::filesystem::path& outboxFile);

// Not thread-safe: the outbox calls it under its own lock.
//
// Rollback journal (not WAL) with synchronous=FULL: after COMMIT everything is in the main file,
// so no companion file holds the only copy of a counter. A few fsyncs per dossier; dossiers are
// a handful a day.
class ReferenceLedger {
public:
    static Result<ReferenceLedger> open(const std::filesystem::path& file);
    ReferenceLedger(ReferenceLedger&& other) noexcept;
    ReferenceLedger& operator=(ReferenceLedger&& other) noexcept;
    ~ReferenceLedger();

    // Hands out the next sequence number of `day` ("20261125"), never lower than `floor + 1`
    // (the outbox's own counter), and makes it durable before returning. A number handed out
    // for a dossier whose commit then fails is simply skipped.
    Result<std::int64_t> allocate(const std::string& day, std::int64_t floor);
    // Counts one more dossier committed to the outbox (after its COMMIT returned).
    Status countCommitted();

    struct Reconciled {
        std::int64_t lostNow = 0;   // dossiers missing since the last check
        std::int64_t lostTotal = 0; // ever, until a maintainer clears it
    };
    // Compares the outbox's row count with the dossiers counted as committed. Fewer rows means
    // committed dossiers vanished (a deleted WAL, a restored old file); the difference is added
    // to the lost total and the count re-based so it is reported once.
    Result<Reconciled> reconcile(std::int64_t outboxRows);
    std::int64_t lostTotal() const { return lostTotal_; }

private:
    explicit ReferenceLedger(sqlite3* db)
        : db_(db) {}
    sqlite3* db_ = nullptr;
    std::int64_t lostTotal_ = 0;
};

} // namespace kiosk
