// A USB card reader that may come and go: opened when it appears, dropped when it leaves.
#pragma once

#include "drivers/card_reader/ccid_reader.hpp"
#include "kiosk/idcard/card_read_command.hpp"
#include "kiosk/log/logger.hpp"

#include <chrono>
#include <memory>

namespace kiosk {

// The reader state as a fixed log value ("no_card", "disconnected"...).
LogToken readerStateToken(ReaderState state);

// Stands for "the kiosk's card reader" whether or not one is plugged in: state() is
// Disconnected while none is, and every poll (at most once per `retry`) looks for one, so a
// reader plugged in, pulled out and plugged back is noticed without a restart. A read while
// none is connected fails with card_error::kUnplugged, like a pull mid-read. Never simulated.
class HotplugCardReader final : public CardReader {
public:
    HotplugCardReader(UsbReaderOpener open, Logger* logger,
                      std::chrono::milliseconds retry = std::chrono::milliseconds(1000));

    ReaderState state() override;
    Result<Bytes> powerOn() override;
    Result<Bytes> transmit(std::span<const std::uint8_t> commandApdu) override;
    Status powerOff() override;
    ReaderCapabilities capabilities() const override;

    bool connected() const { return reader_ != nullptr; }

private:
    // Opens a reader when none is open; `now` ignores the retry interval (a read was asked).
    bool ensureOpen(bool now);
    // Drops the handle when the reader left the bus, so the next poll looks again.
    template <typename T> T noticeUnplug(T result);

    UsbReaderOpener open_;
    Logger* logger_;
    std::chrono::milliseconds retry_;
    std::chrono::steady_clock::time_point nextAttempt_{};
    std::unique_ptr<CcidReader> reader_;
};

} // namespace kiosk
