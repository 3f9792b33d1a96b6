// Test helper: a simulated reader holding one of the shipped synthetic residents' cards.
#pragma once

#include "drivers/card_reader/icao/id_card_reader.hpp"
#include "drivers/card_reader/sim/simulated_reader.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

namespace kiosk::testing {

inline std::filesystem::path cardProfileDirectory() {
    return std::filesystem::path(KIOSK_SOURCE_DIR) / "content" / "cards";
}

inline sim::CardProfile loadProfile(const std::string& name) {
    auto profile = sim::loadCardProfile(cardProfileDirectory() / (name + ".json"));
    REQUIRE(profile);
    return *profile;
}

inline icao::AccessKey accessKeyFor(const sim::CardProfile& profile) {
    return icao::AccessKey::forCccd(profile.idNumber, sim::mrzDate(profile.dateOfBirth),
                                    sim::mrzDate(profile.dateOfExpiry));
}

// A temporary trust store directory holding the simulator's CSCA; removed on destruction.
class TrustStore {
public:
    explicit TrustStore(const sim::TestPki& pki, const std::string& tag) {
        path_ =
            std::filesystem::temp_directory_path() /
            ("kiosk-csca-" + tag + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        std::filesystem::create_directories(path_);
        REQUIRE(sim::writeCscaCertificate(pki, path_ / "csca.pem"));
    }
    ~TrustStore() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TrustStore(const TrustStore&) = delete;
    TrustStore& operator=(const TrustStore&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

} // namespace kiosk::testing
