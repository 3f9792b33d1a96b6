// Store health: one log line per change of fault, none per retry.
#include "kiosk/storage/database_health.hpp"

namespace kiosk {

const Error& DatabaseHealthTracker::failed(const Error& error) {
    failed(storeFaultOf(error), error.message);
    return error;
}

void DatabaseHealthTracker::failed(StoreFault fault, std::string detail) {
    if (fault == StoreFault::None) {
        fault = StoreFault::Other;
    }
    bool changed = false;
    {
        std::lock_guard lock(mutex_);
        changed = health_.fault != fault;
        health_ = DatabaseHealth{fault, detail};
    }
    if (changed && logger_ != nullptr) {
        logger_->log(fault == StoreFault::Corrupt ? LogEvent::StoreDamaged : LogEvent::StoreFailing,
                     {{"store", store_},
                      {"fault", SystemText{std::string(storeFaultName(fault))}},
                      {"reason", SystemText{std::move(detail)}}});
    }
}

void DatabaseHealthTracker::succeeded() {
    StoreFault previous = StoreFault::None;
    {
        std::lock_guard lock(mutex_);
        previous = health_.fault;
        health_ = DatabaseHealth{};
    }
    if (previous != StoreFault::None && logger_ != nullptr) {
        logger_->log(
            LogEvent::StoreRecovered,
            {{"store", store_}, {"after", SystemText{std::string(storeFaultName(previous))}}});
    }
}

DatabaseHealth DatabaseHealthTracker::current() const {
    std::lock_guard lock(mutex_);
    return health_;
}

} // namespace kiosk
