// A UsbTransport that replays scripted status replies and injects faults on the Nth write.
#pragma once

#include "drivers/usb/usb_transport.hpp"

#include <deque>
#include <optional>

namespace kiosk::test {

struct ScriptedTransportLog {
    Bytes written;      // every byte accepted by bulkOut, in order
    int writeCalls = 0; // bulkOut calls, including the failed one
    int readCalls = 0;
};

// Status replies are answered from `replies` in order, one per DLE EOT written; `stale` bytes
// are queued before any reply to check that the driver drains them first.
class ScriptedTransport final : public UsbTransport {
public:
    explicit ScriptedTransport(ScriptedTransportLog& log)
        : log_(log) {
        info_.interfaceClass = 7;
        info_.vendorId = 0x0416;
        info_.productId = 0x5011;
    }

    std::deque<std::uint8_t> replies;           // one per status request
    Bytes stale;                                // waiting in the IN pipe before the first query
    std::optional<int> failOnWrite;             // 1-based bulkOut call that fails...
    std::string failCode = usb_error::kTimeout; // ...with this code
    bool silent = false;                        // never answers status (cheap clone)

    const UsbDeviceInfo& info() const override { return info_; }

    Result<std::size_t> bulkOut(std::span<const std::uint8_t> data,
                                std::chrono::milliseconds) override {
        ++log_.writeCalls;
        if (failOnWrite && log_.writeCalls >= *failOnWrite) {
            return makeError(failCode, "injected fault");
        }
        log_.written.insert(log_.written.end(), data.begin(), data.end());
        // A status request written alone (never inside another command) gets a reply.
        if (data.size() == 3 && data[0] == 0x10 && data[1] == 0x04 && !silent && !replies.empty()) {
            pendingIn_.push_back(replies.front());
            replies.pop_front();
        }
        return data.size();
    }

    Result<Bytes> bulkIn(std::size_t maxLength, std::chrono::milliseconds) override {
        ++log_.readCalls;
        if (failOnWrite && log_.writeCalls >= *failOnWrite) {
            return makeError(failCode, "injected fault");
        }
        if (!stale.empty()) {
            Bytes out = std::move(stale);
            stale.clear();
            return out;
        }
        if (pendingIn_.empty()) {
            return makeError(usb_error::kTimeout, "nothing to read");
        }
        std::size_t length = std::min(maxLength, pendingIn_.size());
        Bytes out(pendingIn_.begin(), pendingIn_.begin() + static_cast<std::ptrdiff_t>(length));
        pendingIn_.erase(pendingIn_.begin(),
                         pendingIn_.begin() + static_cast<std::ptrdiff_t>(length));
        return out;
    }

    Result<Bytes> interruptIn(std::size_t, std::chrono::milliseconds) override {
        return makeError(usb_error::kStall, "no interrupt endpoint");
    }

    Result<Bytes> controlIn(std::uint8_t, std::uint8_t, std::uint16_t, std::uint16_t, std::uint16_t,
                            std::chrono::milliseconds) override {
        return makeError(usb_error::kStall, "no device id");
    }

private:
    ScriptedTransportLog& log_;
    UsbDeviceInfo info_;
    Bytes pendingIn_;
};

} // namespace kiosk::test
