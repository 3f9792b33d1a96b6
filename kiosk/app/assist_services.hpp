// Performs the assisted-mode and maintainer effects of the flow with the real stores, on
// background threads (scrypt PIN checks and pack installs must never stall the UI), and hands
// the results back to the flow on the UI thread.
#pragma once

#include "kiosk/assist/volunteer_store.hpp"
#include "kiosk/content/content_store.hpp"
#include "kiosk/flow/flow.hpp"
#include "kiosk/usage/report_export.hpp"
#include "kiosk/usage/report_export_spool.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace kiosk {

// The app's own parts the services cannot reach; each may be empty (the effect then reports a
// failure, or nothing to do). They run on the UI thread, inside perform().
struct AssistHooks {
    // Outbox counts and device states for the volunteer tools screen.
    std::function<VolunteerToolsState()> toolsSnapshot;
    std::function<VolunteerToolsState::Reprint()> reprintLastReceipt;
    // Starts a delivery attempt of the outbox now; the snapshot is taken right after.
    std::function<void()> retryOutbox;
    // Prints the report summary lines on the receipt printer; true when printed. Unlike the
    // others it runs on a background worker and may wait for the printer.
    std::function<bool(const std::vector<SummaryLine>&, Language)> printSummary;
    // The health checks of `kioskctl doctor`; runs on a background worker (it waits for the
    // gateway up to a few seconds).
    std::function<std::vector<HealthResult>()> checkHealth;
};

struct AssistPaths {
    std::filesystem::path usageDatabase; // usageDatabasePath(config.paths.dataDir)
    std::filesystem::path trustDir;      // config.paths.contentTrustDir
    std::filesystem::path usbMountDir;   // where systemd mounts the stick (read-only)
    // Reports reach the stick through the root helper's spool: usbExportSpoolPath(dataDir).
    std::filesystem::path exportSpool;
    UsbExportWait exportWait;
};

class AssistServices {
public:
    // Borrows the stores (either may be null: its effects then fail with a reason).
    AssistServices(VolunteerStore* volunteers, ContentStore* content, AssistPaths paths,
                   AssistHooks hooks);
    ~AssistServices(); // waits for work in flight (an install finishes; it is atomic anyway)
    AssistServices(const AssistServices&) = delete;
    AssistServices& operator=(const AssistServices&) = delete;

    // Performs `effect` when it belongs to assisted mode or the maintainer screen and returns
    // true; false for any other effect (the app handles those itself).
    bool perform(const Effect& effect, Flow& flow);

    // Call every frame on the UI thread: delivers finished background work and install
    // progress to the flow. True when the flow's state changed.
    bool poll(Flow& flow);

    // Call between resident sessions (flow.state().active false): when an install or rollback
    // switched versions on disk, serves the new one. True when the app must reload its catalog.
    bool activatePendingContent(Flow& flow);

    // True while background work is in flight (the UI keeps redrawing to show progress).
    bool busy() const;

private:
    struct Workers;
    VolunteerStore* volunteers_;
    ContentStore* content_;
    AssistPaths paths_;
    AssistHooks hooks_;
    std::unique_ptr<Workers> workers_;
};

// What the maintainer's content page shows: versions on disk and the newest pack on the stick.
ContentView inspectContent(const ContentStore& store, const std::filesystem::path& usbMountDir,
                           const std::filesystem::path& trustDir);

// Maps a VolunteerStore sign-in outcome to what the PIN pad shows.
PinCheckResult pinCheckResult(const Status& status, std::chrono::seconds lockedFor,
                              std::string displayName);

// The CSV file name for a report range on the stick: kiosk-report-2026-11-01_2026-11-25.csv
std::string reportFileName(const DateRange& range);

// Builds the report of `range`, spools it for the USB helper and waits for its answer (on a
// background thread: the wait lasts up to `wait.timeout`).
UsbExportResult exportReportToUsb(const std::filesystem::path& usageDatabase,
                                  const std::filesystem::path& spool, const DateRange& range,
                                  const UsbExportWait& wait);

} // namespace kiosk
