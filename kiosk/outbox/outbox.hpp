// The durable outbox: each dossier is sealed and committed to SQLite before any network attempt.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/outbox/reference_ledger.hpp"
#include "kiosk/outbox/sealed_box.hpp"
#include "kiosk/storage/database_health.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace kiosk {
class SqliteStatement;
}

namespace kiosk {

enum class OutboxState {
    Pending,        // sealed payload stored, not yet acknowledged by the gateway
    Delivered,      // acknowledged; the ciphertext is deleted, only the receipt row remains
    NeedsAttention, // the gateway refused it for good (e.g. bad credentials); a volunteer retries
};
std::string_view outboxStateName(OutboxState state);

// One row. Deliberately holds nothing personal: the name, ID number, phone and answers exist
// only inside the sealed payload, which only the gateway can open. A reprinted receipt is
// rebuilt from the procedure file plus these fields, and says "see your ID card" instead of
// the name (docs/gateway-api.md, "What the kiosk keeps").
struct OutboxEntry {
    std::string localReference; // "VT-20261125-0007", on the receipt even when offline
    std::string idempotencyKey; // 32 hex digits, sent with every attempt
    std::string procedureCode;
    OutboxState state = OutboxState::Pending;
    std::int64_t createdAt = 0;     // Unix seconds
    std::int64_t appointmentAt = 0; // provisional (kiosk), then the gateway's
    int attempts = 0;
    std::int64_t nextAttemptAt = 0;
    std::string lastError; // stable code ("offline", "http_503"...), never a server's text
    std::string dossierCode;
    std::int64_t receivedAt = 0; // gateway's reception time
    std::int64_t deliveredAt = 0;
    bool receiptPrinted = false;
};

struct OutboxOptions {
    X25519Key gatewayPublicKey{};
    std::string referencePrefix = "VT"; // commune's short name on offline receipts
    // For looking only (`kioskctl outbox list`): every write fails, the file is never changed.
    bool readOnly = false;
    Logger* logger = nullptr; // storage faults, lost dossiers; nullable borrow
    // First wait before reopening a file that could not be opened; doubles up to 5 minutes.
    std::chrono::milliseconds firstRetry{1000};
};

struct CommitRequest {
    std::string procedureCode;
    std::int64_t now = 0;           // Unix seconds
    std::int64_t appointmentAt = 0; // provisional appointment for the receipt
    // Builds the plaintext payload once the local reference is known; runs inside the commit.
    std::function<nlohmann::json(const std::string& localReference)> buildPayload;
};

// What the sender needs for one attempt.
struct OutgoingDossier {
    OutboxEntry entry;
    Bytes sealedPayload;
};

// Thread-safe: the UI thread commits while the sender thread delivers.
//
// Storage faults (kiosk/storage/store_fault.hpp) are errors "outbox.<fault>" and are recorded in
// health(), logged once per change. The file is never moved aside, not even when corrupt: the
// pending dossiers in it belong to residents, and a maintainer decides (docs/storage.md).
class Outbox {
public:
    // Fails on any fault: for kioskctl and tests, which report it and stop.
    static Result<std::unique_ptr<Outbox>> open(const std::filesystem::path& file,
                                                OutboxOptions options);
    // For the kiosk: never fails. When the file cannot be opened (full, read-only, no access,
    // I/O error, corrupt), the outbox starts unavailable, reports why in health(), and tries
    // again with backoff on each later call, so it recovers without a restart.
    static std::unique_ptr<Outbox> openOrRetry(const std::filesystem::path& file,
                                               OutboxOptions options);
    ~Outbox();
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    // Seals the payload and commits it with synchronous=FULL; when this returns, the dossier
    // survives a power cut. The local reference's daily sequence is allocated in the same
    // transaction, so it never repeats.
    Result<OutboxEntry> commit(const CommitRequest& request);

    // The oldest pending dossier whose next attempt is due at `now`.
    Result<std::optional<OutgoingDossier>> nextDue(std::int64_t now);
    std::optional<std::int64_t> earliestPendingAttempt();

    // Deletes the ciphertext and keeps the receipt row.
    Status markDelivered(const std::string& localReference, const std::string& dossierCode,
                         std::int64_t receivedAt, std::int64_t appointmentAt, std::int64_t now);
    Status markAttemptFailed(const std::string& localReference, const std::string& errorCode,
                             std::int64_t nextAttemptAt);
    Status markNeedsAttention(const std::string& localReference, const std::string& errorCode);
    Status markReceiptPrinted(const std::string& localReference);
    // Makes every undelivered dossier due now (volunteer's "retry"); returns how many.
    Result<int> retryAll(std::int64_t now);

    Result<std::vector<OutboxEntry>> list();
    Result<std::optional<OutboxEntry>> find(const std::string& localReference);
    Result<int> count(OutboxState state);

    // The last fault met (None once a write or a reopen succeeds again).
    DatabaseHealth health() const { return health_.current(); }
    // False while the file is not open or is known corrupt: a dossier cannot be committed, so
    // the resident must not start one (the kiosk offers the phone hand-off instead).
    bool acceptsDossiers();
    // Dossiers that were committed but later vanished (a deleted WAL, an old file restored),
    // counted by the reference ledger since the kiosk was installed.
    std::int64_t lostDossiers();

private:
    Outbox(std::filesystem::path file, OutboxOptions options);
    Status openFiles();
    Status ensureOpen();
    Error failed(const Error& error);
    Error failedStatement(const char* what);
    Status changeOne(SqliteStatement& statement, const char* what);
    void closeFiles();

    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
    std::optional<ReferenceLedger> ledger_;
    OutboxOptions options_;
    DatabaseHealthTracker health_;
    RetryBackoff reopen_;
    std::mutex mutex_;
};

} // namespace kiosk
