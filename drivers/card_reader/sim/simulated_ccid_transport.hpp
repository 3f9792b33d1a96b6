// SimulatedCcidTransport: a contactless APDU-level CCID reader in software, below the USB seam.
#pragma once

#include "drivers/card_reader/sim/simulated_icao_card.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <deque>
#include <memory>

namespace kiosk::sim {

// Which real reader the simulation imitates (descriptor values from LudovicRousseau/CCID
// readers/*.txt, chip-id.md §3).
enum class SimulatedReaderModel {
    ExtendedApdu, // like the Identiv uTrust 3700 F: extended APDU level, 1034-byte messages
    ShortApdu,    // like the Identiv uTrust 3720: short APDU level, 263-byte messages
};

// Reader-level misbehaviour, counted in bulk-OUT messages since creation (1-based).
struct ReaderFaults {
    int removeCardAtMessage = 0;     // the card leaves before that message is answered
    int truncateAtMessage = 0;       // that answer's frame is shorter than its dwLength
    int unplugAtMessage = 0;         // the reader leaves the bus at that message
    int timeExtensionsPerAnswer = 0; // every XfrBlock answer is preceded by this many
    int staleFrameAtMessage = 0;     // an answer with a wrong bSeq precedes that message's answer
    bool muteOnExtendedApdu = false; // extended-length APDUs get "ICC mute" (reader or card fails)
};

class SimulatedCcidTransport final : public UsbTransport {
public:
    explicit SimulatedCcidTransport(
        SimulatedReaderModel model = SimulatedReaderModel::ExtendedApdu);

    // The largest CCID message, as a real model's dwMaxCCIDMessageLength says (the hardware-in-
    // the-loop devices imitate real readers whose limit differs from the default).
    void setMaxMessageLength(std::size_t length) { maxMessage_ = length; }
    void insertCard(std::unique_ptr<SimulatedIcaoCard> card);
    void removeCard();
    void unplug();
    SimulatedIcaoCard* card() { return card_.get(); }
    ReaderFaults& faults() { return faults_; }
    int messageCount() const { return messages_; }
    // Time spent inside the simulated reader and card (subtracted to get the kiosk's share).
    std::chrono::nanoseconds simulatedTime() const { return simulatedTime_; }

    const UsbDeviceInfo& info() const override { return info_; }
    Result<std::size_t> bulkOut(std::span<const std::uint8_t> data,
                                std::chrono::milliseconds timeout) override;
    Result<Bytes> bulkIn(std::size_t maxLength, std::chrono::milliseconds timeout) override;
    Result<Bytes> interruptIn(std::size_t maxLength, std::chrono::milliseconds timeout) override;
    Result<Bytes> controlIn(std::uint8_t requestType, std::uint8_t request, std::uint16_t value,
                            std::uint16_t index, std::uint16_t length,
                            std::chrono::milliseconds timeout) override;

private:
    void answer(std::uint8_t type, std::uint8_t bSeq, std::uint8_t bStatus, std::uint8_t bError,
                std::uint8_t bSpecific, std::span<const std::uint8_t> data);
    void slotStatus(std::uint8_t bSeq);
    void xfrBlock(std::uint8_t bSeq, std::uint16_t wLevelParameter,
                  std::span<const std::uint8_t> data);
    void sendResponseChunk(std::uint8_t bSeq);
    std::uint8_t iccStatus() const;

    UsbDeviceInfo info_;
    std::size_t maxMessage_;
    bool extendedLevel_;
    std::unique_ptr<SimulatedIcaoCard> card_;
    bool powered_ = false;
    bool unplugged_ = false;
    ReaderFaults faults_;
    int messages_ = 0;
    std::chrono::nanoseconds simulatedTime_{0};
    std::deque<Bytes> bulkQueue_;
    std::deque<Bytes> interruptQueue_;
    Bytes commandChain_;  // command APDU parts received so far (wLevelParameter 1/3)
    Bytes responseChain_; // response APDU bytes not yet sent (bChainParameter 1/3)
};

} // namespace kiosk::sim
