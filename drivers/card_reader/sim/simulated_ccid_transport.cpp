// The simulated CCID reader: answers CCID 1.1 bulk messages and notifies slot changes.
#include "drivers/card_reader/sim/simulated_ccid_transport.hpp"

#include "drivers/card_reader/ccid_message.hpp"

#include <algorithm>

namespace kiosk::sim {
namespace {

// §5.1 CCID class descriptor, 54 bytes; only the fields the driver reads are meaningful.
Bytes classDescriptor(std::uint32_t dwFeatures, std::uint32_t dwMaxCCIDMessageLength) {
    Bytes d(54, 0);
    d[0] = 54;
    d[1] = 0x21;
    d[2] = 0x10; // bcdCCID 1.10
    d[3] = 0x01;
    d[4] = 0;    // bMaxSlotIndex
    d[6] = 0x02; // dwProtocols: T=1
    auto put32 = [&](std::size_t at, std::uint32_t v) {
        for (int i = 0; i < 4; ++i) {
            d[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
        }
    };
    put32(28, 254); // dwMaxIFSD
    put32(40, dwFeatures);
    put32(44, dwMaxCCIDMessageLength);
    d[52] = 0x01; // bMaxCCIDBusySlots
    return d;
}

} // namespace

SimulatedCcidTransport::SimulatedCcidTransport(SimulatedReaderModel model)
    : extendedLevel_(model == SimulatedReaderModel::ExtendedApdu) {
    maxMessage_ = extendedLevel_ ? 1034 : 263;
    // Automatic parameter/clock/voltage negotiation plus the APDU exchange level.
    std::uint32_t features = 0x000004BA | (extendedLevel_ ? 0x00040000 : 0x00020000);
    info_.vendorId = 0x1D6B; // Linux Foundation: clearly not a real reader vendor
    info_.productId = 0xCC1D;
    info_.interfaceClass = 0x0B;
    info_.manufacturer = "Kiosk simulator";
    info_.product = extendedLevel_ ? "Simulated contactless reader (extended APDU)"
                                   : "Simulated contactless reader (short APDU)";
    info_.classDescriptor = classDescriptor(features, static_cast<std::uint32_t>(maxMessage_));
    info_.hasInterruptIn = true;
}

void SimulatedCcidTransport::insertCard(std::unique_ptr<SimulatedIcaoCard> card) {
    card_ = std::move(card);
    powered_ = false;
    interruptQueue_.push_back(Bytes{ccid::kRdrToPcNotifySlotChange, 0x03});
}

void SimulatedCcidTransport::removeCard() {
    card_.reset();
    powered_ = false;
    interruptQueue_.push_back(Bytes{ccid::kRdrToPcNotifySlotChange, 0x02});
}

void SimulatedCcidTransport::unplug() {
    unplugged_ = true;
}

std::uint8_t SimulatedCcidTransport::iccStatus() const {
    if (!card_) {
        return 2;
    }
    return powered_ ? 0 : 1;
}

void SimulatedCcidTransport::answer(std::uint8_t type, std::uint8_t bSeq, std::uint8_t bStatus,
                                    std::uint8_t bError, std::uint8_t bSpecific,
                                    std::span<const std::uint8_t> data) {
    Bytes frame{type,
                static_cast<std::uint8_t>(data.size()),
                static_cast<std::uint8_t>(data.size() >> 8),
                0,
                0,
                0,
                bSeq,
                bStatus,
                bError,
                bSpecific};
    frame.insert(frame.end(), data.begin(), data.end());
    bulkQueue_.push_back(std::move(frame));
}

void SimulatedCcidTransport::slotStatus(std::uint8_t bSeq) {
    answer(ccid::kRdrToPcSlotStatus, bSeq, iccStatus(), 0, 0, {});
}

Result<std::size_t> SimulatedCcidTransport::bulkOut(std::span<const std::uint8_t> data,
                                                    std::chrono::milliseconds) {
    auto started = std::chrono::steady_clock::now();
    struct AddElapsed {
        std::chrono::nanoseconds& total;
        std::chrono::steady_clock::time_point started;
        ~AddElapsed() { total += std::chrono::steady_clock::now() - started; }
    } addElapsed{simulatedTime_, started};
    ++messages_;
    if (messages_ == faults_.unplugAtMessage) {
        unplugged_ = true;
    }
    if (unplugged_) {
        return makeError(usb_error::kNoDevice, "simulated reader unplugged");
    }
    if (messages_ == faults_.removeCardAtMessage) {
        removeCard();
    }
    auto message = ccid::parseResponse(data); // same header layout in both directions
    if (!message || data.size() > maxMessage_) {
        return makeError(usb_error::kIo, "simulated reader got a malformed message");
    }
    if (messages_ == faults_.staleFrameAtMessage) {
        answer(ccid::kRdrToPcSlotStatus, static_cast<std::uint8_t>(message->bSeq - 1), 0, 0, 0, {});
    }
    std::uint8_t bSeq = message->bSeq;
    std::size_t queuedBefore = bulkQueue_.size();
    switch (message->bMessageType) {
    case ccid::kPcToRdrIccPowerOn:
        if (!card_) {
            answer(ccid::kRdrToPcDataBlock, bSeq, 0x42, ccid::kErrorIccMute, 0, {});
        } else {
            powered_ = true;
            Bytes atr = card_->powerOn();
            answer(ccid::kRdrToPcDataBlock, bSeq, 0x00, 0, 0, atr);
        }
        break;
    case ccid::kPcToRdrIccPowerOff:
        powered_ = false;
        slotStatus(bSeq);
        break;
    case ccid::kPcToRdrGetSlotStatus:
        slotStatus(bSeq);
        break;
    case ccid::kPcToRdrXfrBlock:
        xfrBlock(bSeq, static_cast<std::uint16_t>(message->bError | (message->bSpecific << 8)),
                 message->abData);
        break;
    default:
        // §6.2.6: command not supported is bError 0 with a failed status.
        answer(ccid::kRdrToPcSlotStatus, bSeq, static_cast<std::uint8_t>(0x40 | iccStatus()), 0, 0,
               {});
        break;
    }
    if (messages_ == faults_.truncateAtMessage && bulkQueue_.size() > queuedBefore) {
        Bytes& last = bulkQueue_.back();
        last.resize(std::max<std::size_t>(ccid::kHeaderSize, last.size() / 2));
        if (last.size() == ccid::kHeaderSize) {
            last[1] = 0x10; // claim data that never comes
        }
    }
    return data.size();
}

void SimulatedCcidTransport::xfrBlock(std::uint8_t bSeq, std::uint16_t wLevelParameter,
                                      std::span<const std::uint8_t> data) {
    if (!card_ || !powered_) {
        answer(ccid::kRdrToPcDataBlock, bSeq, static_cast<std::uint8_t>(0x40 | iccStatus()),
               ccid::kErrorIccMute, 0, {});
        return;
    }
    if (wLevelParameter == ccid::kChainNextPlease) {
        sendResponseChunk(bSeq);
        return;
    }
    commandChain_.insert(commandChain_.end(), data.begin(), data.end());
    if (wLevelParameter == ccid::kChainBegin || wLevelParameter == ccid::kChainContinue) {
        answer(ccid::kRdrToPcDataBlock, bSeq, 0, 0,
               static_cast<std::uint8_t>(ccid::kChainNextPlease), {});
        return;
    }
    // ISO 7816-4 §5.1: a body starting with 00 and longer than one byte is extended length.
    bool extendedApdu = commandChain_.size() > 5 && commandChain_[4] == 0x00;
    if (faults_.muteOnExtendedApdu && extendedApdu) {
        commandChain_.clear();
        answer(ccid::kRdrToPcDataBlock, bSeq, static_cast<std::uint8_t>(0x40 | iccStatus()),
               ccid::kErrorIccMute, 0, {});
        return;
    }
    for (int i = 0; i < faults_.timeExtensionsPerAnswer; ++i) {
        // §6.2.6 time extension: bStatus 0x80, bError is the BWT multiplier.
        answer(ccid::kRdrToPcDataBlock, bSeq, 0x80, 2, 0, {});
    }
    responseChain_ = card_->process(commandChain_);
    commandChain_.clear();
    sendResponseChunk(bSeq);
}

void SimulatedCcidTransport::sendResponseChunk(std::uint8_t bSeq) {
    std::size_t room = maxMessage_ - ccid::kHeaderSize;
    if (responseChain_.size() <= room) {
        answer(ccid::kRdrToPcDataBlock, bSeq, 0, 0, 0, responseChain_);
        responseChain_.clear();
        return;
    }
    Bytes part(responseChain_.begin(), responseChain_.begin() + static_cast<std::ptrdiff_t>(room));
    responseChain_.erase(responseChain_.begin(),
                         responseChain_.begin() + static_cast<std::ptrdiff_t>(room));
    answer(ccid::kRdrToPcDataBlock, bSeq, 0, 0, static_cast<std::uint8_t>(ccid::kChainBegin), part);
}

Result<Bytes> SimulatedCcidTransport::bulkIn(std::size_t maxLength, std::chrono::milliseconds) {
    if (unplugged_) {
        return makeError(usb_error::kNoDevice, "simulated reader unplugged");
    }
    if (bulkQueue_.empty()) {
        return makeError(usb_error::kTimeout, "simulated reader has nothing to say");
    }
    Bytes frame = std::move(bulkQueue_.front());
    bulkQueue_.pop_front();
    if (frame.size() > maxLength) {
        return makeError(usb_error::kIo, "simulated reader frame larger than the read buffer");
    }
    return frame;
}

Result<Bytes> SimulatedCcidTransport::interruptIn(std::size_t, std::chrono::milliseconds) {
    if (unplugged_) {
        return makeError(usb_error::kNoDevice, "simulated reader unplugged");
    }
    if (interruptQueue_.empty()) {
        return makeError(usb_error::kTimeout, "no slot change");
    }
    Bytes notice = std::move(interruptQueue_.front());
    interruptQueue_.pop_front();
    return notice;
}

Result<Bytes> SimulatedCcidTransport::controlIn(std::uint8_t, std::uint8_t, std::uint16_t,
                                                std::uint16_t, std::uint16_t,
                                                std::chrono::milliseconds) {
    if (unplugged_) {
        return makeError(usb_error::kNoDevice, "simulated reader unplugged");
    }
    return makeError(usb_error::kStall, "simulated reader has no control requests");
}

} // namespace kiosk::sim
