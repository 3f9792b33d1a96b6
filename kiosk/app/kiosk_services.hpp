// The kiosk's devices and network behind one worker thread: the flow's effects go in, results
// come out through the runtime's one queue (ServiceQueue). Nothing here waits on the gateway:
// a submission's delivery arrives from the sender as an event.
#pragma once

#include "kiosk/app/service_events.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/devices/device_status.hpp"
#include "kiosk/flow/effect.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/outbox/outbox.hpp"
#include "kiosk/procedure/procedure_loader.hpp"
#include "kiosk/receipt/receipt.hpp"
#include "kiosk/usage/report_export.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace kiosk {

class SimulatedPrinterDevice;
class UsbBusWatch;

class KioskServices {
public:
    // Results and device changes are posted to `events`, which must outlive the services.
    KioskServices(const Config& config, Logger& logger, bool simulatedDevices,
                  ServiceQueue& events);
    ~KioskServices();
    KioskServices(const KioskServices&) = delete;
    KioskServices& operator=(const KioskServices&) = delete;

    // Opens the chip with the ID number alone (PACE, CAN = its last 6 digits) or, when the two
    // dates are given (YYMMDD), also with BAC for cards that offer nothing else.
    void readCard(std::string idNumber, std::string dateOfBirth = {},
                  std::string dateOfExpiry = {});
    // Commits the dossier durably and lets the sender deliver it. SubmitDone follows as soon as
    // the gateway answers (accepted) or after a short wait (queued); the worker stays free for
    // card reads and printing meanwhile.
    void submit(effect::SubmitDossier dossier);
    // The receipt of the dossier committed under `localReference`; answer: PrintDone.
    void printReceipt(std::string localReference);
    // A volunteer's "retry": every undelivered dossier becomes due now and the sender is woken;
    // OutboxChanged follows at once and again after each attempt.
    void retryOutbox();
    void lookup(std::string code);
    // Prints the last receipt again (a volunteer's tool); the answer comes as ReprintDone.
    void reprintLastReceipt();
    // A lesson's take-home sheet on the receipt printer.
    void printTakeHome(TakeHomeSheet sheet);
    // The maintainer's report summary (report_summary_sheet.hpp); true once it is printed. May
    // be waited on from any thread but the UI's.
    std::future<bool> printReportSummary(std::vector<SummaryLine> lines);

    DeviceStatus status() const;
    // Outbox figures for the volunteer tools. The outbox is thread-safe, so any thread may ask;
    // all zero when the kiosk has no outbox (no gateway key configured).
    struct OutboxCounts {
        int pending = 0;
        int delivered = 0;
        int needsAttention = 0;
        bool known = true; // false when the outbox could not be read: the figures are not 0
    };
    OutboxCounts outboxCounts() const;
    // The simulated printer's switches (paper, cover, plug) and pages; null for a real printer.
    std::shared_ptr<SimulatedPrinterDevice> simulatedPrinter() const;

private:
    struct Devices;
    struct PendingDelivery;
    void run();
    void post(std::function<void()> job);
    void deliver(ServiceEvent result);
    enum class StorageCheck { None, Partition, Outbox };
    // The printer's and reader's states each time; the data partition too with Partition, and
    // the outbox's figures as well with Outbox.
    void pollDevices(StorageCheck check);
    void pollStorage(DeviceStatus& next, bool outboxToo);
    // Takes `next` as the status, logging and announcing what changed.
    void publishStatus(DeviceStatus next);
    // Whether the worker must look at the devices each second rather than wait to be told.
    bool devicesNeedPolling(std::chrono::steady_clock::time_point now) const;
    // Answers the submissions whose dossier was delivered or whose wait ran out.
    void settleDeliveries();
    void finishSubmission(PendingDelivery& pending, const OutboxEntry& latest);

    const Config& config_;
    Logger& logger_;
    ServiceQueue& events_;
    std::unique_ptr<Devices> devices_;

    mutable std::mutex mutex_;
    std::condition_variable jobsChanged_;
    std::deque<std::function<void()>> jobs_;
    DeviceStatus status_;
    bool stopping_ = false;
    // Real devices polled for their own state; simulated ones tell of their switches.
    bool realPrinter_ = false;
    bool realReader_ = false;
    // After a node came or went, the device may need a moment before it opens: poll until then.
    std::chrono::steady_clock::time_point plugSettlesAt_; // worker thread only
    std::thread worker_;
    // Last: its thread posts jobs, so it stops before the queue goes.
    std::unique_ptr<UsbBusWatch> busWatch_;
};

} // namespace kiosk
