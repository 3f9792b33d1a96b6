// USB CCID 1.1 bulk messages as pure bytes: command encoding, response parsing, class descriptor.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <cstdint>
#include <optional>
#include <span>

namespace kiosk::ccid {

// CCID rev 1.1 §6.1 / §6.2 / §6.3 message types.
inline constexpr std::uint8_t kPcToRdrIccPowerOn = 0x62;
inline constexpr std::uint8_t kPcToRdrIccPowerOff = 0x63;
inline constexpr std::uint8_t kPcToRdrGetSlotStatus = 0x65;
inline constexpr std::uint8_t kPcToRdrXfrBlock = 0x6F;
inline constexpr std::uint8_t kRdrToPcDataBlock = 0x80;
inline constexpr std::uint8_t kRdrToPcSlotStatus = 0x81;
inline constexpr std::uint8_t kRdrToPcNotifySlotChange = 0x50;
inline constexpr std::uint8_t kRdrToPcHardwareError = 0x51;

inline constexpr std::size_t kHeaderSize = 10; // §6.1: bMessageType, dwLength, bSlot, bSeq, 3 bytes

// §6.2-3 bStatus: bmICCStatus (bits 0-1) and bmCommandStatus (bits 6-7).
enum class IccStatus : std::uint8_t { PresentActive = 0, PresentInactive = 1, Absent = 2 };
enum class CommandStatus : std::uint8_t { Ok = 0, Failed = 1, TimeExtension = 2 };

// §6.2-2 slot error codes (bError) the driver reacts to.
inline constexpr std::uint8_t kErrorIccMute = 0xFE;
inline constexpr std::uint8_t kErrorCommandAborted = 0xFF;
inline constexpr std::uint8_t kErrorXfrParity = 0xFD;
inline constexpr std::uint8_t kErrorTimeout = 0xF0;

// §6.1.4 wLevelParameter / §6.2.1 bChainParameter for APDU chaining at extended APDU level.
inline constexpr std::uint16_t kChainSingle = 0x0000;
inline constexpr std::uint16_t kChainBegin = 0x0001;
inline constexpr std::uint16_t kChainEnd = 0x0002;
inline constexpr std::uint16_t kChainContinue = 0x0003;
inline constexpr std::uint16_t kChainNextPlease = 0x0010; // empty XfrBlock asking for more

enum class PowerSelect : std::uint8_t { Automatic = 0, Volts5 = 1, Volts3 = 2, Volts1_8 = 3 };

Bytes iccPowerOn(std::uint8_t bSlot, std::uint8_t bSeq, PowerSelect power);
Bytes iccPowerOff(std::uint8_t bSlot, std::uint8_t bSeq);
Bytes getSlotStatus(std::uint8_t bSlot, std::uint8_t bSeq);
Bytes xfrBlock(std::uint8_t bSlot, std::uint8_t bSeq, std::span<const std::uint8_t> abData,
               std::uint16_t wLevelParameter = kChainSingle, std::uint8_t bBWI = 0);

// A reader-to-PC bulk message (RDR_to_PC_DataBlock, SlotStatus, or anything else we ignore).
struct Response {
    std::uint8_t bMessageType = 0;
    std::uint8_t bSlot = 0;
    std::uint8_t bSeq = 0;
    std::uint8_t bStatus = 0;
    std::uint8_t bError = 0;
    std::uint8_t bSpecific = 0; // bChainParameter (DataBlock) or bClockStatus (SlotStatus)
    Bytes abData;

    IccStatus iccStatus() const { return static_cast<IccStatus>(bStatus & 0x03); }
    CommandStatus commandStatus() const { return static_cast<CommandStatus>(bStatus >> 6); }
};

// Parses one bulk-IN transfer. Errors are "ccid.*" codes; dwLength larger than the bytes present
// is a truncated frame.
Result<Response> parseResponse(std::span<const std::uint8_t> message);

// §5.1 CCID class descriptor (bDescriptorType 0x21, 54 bytes): the fields the driver uses.
struct ClassDescriptor {
    std::uint8_t bMaxSlotIndex = 0;
    std::uint32_t dwMaxIFSD = 0;
    std::uint32_t dwFeatures = 0;
    std::uint32_t dwMaxCCIDMessageLength = 271;

    enum class ExchangeLevel { Character, Tpdu, ShortApdu, ExtendedApdu };
    ExchangeLevel exchangeLevel() const;
};

// Finds the CCID class descriptor among the interface's extra descriptor bytes.
Result<ClassDescriptor> parseClassDescriptor(std::span<const std::uint8_t> extra);

// §6.3.1 RDR_to_PC_NotifySlotChange: bmSlotICCState has two bits per slot (present, changed).
struct SlotChange {
    bool present = false;
    bool changed = false;
};
std::optional<SlotChange> parseNotifySlotChange(std::span<const std::uint8_t> message,
                                                std::uint8_t bSlot);

} // namespace kiosk::ccid
