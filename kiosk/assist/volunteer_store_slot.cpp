// VolunteerStoreSlot: open now, or later with a doubling wait; logs the recovery once.
#include "kiosk/assist/volunteer_store_slot.hpp"

#include "kiosk/log/logger.hpp"
#include "kiosk/storage/store_fault.hpp"

#include <algorithm>

namespace kiosk {

namespace {
constexpr std::chrono::milliseconds kLongestVolunteerStoreWait = std::chrono::minutes(5);
} // namespace

VolunteerStoreSlot::VolunteerStoreSlot(Opener open, Logger* logger,
                                       std::chrono::milliseconds firstRetry, SteadyClock clock)
    : open_(std::move(open))
    , logger_(logger)
    , clock_(std::move(clock))
    , wait_(firstRetry)
    , firstWait_(firstRetry) {
    tryOpen();
}

VolunteerStore* VolunteerStoreSlot::get() {
    if (borrowed_ != nullptr) {
        return borrowed_;
    }
    if (!store_ && open_ && nextTry_ && clock_() >= *nextTry_) {
        tryOpen();
    }
    return store_.get();
}

void VolunteerStoreSlot::tryOpen() {
    auto opened = open_();
    if (opened) {
        store_ = std::move(*opened);
        if (failed_ && logger_ != nullptr) {
            logger_->log(LogEvent::StoreRecovered,
                         {{"store", LogToken("volunteers")},
                          {"after", SystemText{std::string(storeFaultName(lastFault_))}}});
        }
        failed_ = false;
        nextTry_.reset();
        wait_ = firstWait_;
        return;
    }
    failed_ = true;
    lastFault_ = storeFaultOf(opened.error());
    nextTry_ = clock_() + wait_;
    wait_ = std::min(wait_ * 2, kLongestVolunteerStoreWait);
}

} // namespace kiosk
