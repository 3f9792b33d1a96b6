// CcidReader: CCID message exchange, time extensions, APDU chaining and card presence.
#include "drivers/card_reader/ccid_reader.hpp"

#include "drivers/card_reader/reader_quirks.hpp"

#include <algorithm>
#include <string>

namespace kiosk {

Result<std::unique_ptr<CcidReader>> CcidReader::open(std::unique_ptr<UsbTransport> transport,
                                                     CcidTimeouts timeouts) {
    auto descriptor = ccid::parseClassDescriptor(transport->info().classDescriptor);
    if (!descriptor) {
        return descriptor.error();
    }
    auto level = descriptor->exchangeLevel();
    if (level != ccid::ClassDescriptor::ExchangeLevel::ShortApdu &&
        level != ccid::ClassDescriptor::ExchangeLevel::ExtendedApdu) {
        return makeError(card_error::kUnsupported,
                         "reader works at character or TPDU level; only APDU-level readers are "
                         "supported");
    }
    return std::unique_ptr<CcidReader>(new CcidReader(std::move(transport), *descriptor, timeouts));
}

CcidReader::CcidReader(std::unique_ptr<UsbTransport> transport, ccid::ClassDescriptor descriptor,
                       CcidTimeouts timeouts)
    : transport_(std::move(transport))
    , descriptor_(descriptor)
    , timeouts_(timeouts) {}

ReaderCapabilities CcidReader::capabilities() const {
    ReaderCapabilities caps;
    caps.apduLevel =
        descriptor_.exchangeLevel() == ccid::ClassDescriptor::ExchangeLevel::ExtendedApdu
            ? ApduLevel::Extended
            : ApduLevel::Short;
    // At extended level the reader chains long APDUs for us (§6.1.4), so the limit is the
    // largest extended APDU; at short level one message must hold the whole APDU.
    caps.maxApduLength = caps.apduLevel == ApduLevel::Extended
                             ? 65544
                             : descriptor_.dwMaxCCIDMessageLength - ccid::kHeaderSize;
    return caps;
}

Error CcidReader::transportError(const Error& error) const {
    if (error.code == usb_error::kNoDevice) {
        return makeError(card_error::kUnplugged, "card reader unplugged");
    }
    if (error.code == usb_error::kTimeout) {
        return makeError(card_error::kTimeout, "card reader did not answer in time");
    }
    return makeError(card_error::kReaderError, "card reader USB error: " + error.message);
}

Error CcidReader::failureOf(const ccid::Response& response) const {
    if (response.iccStatus() == ccid::IccStatus::Absent) {
        return makeError(powered_ ? card_error::kRemoved : card_error::kNoCard,
                         powered_ ? "card removed" : "no card on the reader");
    }
    if (response.bError == ccid::kErrorIccMute) {
        return makeError(powered_ ? card_error::kRemoved : card_error::kNoCard,
                         "card does not answer (mute)");
    }
    if (response.bError == ccid::kErrorTimeout) {
        return makeError(card_error::kTimeout, "card did not answer in time");
    }
    return makeError(card_error::kReaderError,
                     "reader reported slot error " + std::to_string(response.bError));
}

Result<ccid::Response> CcidReader::exchange(const Bytes& message, std::uint8_t bSeq) {
    if (unplugged_) {
        return makeError(card_error::kUnplugged, "card reader unplugged");
    }
    auto written = transport_->bulkOut(message, timeouts_.write);
    if (!written) {
        unplugged_ = written.error().code == usb_error::kNoDevice;
        return transportError(written.error());
    }
    auto timeout = timeouts_.read;
    int extensions = 0;
    int staleFrames = 0;
    std::size_t maxIn = std::max<std::size_t>(descriptor_.dwMaxCCIDMessageLength, 64);
    for (;;) {
        auto in = transport_->bulkIn(maxIn, timeout);
        if (!in) {
            unplugged_ = in.error().code == usb_error::kNoDevice;
            return transportError(in.error());
        }
        auto response = ccid::parseResponse(*in);
        if (!response) {
            return makeError(card_error::kProtocol, response.error().message);
        }
        if (response->bSeq != bSeq) {
            // An answer to an earlier, abandoned command; libccid gives up after 10.
            if (++staleFrames > 10) {
                return makeError(card_error::kProtocol, "reader keeps answering another bSeq");
            }
            continue;
        }
        if (response->commandStatus() == ccid::CommandStatus::TimeExtension) {
            // §6.2.6: the card needs more time; wait again without resending, bError times longer.
            if (++extensions > timeouts_.maxTimeExtensions) {
                return makeError(card_error::kTimeout, "card kept asking for more time");
            }
            timeout = timeouts_.read * std::max<int>(1, response->bError);
            continue;
        }
        return std::move(*response);
    }
}

ReaderState CcidReader::state() {
    if (unplugged_) {
        return ReaderState::Disconnected;
    }
    if (transport_->info().hasInterruptIn && presence_ != Presence::Unknown) {
        // Several changes may be queued (card lifted and put back); the last one is current.
        for (int pending = 0; pending < 16; ++pending) {
            auto notice = transport_->interruptIn(8, timeouts_.interruptPoll);
            if (notice) {
                if (auto change = ccid::parseNotifySlotChange(*notice, bSlot_)) {
                    presence_ = change->present ? Presence::Present : Presence::Absent;
                }
                continue;
            }
            if (notice.error().code == usb_error::kNoDevice) {
                unplugged_ = true;
                return ReaderState::Disconnected;
            }
            if (notice.error().code != usb_error::kTimeout) {
                return ReaderState::Error;
            }
            break;
        }
    } else {
        std::uint8_t seq = nextSeq();
        auto response = exchange(ccid::getSlotStatus(bSlot_, seq), seq);
        if (!response) {
            return unplugged_ ? ReaderState::Disconnected : ReaderState::Error;
        }
        presence_ =
            response->iccStatus() == ccid::IccStatus::Absent ? Presence::Absent : Presence::Present;
    }
    if (presence_ == Presence::Absent) {
        powered_ = false;
        return ReaderState::NoCard;
    }
    return ReaderState::CardPresent;
}

Result<Bytes> CcidReader::powerOn() {
    std::uint8_t seq = nextSeq();
    auto response = exchange(ccid::iccPowerOn(bSlot_, seq, ccid::PowerSelect::Automatic), seq);
    if (!response) {
        return response.error();
    }
    if (response->commandStatus() != ccid::CommandStatus::Ok) {
        powered_ = false;
        return failureOf(*response);
    }
    if (response->bMessageType != ccid::kRdrToPcDataBlock) {
        return makeError(card_error::kProtocol, "reader answered power-on with the wrong message");
    }
    powered_ = true;
    presence_ = Presence::Present;
    return std::move(response->abData);
}

Status CcidReader::powerOff() {
    std::uint8_t seq = nextSeq();
    auto response = exchange(ccid::iccPowerOff(bSlot_, seq), seq);
    powered_ = false;
    if (!response) {
        return response.error();
    }
    return ok();
}

Result<ccid::Response> CcidReader::xfrBlockPart(std::span<const std::uint8_t> data,
                                                std::uint16_t wLevelParameter) {
    std::uint8_t seq = nextSeq();
    auto response = exchange(ccid::xfrBlock(bSlot_, seq, data, wLevelParameter), seq);
    if (!response) {
        return response;
    }
    if (response->commandStatus() != ccid::CommandStatus::Ok) {
        return failureOf(*response);
    }
    if (response->bMessageType != ccid::kRdrToPcDataBlock) {
        return makeError(card_error::kProtocol, "reader answered XfrBlock with the wrong message");
    }
    return response;
}

Result<Bytes> CcidReader::transmit(std::span<const std::uint8_t> commandApdu) {
    std::size_t maxData = descriptor_.dwMaxCCIDMessageLength - ccid::kHeaderSize;
    bool extended =
        descriptor_.exchangeLevel() == ccid::ClassDescriptor::ExchangeLevel::ExtendedApdu;
    if (commandApdu.size() > maxData && !extended) {
        return makeError(card_error::kUnsupported,
                         "APDU longer than the reader's short-APDU message size");
    }
    // §6.1.4: a command APDU longer than one message is sent in parts (begin, continue, end);
    // the reader acknowledges each part with an empty DataBlock.
    Result<ccid::Response> response = makeError(card_error::kProtocol, "nothing sent");
    if (commandApdu.size() <= maxData) {
        response = xfrBlockPart(commandApdu, ccid::kChainSingle);
    } else {
        for (std::size_t at = 0; at < commandApdu.size(); at += maxData) {
            std::size_t length = std::min(maxData, commandApdu.size() - at);
            std::uint16_t level = at == 0                             ? ccid::kChainBegin
                                  : at + length == commandApdu.size() ? ccid::kChainEnd
                                                                      : ccid::kChainContinue;
            response = xfrBlockPart(commandApdu.subspan(at, length), level);
            if (!response) {
                return response.error();
            }
        }
    }
    if (!response) {
        return response.error();
    }
    Bytes answer = std::move(response->abData);
    // §6.2.1 bChainParameter 01/03: more of the response follows; ask with an empty XfrBlock.
    for (int part = 0;
         response->bSpecific == ccid::kChainBegin || response->bSpecific == ccid::kChainContinue;
         ++part) {
        if (part > 1024) {
            return makeError(card_error::kProtocol, "reader response chain never ends");
        }
        response = xfrBlockPart({}, ccid::kChainNextPlease);
        if (!response) {
            return response.error();
        }
        answer.insert(answer.end(), response->abData.begin(), response->abData.end());
    }
    return answer;
}

} // namespace kiosk
