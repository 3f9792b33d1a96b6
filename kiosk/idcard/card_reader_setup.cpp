// Opening the configured card reader, real or simulated.
#include "kiosk/idcard/card_reader_setup.hpp"

#include "drivers/card_reader/ccid_reader.hpp"
#include "drivers/card_reader/hex.hpp"
#include "drivers/card_reader/icao/crypto.hpp"
#include "kiosk/devices/hotplug_card_reader.hpp"

namespace kiosk {

OwnedDirectory::~OwnedDirectory() {
    if (!path_.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
}

OwnedDirectory& OwnedDirectory::operator=(OwnedDirectory&& other) noexcept {
    if (this != &other) {
        OwnedDirectory old(std::move(*this));
        path_ = std::exchange(other.path_, {});
    }
    return *this;
}

Result<CardReaderSetup> CardReaderSetup::open(const DeviceConfig& devices,
                                              const std::filesystem::path& profilesDir,
                                              const UsbReaderOpener& openUsbReader,
                                              Logger* logger) {
    if (devices.cardReader == DeviceChoice::None) {
        return makeError(card_error::kUnsupported, "card reader disabled in the configuration");
    }
    CardReaderSetup setup;
    if (devices.cardReader == DeviceChoice::Auto) {
        // Auto is the real reader or "not connected", never the simulator: a simulated card
        // would pre-fill a real resident's dossier with a synthetic person (issue 14).
        auto reader = std::make_unique<HotplugCardReader>(openUsbReader, logger);
        if (reader->state() == ReaderState::Disconnected && logger != nullptr) {
            logger->log(LogEvent::DeviceNotConnected, {{"device", LogToken("card_reader")}});
        }
        setup.reader_ = std::move(reader);
        setup.trustStore_ = devices.cscaDir;
        return setup;
    }
    auto profile = sim::loadCardProfile(profilesDir / (devices.simulatedCardProfile + ".json"));
    if (!profile) {
        return profile.error();
    }
    auto made = sim::makeSimulatedReader(*profile);
    if (!made) {
        return made.error();
    }
    // A random name: several kiosks or test runs may share the temp directory.
    setup.trustStore_ =
        std::filesystem::temp_directory_path() / ("kiosk-sim-csca-" + toHex(icao::randomBytes(8)));
    std::filesystem::create_directories(setup.trustStore_);
    setup.temporaryTrustStore_ = OwnedDirectory(setup.trustStore_);
    if (auto written = sim::writeCscaCertificate(made->pki, setup.trustStore_ / "csca.pem");
        !written) {
        return written.error();
    }
    setup.pki_ = std::move(made->pki);
    setup.transport_ = made->transport;
    setup.reader_ = std::move(made->reader);
    setup.simulated_ = true;
    if (logger != nullptr) {
        logger->log(LogEvent::CardReaderOpened,
                    {{"profile", SystemText{devices.simulatedCardProfile}}, {"simulated", true}});
    }
    return setup;
}

} // namespace kiosk
