// The kiosk without a screen: the flow, its services, the usage log, content and device states.
// Intents and time go in; effects are performed on the workers; their results come back
// through one queue and are applied on the caller's thread. The window (ui/KioskApp), the demo
// and the journey tests all drive this one class.
#pragma once

#include "kiosk/app/assist_services.hpp"
#include "kiosk/app/content_location.hpp"
#include "kiosk/app/kiosk_options.hpp"
#include "kiosk/app/kiosk_services.hpp"
#include "kiosk/app/service_events.hpp"
#include "kiosk/app/usage_recorder.hpp"
#include "kiosk/assist/volunteer_store.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/content/content_store.hpp"
#include "kiosk/devices/device_status.hpp"
#include "kiosk/fleet/fleet_reporter.hpp"
#include "kiosk/flow/flow.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/runtime/content_catalogs.hpp"
#include "kiosk/runtime/media_player.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace kiosk {

struct RuntimeOptions {
    bool simulatedDevices = false; // --sim: both devices simulated whatever the config says
    // Production serves only content the store verified (issue 23); development runs (--sim,
    // demo, screenshots) may serve the source tree.
    ContentMode content = ContentMode::Development;
    std::filesystem::path configFile; // what the maintainer's health tab checks; empty: defaults
};

// Both devices simulated, development content: tests and tools that run a kiosk without a
// configuration of its own.
inline RuntimeOptions simulatedRuntimeOptions() {
    RuntimeOptions options;
    options.simulatedDevices = true;
    return options;
}

// The runtime a `kiosk` command line asks for.
RuntimeOptions runtimeOptions(const KioskOptions& options, std::filesystem::path configFile = {});

class KioskRuntime {
public:
    // Loads the content. `wake` is called from worker threads after they queued a result
    // (the window turns it into an SDL user event); it may be empty for callers that poll.
    KioskRuntime(Config config, Logger& logger, RuntimeOptions options,
                 std::function<void()> wake = {});
    ~KioskRuntime();
    KioskRuntime(const KioskRuntime&) = delete;
    KioskRuntime& operator=(const KioskRuntime&) = delete;

    // Opens the devices, outbox, usage log and stores, and starts their workers. Until then
    // effects wait in the flow (the screenshot pass never starts them).
    void startServices();

    const Config& config() const { return config_; }
    Logger& logger() { return logger_; }
    Flow& flow() { return *flow_; }
    const Flow& flow() const { return *flow_; }
    const SessionState& state() const { return flow_->state(); }
    // Starts over with a new flow (screenshots and tests that need a clean session).
    Flow& resetFlow();
    const ProcedureCatalog* catalog() const;
    const LessonCatalog* lessons() const;
    // Why the content could not be loaded; empty when it was.
    const std::string& contentProblem() const { return content_.problem; }
    // Changes each time the content is reloaded (the screen then drops its cached pictures).
    int contentGeneration() const { return contentGeneration_; }
    const std::filesystem::path& contentDir() const { return content_.dir; }
    // What the workers call to wake the UI loop (empty for callers that poll).
    const std::function<void()>& wake() const { return events_.wake(); }

    // What the status bar shows; updated by DevicesChanged events from the workers.
    const DeviceStatus& devices() const { return devices_; }
    // Screenshots show scripted device states; a running kiosk's next event replaces them.
    void showDevices(const DeviceStatus& devices) { devices_ = devices; }

    // Who plays lesson sound and video; null (the default) drops them.
    void setMediaPlayer(MediaPlayer* player) { media_ = player; }

    // A touch anywhere: the resident is present.
    void noteInput(SteadyTime now) { flow_->noteInput(now); }
    // Applies one intent and performs the effects it asked for.
    void apply(const Intent& intent, SteadyTime now);
    // Performs pending effects, applies the workers' results, runs the timers, records usage
    // and switches content between sessions. True when what the screen shows may have changed.
    bool update(SteadyTime now);
    // When update() next has something to do without an event (timeouts, sign-out).
    std::optional<SteadyTime> nextDeadline() const;

    // The services once started (tests reach the simulated printer through it); else null.
    KioskServices* services() { return services_.get(); }
    // The heartbeat sender once started with a usable credential and heartbeat_s > 0; else null.
    FleetReporter* fleetReporter() { return fleet_.get(); }
    // What the next heartbeat says (tests read it too).
    HeartbeatReport heartbeatNow(SteadyTime now);

private:
    void reloadContent();
    void performEffects();
    void perform(Effect effect);
    void handle(ServiceEvent event);
    VolunteerToolsState toolsSnapshot() const;
    void startFleetReports();
    void reportToFleet(SteadyTime now);

    Config config_;
    Logger& logger_;
    RuntimeOptions options_;
    ContentCatalogs content_;
    int contentGeneration_ = 0;
    std::unique_ptr<Flow> flow_;
    DeviceStatus devices_;
    MediaPlayer* media_ = nullptr;
    // Declared before every worker that posts to it, so it outlives them.
    ServiceQueue events_;
    std::unique_ptr<UsageLog> usageLog_;
    std::unique_ptr<UsageRecorder> usage_;
    std::unique_ptr<VolunteerStoreSlot> volunteers_;
    std::optional<ContentStore> contentStore_;
    std::unique_ptr<KioskServices> services_;
    std::unique_ptr<AssistServices> assist_;
    std::unique_ptr<FleetReporter> fleet_;
    std::optional<SteadyTime> nextHeartbeat_; // empty: due at the next update
    std::optional<SteadyTime> startedAt_;
    std::optional<SteadyTime> lastSessionEnd_;
    bool sessionActive_ = false;
};

} // namespace kiosk
