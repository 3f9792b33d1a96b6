// USB CCID 1.1 bulk message encoding and parsing.
#include "drivers/card_reader/ccid_message.hpp"

namespace kiosk::ccid {
namespace {

Bytes header(std::uint8_t type, std::size_t length, std::uint8_t bSlot, std::uint8_t bSeq,
             std::uint8_t b7, std::uint8_t b8, std::uint8_t b9) {
    // §6.1: dwLength is little-endian.
    return Bytes{type,
                 static_cast<std::uint8_t>(length),
                 static_cast<std::uint8_t>(length >> 8),
                 static_cast<std::uint8_t>(length >> 16),
                 static_cast<std::uint8_t>(length >> 24),
                 bSlot,
                 bSeq,
                 b7,
                 b8,
                 b9};
}

std::uint32_t le32(std::span<const std::uint8_t> bytes, std::size_t at) {
    return static_cast<std::uint32_t>(bytes[at]) |
           (static_cast<std::uint32_t>(bytes[at + 1]) << 8) |
           (static_cast<std::uint32_t>(bytes[at + 2]) << 16) |
           (static_cast<std::uint32_t>(bytes[at + 3]) << 24);
}

} // namespace

Bytes iccPowerOn(std::uint8_t bSlot, std::uint8_t bSeq, PowerSelect power) {
    return header(kPcToRdrIccPowerOn, 0, bSlot, bSeq, static_cast<std::uint8_t>(power), 0, 0);
}

Bytes iccPowerOff(std::uint8_t bSlot, std::uint8_t bSeq) {
    return header(kPcToRdrIccPowerOff, 0, bSlot, bSeq, 0, 0, 0);
}

Bytes getSlotStatus(std::uint8_t bSlot, std::uint8_t bSeq) {
    return header(kPcToRdrGetSlotStatus, 0, bSlot, bSeq, 0, 0, 0);
}

Bytes xfrBlock(std::uint8_t bSlot, std::uint8_t bSeq, std::span<const std::uint8_t> abData,
               std::uint16_t wLevelParameter, std::uint8_t bBWI) {
    Bytes out = header(kPcToRdrXfrBlock, abData.size(), bSlot, bSeq, bBWI,
                       static_cast<std::uint8_t>(wLevelParameter),
                       static_cast<std::uint8_t>(wLevelParameter >> 8));
    out.insert(out.end(), abData.begin(), abData.end());
    return out;
}

Result<Response> parseResponse(std::span<const std::uint8_t> message) {
    if (message.size() < kHeaderSize) {
        return makeError("ccid.short_frame", "reader sent a frame shorter than the CCID header");
    }
    std::uint32_t dwLength = le32(message, 1);
    if (dwLength > message.size() - kHeaderSize) {
        return makeError("ccid.truncated", "reader frame shorter than its dwLength");
    }
    Response response;
    response.bMessageType = message[0];
    response.bSlot = message[5];
    response.bSeq = message[6];
    response.bStatus = message[7];
    response.bError = message[8];
    response.bSpecific = message[9];
    response.abData.assign(message.begin() + kHeaderSize,
                           message.begin() + kHeaderSize + static_cast<std::ptrdiff_t>(dwLength));
    return response;
}

ClassDescriptor::ExchangeLevel ClassDescriptor::exchangeLevel() const {
    // §5.1 dwFeatures bits 16-18.
    if (dwFeatures & 0x00040000) {
        return ExchangeLevel::ExtendedApdu;
    }
    if (dwFeatures & 0x00020000) {
        return ExchangeLevel::ShortApdu;
    }
    if (dwFeatures & 0x00010000) {
        return ExchangeLevel::Tpdu;
    }
    return ExchangeLevel::Character;
}

Result<ClassDescriptor> parseClassDescriptor(std::span<const std::uint8_t> extra) {
    // The extra bytes are a chain of descriptors (bLength, bDescriptorType, ...).
    std::size_t at = 0;
    while (at + 2 <= extra.size()) {
        std::uint8_t bLength = extra[at];
        if (bLength < 2 || at + bLength > extra.size()) {
            break;
        }
        if (extra[at + 1] == 0x21 && bLength >= 54) {
            auto d = extra.subspan(at, bLength);
            ClassDescriptor out;
            out.bMaxSlotIndex = d[4];
            out.dwMaxIFSD = le32(d, 28);
            out.dwFeatures = le32(d, 40);
            out.dwMaxCCIDMessageLength = le32(d, 44);
            if (out.dwMaxCCIDMessageLength < kHeaderSize + 4) {
                return makeError("ccid.descriptor",
                                 "CCID descriptor gives an impossible message size");
            }
            return out;
        }
        at += bLength;
    }
    return makeError("ccid.descriptor", "no CCID class descriptor (type 0x21, 54 bytes) found");
}

std::optional<SlotChange> parseNotifySlotChange(std::span<const std::uint8_t> message,
                                                std::uint8_t bSlot) {
    std::size_t index = 1 + bSlot / 4;
    if (message.empty() || message[0] != kRdrToPcNotifySlotChange || message.size() <= index) {
        return std::nullopt;
    }
    unsigned bits = (message[index] >> (2 * (bSlot % 4))) & 0x03;
    return SlotChange{(bits & 0x01) != 0, (bits & 0x02) != 0};
}

} // namespace kiosk::ccid
