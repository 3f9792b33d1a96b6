// Assembles a whole simulated reader: test PKI, personalised card, CCID transport, CcidReader.
#pragma once

#include "drivers/card_reader/ccid_reader.hpp"
#include "drivers/card_reader/sim/simulated_ccid_transport.hpp"

#include <filesystem>

namespace kiosk::sim {

struct SimulatedReader {
    TestPki pki;
    std::unique_ptr<CcidReader> reader;
    SimulatedCcidTransport* transport = nullptr; // owned by `reader`; for fault injection
};

// Generates a fresh test PKI, personalises a card for `profile`, puts it on a simulated reader.
Result<SimulatedReader>
makeSimulatedReader(const CardProfile& profile,
                    SimulatedReaderModel model = SimulatedReaderModel::ExtendedApdu);

// The profiles shipped in content/cards/ (file stems, sorted).
std::vector<std::string> listCardProfiles(const std::filesystem::path& directory);

} // namespace kiosk::sim
