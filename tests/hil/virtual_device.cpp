// VirtualDevice: standard and class control requests, and the endpoints' simulated functions.
#include "tests/hil/virtual_device.hpp"

#include "drivers/card_reader/ccid_message.hpp"
#include "drivers/printer/printer_profile.hpp"

#include <algorithm>
#include <cerrno>

namespace kiosk::hil {
namespace {

Completion stall() {
    return Completion{-EPIPE, {}, 0};
}

Completion inData(Bytes data, std::uint16_t wLength) {
    if (data.size() > wLength) {
        data.resize(wLength);
    }
    auto length = static_cast<std::uint32_t>(data.size());
    return Completion{0, std::move(data), length};
}

Bytes ccidFrame(std::uint8_t type, std::uint8_t bSeq, std::uint8_t bStatus, std::uint8_t bError,
                std::span<const std::uint8_t> data) {
    // Sized up front and filled by index: GCC 12 -O2 misreports insert-after-braces here.
    Bytes frame(ccid::kHeaderSize + data.size(), 0);
    auto length = static_cast<std::uint32_t>(data.size());
    frame[0] = type;
    frame[1] = static_cast<std::uint8_t>(length);
    frame[2] = static_cast<std::uint8_t>(length >> 8);
    frame[6] = bSeq;
    frame[7] = bStatus;
    frame[8] = bError;
    std::copy(data.begin(), data.end(), frame.begin() + ccid::kHeaderSize);
    return frame;
}

} // namespace

VirtualDevice::VirtualDevice(const DeviceModel& model, std::unique_ptr<sim::SimulatedIcaoCard> card,
                             const std::filesystem::path& pages)
    : model_(model) {
    for (const InterfaceModel& iface : model.interfaces) {
        Interface entry;
        entry.model = &iface;
        if (iface.function == Function::CcidReader) {
            entry.reader = std::make_unique<sim::SimulatedCcidTransport>(
                (iface.ccid.dwFeatures & 0x00040000) != 0 ? sim::SimulatedReaderModel::ExtendedApdu
                                                          : sim::SimulatedReaderModel::ShortApdu);
            entry.reader->setMaxMessageLength(iface.ccid.dwMaxCCIDMessageLength);
            if (card) {
                entry.reader->insertCard(std::move(card));
            }
        } else if (iface.function == Function::Printer) {
            const PrinterProfile* profile = findPrinterProfile(iface.printerProfile);
            printer_ = std::make_shared<SimulatedPrinterDevice>(
                profile != nullptr ? *profile : *findPrinterProfile("generic-80"), pages);
            auto link = printer_->connect();
            if (link) {
                entry.printerLink = std::move(*link);
            }
        } else if (iface.function == Function::CcidOtherChip && iface.chipPresent) {
            entry.otherChipNotice = {ccid::kRdrToPcNotifySlotChange, 0x03};
        }
        interfaces_.push_back(std::move(entry));
    }
}

void VirtualDevice::removeCard() {
    for (auto& iface : interfaces_) {
        if (iface.reader) {
            iface.reader->removeCard();
        }
    }
}

void VirtualDevice::insertCard(std::unique_ptr<sim::SimulatedIcaoCard> card) {
    for (auto& iface : interfaces_) {
        if (iface.reader && card) {
            iface.reader->insertCard(std::move(card));
        }
    }
}

VirtualDevice::Interface* VirtualDevice::interfaceForEndpoint(std::uint8_t endpoint, bool in) {
    for (auto& iface : interfaces_) {
        const InterfaceModel& m = *iface.model;
        std::uint8_t address = static_cast<std::uint8_t>(endpoint | (in ? 0x80 : 0));
        if (m.bulkOut == address || m.bulkIn == address || m.interruptIn == address) {
            return &iface;
        }
    }
    return nullptr;
}

std::optional<Completion> VirtualDevice::control(const Transfer& t) {
    std::uint8_t requestType = t.setup[0];
    std::uint8_t request = t.setup[1];
    auto value = static_cast<std::uint16_t>(t.setup[2] | t.setup[3] << 8);
    auto index = static_cast<std::uint16_t>(t.setup[4] | t.setup[5] << 8);
    auto wLength = static_cast<std::uint16_t>(t.setup[6] | t.setup[7] << 8);
    switch (requestType) {
    case 0x80:              // standard, device to host, device
        if (request == 6) { // GET_DESCRIPTOR
            switch (value >> 8) {
            case 1:
                return inData(deviceDescriptor(model_), wLength);
            case 2:
                return inData(configurationDescriptor(model_), wLength);
            case 3: {
                Bytes text = stringDescriptor(model_, static_cast<std::uint8_t>(value & 0xFF));
                return text.empty() ? stall() : inData(std::move(text), wLength);
            }
            default:
                return stall(); // a full-speed device has no qualifier or BOS descriptor
            }
        }
        if (request == 0) { // GET_STATUS
            return inData({0, 0}, wLength);
        }
        if (request == 8) { // GET_CONFIGURATION
            return inData({1}, wLength);
        }
        return stall();
    case 0x81: // standard, interface
        if (request == 10) {
            return inData({0}, wLength);
        }
        if (request == 0) {
            return inData({0, 0}, wLength);
        }
        return stall();
    case 0x82:
        return inData({0, 0}, wLength);
    case 0x00:
    case 0x01:
    case 0x02: // SET_CONFIGURATION, SET_INTERFACE, CLEAR_FEATURE(halt), SET_FEATURE
        return Completion{};
    case 0xA1: { // class, interface: the printer's GET_DEVICE_ID and GET_PORT_STATUS
        std::size_t number = index >> 8;
        if (number >= interfaces_.size() ||
            interfaces_[number].model->function != Function::Printer) {
            return stall();
        }
        if (request == 0) {
            const std::string& id = interfaces_[number].model->deviceId;
            auto total = static_cast<std::uint16_t>(id.size() + 2);
            Bytes reply{static_cast<std::uint8_t>(total >> 8),
                        static_cast<std::uint8_t>(total & 0xFF)};
            reply.insert(reply.end(), id.begin(), id.end());
            return inData(std::move(reply), wLength);
        }
        if (request == 1) {
            return inData({0x18}, wLength); // selected, no error
        }
        return stall();
    }
    case 0x21: // class OUT: CCID ABORT, printer SOFT_RESET
        return Completion{};
    default:
        return stall();
    }
}

void VirtualDevice::otherChipMessage(Interface& iface, std::span<const std::uint8_t> message) {
    if (message.size() < ccid::kHeaderSize) {
        return;
    }
    std::uint8_t type = message[0];
    std::uint8_t bSeq = message[6];
    bool present = iface.model->chipPresent;
    std::uint8_t icc = !present ? 2 : iface.otherChipPowered ? 0 : 1;
    Bytes answer;
    switch (type) {
    case ccid::kPcToRdrIccPowerOn:
        if (!present) {
            answer = ccidFrame(ccid::kRdrToPcDataBlock, bSeq, 0x42, ccid::kErrorIccMute, {});
        } else {
            iface.otherChipPowered = true;
            // A T=1 smart-card ATR; the chip is an applet host without the eMRTD application.
            constexpr std::uint8_t atr[] = {0x3B, 0xF8, 0x13, 0x00, 0x00, 0x81, 0x31, 0xFE, 0x15,
                                            0x59, 0x75, 0x62, 0x69, 0x6B, 0x65, 0x79, 0x34, 0xD4};
            answer = ccidFrame(ccid::kRdrToPcDataBlock, bSeq, 0, 0, atr);
        }
        break;
    case ccid::kPcToRdrXfrBlock:
        if (!present || !iface.otherChipPowered) {
            answer = ccidFrame(ccid::kRdrToPcDataBlock, bSeq, static_cast<std::uint8_t>(0x40 | icc),
                               ccid::kErrorIccMute, {});
        } else {
            constexpr std::uint8_t notFound[] = {0x6A, 0x82}; // no such application
            answer = ccidFrame(ccid::kRdrToPcDataBlock, bSeq, 0, 0, notFound);
        }
        break;
    case ccid::kPcToRdrIccPowerOff:
        iface.otherChipPowered = false;
        answer = ccidFrame(ccid::kRdrToPcSlotStatus, bSeq, present ? 1 : 2, 0, {});
        break;
    case ccid::kPcToRdrGetSlotStatus:
        answer = ccidFrame(ccid::kRdrToPcSlotStatus, bSeq, icc, 0, {});
        break;
    default:
        answer =
            ccidFrame(ccid::kRdrToPcSlotStatus, bSeq, static_cast<std::uint8_t>(0x40 | icc), 0, {});
        break;
    }
    iface.otherChipAnswers = std::move(answer);
}

std::optional<Completion> VirtualDevice::submit(const Transfer& t) {
    if (t.endpoint == 0) {
        return control(t);
    }
    Interface* iface = interfaceForEndpoint(t.endpoint, t.in);
    if (iface == nullptr) {
        return stall();
    }
    const InterfaceModel& m = *iface->model;
    std::uint8_t address = static_cast<std::uint8_t>(t.endpoint | (t.in ? 0x80 : 0));
    if (!t.in) {
        outBytes_ += t.out.size();
        ++outTransfers_;
        if (iface->reader) {
            auto written = iface->reader->bulkOut(t.out, std::chrono::milliseconds(0));
            if (!written) {
                return Completion{-EPIPE, {}, 0};
            }
        } else if (iface->printerLink) {
            auto written = iface->printerLink->bulkOut(t.out, std::chrono::milliseconds(0));
            if (!written) {
                return Completion{-EPIPE, {}, 0};
            }
        } else if (m.function == Function::CcidOtherChip) {
            otherChipMessage(*iface, t.out);
        }
        return Completion{0, {}, static_cast<std::uint32_t>(t.out.size())};
    }
    auto nothing = [] { return Result<Bytes>(makeError(usb_error::kTimeout, "nothing to say")); };
    auto read = [&]() -> Result<Bytes> {
        if (address == m.interruptIn) {
            if (iface->reader) {
                return iface->reader->interruptIn(t.length, std::chrono::milliseconds(0));
            }
            if (!iface->otherChipNotice.empty()) {
                return std::exchange(iface->otherChipNotice, {});
            }
            return nothing();
        }
        if (iface->reader) {
            return iface->reader->bulkIn(t.length, std::chrono::milliseconds(0));
        }
        if (iface->printerLink) {
            return iface->printerLink->bulkIn(t.length, std::chrono::milliseconds(0));
        }
        if (!iface->otherChipAnswers.empty()) {
            return std::exchange(iface->otherChipAnswers, {});
        }
        return nothing();
    };
    Result<Bytes> answer = read();
    if (!answer) {
        if (answer.error().code == usb_error::kTimeout) {
            return std::nullopt; // pending until there is something to say
        }
        return Completion{-EPIPE, {}, 0};
    }
    Bytes data = std::move(*answer);
    if (data.size() > t.length) {
        data.resize(t.length);
    }
    auto length = static_cast<std::uint32_t>(data.size());
    return Completion{0, std::move(data), length};
}

} // namespace kiosk::hil
