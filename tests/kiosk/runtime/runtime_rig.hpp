// Test helper: a KioskRuntime with simulated devices, real SQLite stores in a temporary folder,
// and the reference gateway on loopback; no window and no SDL.
#pragma once

#include "kiosk/assist/volunteer_store.hpp"
#include "kiosk/outbox/sealed_box.hpp"
#include "kiosk/runtime/kiosk_runtime.hpp"
#include "tests/kiosk/gateway/gateway_rig.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

namespace kiosk::testing {

// A kiosk's configuration in `dir` for the gateway of `gateway`: its key, a 0600 credential file,
// simulated devices, and data and content folders of its own.
inline Config simulatedKioskConfig(GatewayRig& gateway, const std::filesystem::path& dir,
                                   const std::string& kioskId, const std::string& secret,
                                   const std::string& url) {
    REQUIRE(writeKeyFile(dir / "gateway.pub", gateway.keys.publicKey, false).ok());
    std::ofstream(dir / "kiosk.secret") << secret << "\n";
    std::filesystem::permissions(dir / "kiosk.secret", // a secret is refused unless 0600
                                 std::filesystem::perms::owner_read |
                                     std::filesystem::perms::owner_write);
    Config config;
    config.devices.printer = DeviceChoice::Simulated;
    config.devices.cardReader = DeviceChoice::Simulated;
    config.gateway.url = url;
    config.gateway.kioskId = kioskId;
    config.gateway.gatewayPublicKeyFile = dir / "gateway.pub";
    config.gateway.credentialFile = dir / "kiosk.secret";
    config.paths.dataDir = dir / "data";
    // No pack installed there: the source tree's sample content, and the content store's
    // lock file stays in the temporary folder.
    config.paths.contentDir = dir / "content";
    std::filesystem::create_directories(config.paths.dataDir);
    return config;
}

struct RuntimeRig {
    GatewayRig gateway;
    TempDir kioskDir;
    Config config;
    std::ostringstream logs;
    Logger logger{logs, LogLevel::Debug};
    std::unique_ptr<KioskRuntime> runtime;

    RuntimeRig() {
        config = simulatedKioskConfig(gateway, kioskDir.path(), kKioskId, kKioskSecret,
                                      gateway.endpoint.baseUrl);
    }

    void start() {
        runtime = std::make_unique<KioskRuntime>(config, logger, simulatedRuntimeOptions());
        runtime->startServices();
    }

    Flow& flow() { return runtime->flow(); }
    const SessionState& state() const { return runtime->state(); }

    // Taps as a resident does: the runtime applies the intent and performs its effects.
    void tap(const Intent& intent) { runtime->apply(intent, std::chrono::steady_clock::now()); }

    // Runs the runtime (as the window's loop does) until `done` holds or `limit` passes.
    bool runUntil(const std::function<bool()>& done,
                  std::chrono::milliseconds limit = std::chrono::seconds(15)) {
        auto deadline = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < deadline) {
            runtime->update(std::chrono::steady_clock::now());
            if (done()) {
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return false;
    }

    // A volunteer the store knows, before the runtime opens it.
    std::string addVolunteer(const std::string& name, const std::string& pin) {
        auto store =
            VolunteerStore::open(assistDatabasePath(config.paths.dataDir), VolunteerStoreOptions{},
                                 nullptr, [] { return std::chrono::system_clock::now(); });
        REQUIRE(store.ok());
        auto added = (*store)->addVolunteer(name, pin);
        REQUIRE(added.ok());
        return added->id;
    }

    void typePin(const std::string& digits) {
        for (char c : digits) {
            input::KeyDef key;
            key.character = static_cast<char32_t>(c);
            tap(intent::PinKey{key});
        }
        input::KeyDef done;
        done.action = input::KeyAction::Done;
        tap(intent::PinKey{done});
    }

    // From the help screen's discreet entry to a signed-in volunteer.
    void signInVolunteer(const std::string& id, const std::string& pin) {
        tap(intent::Open{Screen::Help});
        tap(intent::OpenVolunteerSignIn{});
        REQUIRE(runUntil([&] { return !state().assist.volunteers.empty(); }));
        tap(intent::ChooseVolunteer{id});
        typePin(pin);
        REQUIRE(runUntil([&] { return state().assist.signedIn; }));
    }
};

} // namespace kiosk::testing
