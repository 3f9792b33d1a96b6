// The kiosk's devices and network behind one worker thread: the flow's effects go in, results
// come out through a queue, and the UI is woken to collect them. Draw code never waits on it.
#pragma once

#include "kiosk/config/config.hpp"
#include "kiosk/devices/device_status.hpp"
#include "kiosk/flow/dossier_draft.hpp"
#include "kiosk/flow/session_state.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/procedure/procedure_loader.hpp"
#include "kiosk/receipt/receipt.hpp"
#include "kiosk/usage/report_export.hpp"

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

namespace service {
struct CardReadDone {
    std::map<std::string, std::string> fields; // "card.full_name" -> value; empty on failure
    std::string failure;                       // reason id for the screen, empty on success
};
struct SubmitDone {
    SubmissionOutcome outcome;
};
struct PrintDone {
    bool printed = false;
};
struct LookupDone {
    LookupState result;
};
struct ReprintDone {
    enum class Outcome { Printed, Failed, NothingToPrint } outcome = Outcome::Failed;
};
} // namespace service

using ServiceResult = std::variant<service::CardReadDone, service::SubmitDone, service::PrintDone,
                                   service::LookupDone, service::ReprintDone>;

class KioskServices {
public:
    // `wake` is called from the worker thread after a result is queued or a device changed.
    KioskServices(const Config& config, Logger& logger, bool simulatedDevices,
                  std::function<void()> wake);
    ~KioskServices();
    KioskServices(const KioskServices&) = delete;
    KioskServices& operator=(const KioskServices&) = delete;

    // Opens the chip with the ID number alone (PACE, CAN = its last 6 digits) or, when the two
    // dates are given (YYMMDD), also with BAC for cards that offer nothing else.
    void readCard(std::string idNumber, std::string dateOfBirth = {},
                  std::string dateOfExpiry = {});
    // Commits the dossier durably, lets the sender deliver it, and reports accepted or queued.
    void submit(const Procedure& procedure, FieldValues answers, Language language);
    void printReceipt();
    void lookup(std::string code);
    // Prints the last receipt again (a volunteer's tool); the answer comes as ReprintDone.
    void reprintLastReceipt();
    // A lesson's take-home sheet on the receipt printer.
    void printTakeHome(TakeHomeSheet sheet);
    // The maintainer's report summary (report_summary_sheet.hpp); true once it is printed. May
    // be waited on from any thread but the UI's.
    std::future<bool> printReportSummary(std::vector<SummaryLine> lines);

    std::vector<ServiceResult> takeResults();
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
    void run();
    void post(std::function<void()> job);
    void deliver(ServiceResult result);
    void pollDevices();

    const Config& config_;
    Logger& logger_;
    std::function<void()> wake_;
    std::unique_ptr<Devices> devices_;

    mutable std::mutex mutex_;
    std::condition_variable jobsChanged_;
    std::deque<std::function<void()>> jobs_;
    std::vector<ServiceResult> results_;
    DeviceStatus status_;
    bool stopping_ = false;
    std::thread worker_;
};

} // namespace kiosk
