// Assembly of the simulated reader used by tests, kioskctl and the kiosk's simulation mode.
#include "drivers/card_reader/sim/simulated_reader.hpp"

#include <algorithm>

namespace kiosk::sim {

Result<SimulatedReader> makeSimulatedReader(const CardProfile& profile,
                                            SimulatedReaderModel model) {
    auto pki = generateTestPki();
    if (!pki) {
        return pki.error();
    }
    auto image = personalise(profile, *pki);
    if (!image) {
        return image.error();
    }
    auto transport = std::make_unique<SimulatedCcidTransport>(model);
    transport->insertCard(std::make_unique<SimulatedIcaoCard>(std::move(*image)));
    SimulatedCcidTransport* borrowed = transport.get();
    auto reader = CcidReader::open(std::move(transport));
    if (!reader) {
        return reader.error();
    }
    return SimulatedReader{std::move(*pki), std::move(*reader), borrowed};
}

std::vector<std::string> listCardProfiles(const std::filesystem::path& directory) {
    std::vector<std::string> names;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        if (entry.path().extension() == ".json") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace kiosk::sim
