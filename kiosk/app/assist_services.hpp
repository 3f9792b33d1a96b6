// Performs the assisted-mode and maintainer effects of the flow with the real stores, on
// background threads (scrypt PIN checks and pack installs must never stall the UI); their
// answers go through the runtime's queue (service::AssistDone) to the flow on its thread.
#pragma once

#include "kiosk/app/service_events.hpp"
#include "kiosk/assist/volunteer_store_slot.hpp"
#include "kiosk/content/content_store.hpp"
#include "kiosk/flow/flow.hpp"
#include "kiosk/usage/report_export.hpp"
#include "kiosk/usage/report_export_spool.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace kiosk {

// The kiosk's own parts the services cannot reach; may be empty (the effect then reports a
// failure).
struct AssistHooks {
    // Prints the report summary lines on the receipt printer; true when printed. It runs on a
    // background worker and may wait for the printer.
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
    // Borrows the stores (either may be null: its effects then fail with a reason) and the
    // queue the answers go to; all must outlive the services.
    AssistServices(VolunteerStoreSlot* volunteers, ContentStore* content, AssistPaths paths,
                   AssistHooks hooks, ServiceQueue& events);
    ~AssistServices(); // waits for work in flight (an install finishes; it is atomic anyway)
    AssistServices(const AssistServices&) = delete;
    AssistServices& operator=(const AssistServices&) = delete;

    // Starts the work of `effect`; the answer comes later through the queue, or at once (to the
    // flow) when a store is missing.
    void perform(const AssistEffect& effect, Flow& flow);

    // Call between resident sessions (flow.state().active false): when an install or rollback
    // switched versions on disk, serves the new one. True when the app must reload its catalog.
    bool activatePendingContent(Flow& flow);

    // True while background work is in flight (the UI keeps redrawing to show progress).
    bool busy() const;

private:
    struct Workers;
    VolunteerStoreSlot* volunteers_; // opened on the stores worker, reopened after a fault
    ContentStore* content_;
    AssistPaths paths_;
    AssistHooks hooks_;
    ServiceQueue& events_;
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
