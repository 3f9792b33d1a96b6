// The volunteer store as the kiosk holds it: opened at start if it can be, and opened again by
// itself once a full, read-only or unreadable data partition is fixed, without a restart.
#pragma once

#include "kiosk/assist/volunteer_store.hpp"
#include "kiosk/storage/store_fault.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace kiosk {

class Logger;

class VolunteerStoreSlot {
public:
    using Opener = std::function<Result<std::unique_ptr<VolunteerStore>>()>;
    using SteadyClock = std::function<std::chrono::steady_clock::time_point()>;

    // Tries `open` at once. After a failure it tries again on the first get() after the wait,
    // which doubles from `firstRetry` up to five minutes (the open itself logs the fault).
    VolunteerStoreSlot(
        Opener open, Logger* logger, std::chrono::milliseconds firstRetry = std::chrono::seconds(1),
        SteadyClock clock = [] { return std::chrono::steady_clock::now(); });

    // A store opened and owned elsewhere (tests, tools); null stays null.
    explicit VolunteerStoreSlot(VolunteerStore* borrowed)
        : borrowed_(borrowed) {}

    // Null while the store cannot be opened. Call it from one thread only (the stores worker):
    // it may open the database.
    VolunteerStore* get();

private:
    void tryOpen();

    Opener open_;
    Logger* logger_ = nullptr;
    SteadyClock clock_;
    std::chrono::milliseconds wait_{0};
    std::chrono::milliseconds firstWait_{0};
    std::optional<std::chrono::steady_clock::time_point> nextTry_;
    std::unique_ptr<VolunteerStore> store_;
    VolunteerStore* borrowed_ = nullptr;
    bool failed_ = false;
    StoreFault lastFault_ = StoreFault::None;
};

} // namespace kiosk
