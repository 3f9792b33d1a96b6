// The health of one store as the status bar and maintainer screen show it, logged on change.
#pragma once

#include "kiosk/log/logger.hpp"
#include "kiosk/storage/store_fault.hpp"

#include <mutex>
#include <string>

namespace kiosk {

struct DatabaseHealth {
    StoreFault fault = StoreFault::None;
    std::string detail; // SQLite's or the system's text: a path, "database or disk is full"
    bool ok() const { return fault == StoreFault::None; }
    bool operator==(const DatabaseHealth&) const = default;
};

// Remembers a store's last fault and logs only when it changes (`storage_fault` with the store's
// name and the fault; `storage_recovered` when an operation succeeds again), so a dead card
// costs one log line, not one per retry. Thread-safe: the UI reads what a worker writes.
class DatabaseHealthTracker {
public:
    // `logger` is a nullable borrow.
    DatabaseHealthTracker(LogToken store, Logger* logger)
        : store_(store)
        , logger_(logger) {}

    // Records the error's fault (storeFaultOf); returns the error for chaining.
    const Error& failed(const Error& error);
    void failed(StoreFault fault, std::string detail);
    void succeeded();
    DatabaseHealth current() const;

private:
    LogToken store_;
    Logger* logger_;
    mutable std::mutex mutex_;
    DatabaseHealth health_;
};

} // namespace kiosk
