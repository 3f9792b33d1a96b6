// Opening the configured card reader, real or simulated.
#include "kiosk/idcard/card_reader_setup.hpp"

#include "drivers/card_reader/ccid_reader.hpp"
#include "drivers/card_reader/hex.hpp"
#include "drivers/card_reader/icao/crypto.hpp"

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
                                              const UsbReaderOpener& openUsbReader) {
    if (devices.cardReader == DeviceChoice::None) {
        return makeError(card_error::kUnsupported, "card reader disabled in the configuration");
    }
    CardReaderSetup setup;
    if (devices.cardReader == DeviceChoice::Auto && openUsbReader) {
        auto transport = openUsbReader();
        if (transport) {
            auto reader = CcidReader::open(std::move(*transport));
            if (!reader) {
                return reader.error();
            }
            setup.reader_ = std::move(*reader);
            setup.trustStore_ = devices.cscaDir;
            return setup;
        }
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
    return setup;
}

} // namespace kiosk
