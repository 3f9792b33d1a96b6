// HotplugCardReader: reconnects the USB reader on demand and after every unplug.
#include "kiosk/devices/hotplug_card_reader.hpp"

#include "drivers/card_reader/reader_quirks.hpp"

namespace kiosk {

LogToken readerStateToken(ReaderState state) {
    switch (state) {
    case ReaderState::NoCard:
        return "no_card";
    case ReaderState::CardPresent:
        return "card_present";
    case ReaderState::Error:
        return "error";
    case ReaderState::Disconnected:
        return "disconnected";
    case ReaderState::Unknown:
        break;
    }
    return "unknown";
}

HotplugCardReader::HotplugCardReader(UsbReaderOpener open, Logger* logger,
                                     std::chrono::milliseconds retry)
    : open_(std::move(open))
    , logger_(logger)
    , retry_(retry) {}

bool HotplugCardReader::ensureOpen(bool now) {
    if (reader_) {
        return true;
    }
    auto clock = std::chrono::steady_clock::now();
    if (!open_ || (!now && clock < nextAttempt_)) {
        return false;
    }
    nextAttempt_ = clock + retry_;
    auto transport = open_();
    if (!transport) {
        return false;
    }
    UsbDeviceInfo info = (*transport)->info();
    auto reader =
        CcidReader::open(std::move(*transport), ccidTimeoutsFor(info.vendorId, info.productId));
    if (!reader) {
        return false;
    }
    reader_ = std::move(*reader);
    if (logger_ != nullptr) {
        const ReaderQuirk* quirk = findReaderQuirk(info.vendorId, info.productId);
        logger_->log(
            LogEvent::CardReaderOpened,
            {{"vendor_id", static_cast<int>(info.vendorId)},
             {"product_id", static_cast<int>(info.productId)},
             {"interface", static_cast<int>(info.interfaceNumber)},
             {"model", SystemText{quirk != nullptr ? std::string(quirk->model) : info.product}},
             {"read_timeout_ms", static_cast<std::int64_t>(
                                     ccidTimeoutsFor(info.vendorId, info.productId).read.count())},
             {"simulated", false}});
    }
    return true;
}

template <typename T> T HotplugCardReader::noticeUnplug(T result) {
    if (!result && result.error().code == card_error::kUnplugged) {
        reader_.reset();
        nextAttempt_ = {};
    }
    return result;
}

ReaderState HotplugCardReader::state() {
    if (!ensureOpen(false)) {
        return ReaderState::Disconnected;
    }
    ReaderState state = reader_->state();
    if (state == ReaderState::Disconnected) {
        reader_.reset();
        nextAttempt_ = {};
    }
    return state;
}

Result<Bytes> HotplugCardReader::powerOn() {
    if (!ensureOpen(true)) {
        return makeError(card_error::kUnplugged, "the card reader is not connected");
    }
    return noticeUnplug(reader_->powerOn());
}

Result<Bytes> HotplugCardReader::transmit(std::span<const std::uint8_t> commandApdu) {
    if (!reader_) {
        return makeError(card_error::kUnplugged, "the card reader is not connected");
    }
    return noticeUnplug(reader_->transmit(commandApdu));
}

Status HotplugCardReader::powerOff() {
    if (!reader_) {
        return makeError(card_error::kUnplugged, "the card reader is not connected");
    }
    return noticeUnplug(reader_->powerOff());
}

ReaderCapabilities HotplugCardReader::capabilities() const {
    return reader_ ? reader_->capabilities() : ReaderCapabilities{};
}

} // namespace kiosk
