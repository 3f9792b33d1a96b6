// SimulatedIcaoCard: a software eMRTD chip answering APDUs (BAC, secure messaging, LDS files).
#pragma once

#include "drivers/card_reader/icao/crypto.hpp"
#include "drivers/card_reader/sim/card_image.hpp"

#include <memory>
#include <optional>
#include <span>

namespace kiosk::sim {

// Misbehaviour on demand, counted in APDUs / protected responses since power-on (1-based).
struct CardFaults {
    int corruptMacAtResponse = 0; // flip a MAC byte in that protected response
    std::map<std::uint16_t, std::uint16_t> selectStatus; // SELECT of a file id answers this SW
    int statusAtApdu = 0; // that APDU is answered with `status` alone
    std::uint16_t status = 0x6F00;
    bool hideApplication = false; // SELECT of the eMRTD AID answers 6A82
    bool refusePace = false;      // MSE:Set AT for PACE answers 6A80 (terminal falls back to BAC)
    // A cloned chip: the files (DG15 and the signed EF.SOD included) copied into another chip,
    // which cannot hold the original's private key and answers INTERNAL AUTHENTICATE with a key
    // of its own.
    bool clonedChip = false;
    bool refuseActiveAuth = false; // INTERNAL AUTHENTICATE answers 6D00 although DG15 is there
    int alterDataGroup = 0; // that DG is served with one byte changed after signing (tampering)
};

class SimulatedIcaoCard {
public:
    explicit SimulatedIcaoCard(CardImage image);

    // A fresh power-up: no application selected, no session.
    Bytes powerOn();
    Bytes process(std::span<const std::uint8_t> apdu);

    CardFaults& faults() { return faults_; }
    // Session counters, for tests that check the card's side of the SSC.
    int apduCount() const { return apdus_; }

private:
    Bytes plainCommand(std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                       std::span<const std::uint8_t> data, std::size_t le);
    Bytes manageSecurityEnvironment(std::span<const std::uint8_t> data);
    Bytes generalAuthenticate(std::span<const std::uint8_t> data);
    Bytes internalAuthenticate(std::span<const std::uint8_t> challenge);
    std::size_t blockSize() const;
    Bytes sessionCipher(std::span<const std::uint8_t> data, icao::Direction direction) const;
    Bytes protectedCommand(std::span<const std::uint8_t> apdu);
    Bytes protectResponse(std::span<const std::uint8_t> data, std::uint16_t sw);
    void dropSession();
    void incrementSsc();
    Bytes sessionMac(std::span<const std::uint8_t> data) const;

    CardImage image_;
    CardFaults faults_;
    bool applicationSelected_ = false;
    std::optional<std::uint16_t> selectedFile_;
    Bytes rndIc_;
    bool session_ = false;
    Bytes ksEnc_;
    Bytes ksMac_;
    Bytes ssc_;
    bool aes_ = false;               // session keys from PACE (AES) rather than BAC (3DES)
    bool plainFileSelected_ = false; // EF.CardAccess selected outside a session
    int paceStep_ = 0; // 0 idle, 1 after MSE:Set AT, 2..4 next GENERAL AUTHENTICATE step
    std::uint8_t passwordReference_ = 0;
    Bytes nonce_;
    Bytes generator_;
    Bytes terminalPublic_;
    Bytes cardPublic_;
    std::shared_ptr<EVP_PKEY> cloneKey_; // the cloned chip's own key, made on first use
    int apdus_ = 0;
    int protectedResponses_ = 0;
};

} // namespace kiosk::sim
