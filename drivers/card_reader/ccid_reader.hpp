// CcidReader: a CardReader speaking USB CCID (APDU exchange level) over a UsbTransport.
#pragma once

#include "drivers/card_reader/card_reader.hpp"
#include "drivers/card_reader/ccid_message.hpp"

#include <chrono>
#include <memory>

namespace kiosk {

struct CcidTimeouts {
    // libccid's defaults (src/defs.h): 3 s per read, 5 s per write. A time extension from the
    // reader multiplies the read timeout by its bError.
    std::chrono::milliseconds read{3000};
    std::chrono::milliseconds write{5000};
    // How long state() waits on the interrupt endpoint for a slot change before answering.
    std::chrono::milliseconds interruptPoll{20};
    // A card that keeps asking for more time is treated as gone after this many extensions.
    int maxTimeExtensions = 60;
};

class CcidReader final : public CardReader {
public:
    // Reads the CCID class descriptor from the transport's interface; a reader that only works
    // at character or TPDU level is refused (every contactless reader we target is APDU level).
    static Result<std::unique_ptr<CcidReader>> open(std::unique_ptr<UsbTransport> transport,
                                                    CcidTimeouts timeouts = {});

    ReaderState state() override;
    Result<Bytes> powerOn() override;
    Result<Bytes> transmit(std::span<const std::uint8_t> commandApdu) override;
    Status powerOff() override;
    ReaderCapabilities capabilities() const override;

    const ccid::ClassDescriptor& descriptor() const { return descriptor_; }

private:
    CcidReader(std::unique_ptr<UsbTransport> transport, ccid::ClassDescriptor descriptor,
               CcidTimeouts timeouts);

    // One command message and its answer, with bSeq matching and time extensions.
    Result<ccid::Response> exchange(const Bytes& message, std::uint8_t bSeq);
    Result<ccid::Response> xfrBlockPart(std::span<const std::uint8_t> data,
                                        std::uint16_t wLevelParameter);
    Error failureOf(const ccid::Response& response) const;
    Error transportError(const Error& error) const;
    std::uint8_t nextSeq() { return bSeq_++; }

    std::unique_ptr<UsbTransport> transport_;
    ccid::ClassDescriptor descriptor_;
    CcidTimeouts timeouts_;
    std::uint8_t bSlot_ = 0;
    std::uint8_t bSeq_ = 0;
    bool unplugged_ = false;
    bool powered_ = false;
    enum class Presence { Unknown, Present, Absent } presence_ = Presence::Unknown;
};

} // namespace kiosk
