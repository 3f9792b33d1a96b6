// Chooses and opens the kiosk's card reader from the config: a USB CCID reader or the simulator.
#pragma once

#include "drivers/card_reader/card_reader.hpp"
#include "drivers/card_reader/sim/simulated_reader.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/idcard/card_read_command.hpp"
#include "kiosk/log/logger.hpp"

#include <filesystem>
#include <memory>
#include <utility>

namespace kiosk {

// A directory removed when its owner goes away (the simulator's temporary trust store).
class OwnedDirectory {
public:
    OwnedDirectory() = default;
    explicit OwnedDirectory(std::filesystem::path path)
        : path_(std::move(path)) {}
    ~OwnedDirectory();
    OwnedDirectory(OwnedDirectory&& other) noexcept
        : path_(std::exchange(other.path_, {})) {}
    OwnedDirectory& operator=(OwnedDirectory&& other) noexcept;
    OwnedDirectory(const OwnedDirectory&) = delete;
    OwnedDirectory& operator=(const OwnedDirectory&) = delete;

private:
    std::filesystem::path path_;
};

// The open reader and what a read needs with it. For the simulator, `trustStore` is a temporary
// directory holding the simulator's own CSCA (removed on destruction) so reads verify.
class CardReaderSetup {
public:
    CardReader& reader() { return *reader_; }
    bool simulated() const { return simulated_; }
    const std::filesystem::path& trustStore() const { return trustStore_; }
    // Fault injection for demos and tests; nullptr for a real reader.
    sim::SimulatedCcidTransport* simulatedTransport() { return transport_; }

    // `devices.cardReader`: Auto is the USB reader, opened whenever it is plugged in (state
    // Disconnected until then, never the simulator); Simulated always uses the simulator; None
    // fails. Simulated card profiles are `<profilesDir>/<sim_card_profile>.json`.
    static Result<CardReaderSetup> open(const DeviceConfig& devices,
                                        const std::filesystem::path& profilesDir,
                                        const UsbReaderOpener& openUsbReader,
                                        Logger* logger = nullptr);

private:
    std::unique_ptr<CardReader> reader_;
    sim::TestPki pki_;
    sim::SimulatedCcidTransport* transport_ = nullptr;
    std::filesystem::path trustStore_;
    OwnedDirectory temporaryTrustStore_;
    bool simulated_ = false;
};

} // namespace kiosk
