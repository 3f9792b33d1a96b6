// Benchmark: APDUs, bytes and kiosk-side milliseconds of a DG1 + DG13 + SOD read on the simulator.
#include "drivers/card_reader/icao/id_card_reader.hpp"
#include "drivers/card_reader/sim/simulated_reader.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

using namespace kiosk;

namespace {

constexpr int kRounds = 20;

struct Figures {
    icao::ReadStats stats;
    double kioskMs = 0; // total minus the time the simulated reader and card took
    bool pace = false;
};

int run(const std::string& name, sim::SimulatedReaderModel model, const char* label,
        icao::AccessPreference access) {
    auto profile = sim::loadCardProfile(std::filesystem::path(KIOSK_SOURCE_DIR) / "content" /
                                        "cards" / (name + ".json"));
    if (!profile) {
        std::fprintf(stderr, "bench_card_read: %s\n", profile.error().message.c_str());
        return 1;
    }
    auto made = sim::makeSimulatedReader(*profile, model);
    if (!made) {
        std::fprintf(stderr, "bench_card_read: %s\n", made.error().message.c_str());
        return 1;
    }
    auto key = icao::AccessKey::forCccd(profile->idNumber, sim::mrzDate(profile->dateOfBirth),
                                        sim::mrzDate(profile->dateOfExpiry));
    icao::ReadOptions options;
    options.onlyGroups = {1, 13};
    options.access = access;
    std::vector<Figures> rounds;
    for (int i = 0; i < kRounds; ++i) {
        auto before = made->transport->simulatedTime();
        Figures figures;
        auto data = icao::readIdCard(*made->reader, key, options, &figures.stats);
        if (!data) {
            std::fprintf(stderr, "bench_card_read: %s\n", data.error().message.c_str());
            return 1;
        }
        double simMs =
            std::chrono::duration<double, std::milli>(made->transport->simulatedTime() - before)
                .count();
        figures.kioskMs = figures.stats.milliseconds - simMs;
        figures.pace = data->access == icao::AccessProtocol::Pace;
        rounds.push_back(figures);
    }
    std::sort(rounds.begin(), rounds.end(),
              [](const Figures& a, const Figures& b) { return a.kioskMs < b.kioskMs; });
    const Figures& median = rounds[rounds.size() / 2];
    const char* protocol = rounds.front().pace ? "PACE" : "BAC ";
    std::printf("%-22s %-9s %s apdus=%3d sent=%5zu B received=%5zu B attempts=%d kiosk_ms "
                "median=%.2f min=%.2f max=%.2f (total incl. simulated card: %.2f)\n",
                name.c_str(), label, protocol, median.stats.apdus, median.stats.bytesSent,
                median.stats.bytesReceived, median.stats.attempts, median.kioskMs,
                rounds.front().kioskMs, rounds.back().kioskMs, median.stats.milliseconds);
    return 0;
}

} // namespace

int main() {
    std::printf("bench_card_read: EF.COM + DG1 + DG13 + EF.SOD with PACE (when offered) or BAC and "
                "secure messaging, passive authentication without a trust store, %d rounds each\n",
                kRounds);
    auto names =
        sim::listCardProfiles(std::filesystem::path(KIOSK_SOURCE_DIR) / "content" / "cards");
    for (const auto& name : names) {
        for (auto access : {icao::AccessPreference::PaceThenBac, icao::AccessPreference::BacOnly}) {
            if (run(name, sim::SimulatedReaderModel::ExtendedApdu, "extended", access) != 0 ||
                run(name, sim::SimulatedReaderModel::ShortApdu, "short", access) != 0) {
                return 1;
            }
        }
    }
    return 0;
}
