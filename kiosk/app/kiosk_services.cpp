// KioskServices: card reads, outbox commits, receipts, lookups and device polling on one thread.
#include "kiosk/app/kiosk_services.hpp"

#include "drivers/card_reader/icao/id_card_reader.hpp"
#include "kiosk/app/content_location.hpp"
#include "kiosk/app/report_summary_sheet.hpp"
#include "kiosk/devices/hotplug_card_reader.hpp"
#include "kiosk/devices/printer_factory.hpp"
#include "kiosk/devices/usb_bus_watch.hpp"
#include "kiosk/devices/usb_card_reader.hpp"
#include "kiosk/dossier/dossier.hpp"
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/dossier/receipt_info.hpp"
#include "kiosk/dossier/working_calendar.hpp"
#include "kiosk/idcard/card_access.hpp"
#include "kiosk/idcard/card_holder.hpp"
#include "kiosk/idcard/card_read_failure.hpp"
#include "kiosk/idcard/card_read_log.hpp"
#include "kiosk/idcard/card_reader_setup.hpp"
#include "kiosk/idcard/card_trust_command.hpp"
#include "kiosk/outbox/outbox_services.hpp"
#include "kiosk/receipt/receipt.hpp"
#include "kiosk/receipt/receipt_printing.hpp"
#include "kiosk/storage/data_partition.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <openssl/crypto.h>

namespace kiosk {

// A committed dossier whose resident still waits on the Submitting screen for the gateway.
struct KioskServices::PendingDelivery {
    effect::SubmitDossier dossier;
    OutboxEntry entry;
    std::chrono::steady_clock::time_point answerBy;
};

struct KioskServices::Devices {
    std::optional<PrinterSetup> printer;
    std::unique_ptr<TextRenderer> text;
    std::optional<CardReaderSetup> reader;
    std::optional<OutboxServices> outbox;
    std::string outboxProblem;
    std::optional<Receipt> lastReceipt; // no name or full ID number: see Receipt
    std::string lastReference;
    std::vector<PendingDelivery> pending; // touched by the worker thread only
};

namespace {

// A device's own state (paper, cover, a card on the reader) shows in the status bar within this;
// plugging and unplugging at once, through the bus watch, or within this without one (issue 14:
// 3 s).
constexpr auto kDevicePollInterval = std::chrono::seconds(1);
// The device nodes the kernel keeps (devtmpfs), one folder per bus.
constexpr const char* kUsbBusNodes = "/dev/bus/usb";
// A device whose node just appeared may still be setting itself up: polled each second so long.
constexpr auto kPlugSettleTime = std::chrono::seconds(5);
// The data partition can fill up or turn read-only (the kernel's answer to a failing SD card) at
// any moment: an idle kiosk looks this often (a statvfs).
constexpr auto kPartitionPollInterval = std::chrono::seconds(10);
// The outbox changes only through this worker's jobs (its figures are read after each) and the
// sender's attempts (which post one): the idle re-read, a few SQLite queries that cost more than
// everything else an idle kiosk does, is only a safety net.
constexpr auto kOutboxPollInterval = std::chrono::seconds(60);
constexpr std::int64_t kFreeSpaceNewsMegabytes = 16;
// How long the resident waits for the gateway's answer before the dossier counts as queued.
constexpr auto kDeliveryWait = std::chrono::seconds(4);
// Room a dossier needs on the data partition: its sealed payload and attachments with the WAL
// growth of one commit, with a wide margin (a dossier is tens of kilobytes).
constexpr std::uintmax_t kDossierStorageReserveBytes = 8 * 1024 * 1024;

ReceiptDateTime receiptTime(const LocalDateTime& time) {
    return ReceiptDateTime{time.date.year, time.date.month, time.date.day, time.hour, time.minute};
}

std::string appointmentText(const LocalDateTime& time) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d, %02d/%02d/%04d", time.hour, time.minute,
                  time.date.day, time.date.month, time.date.year);
    return buffer;
}

const std::string& pick(const LocalText& text, Language language) {
    return language == Language::Vietnamese || text.en.empty() ? text.vi : text.en;
}

Receipt makeReceipt(const Config& config, const ReceiptInfo& info, Language language) {
    Receipt receipt;
    receipt.language = language;
    receipt.communeName = config.communeName;
    receipt.accessPointName = config.accessPointName;
    receipt.procedureName = pick(info.procedureName, language);
    receipt.dossierCode = info.dossierCode;
    receipt.refused = info.refused;
    receipt.localReference = info.localReference;
    // The national portal's lookup page; the dossier code is what residents type there.
    receipt.statusUrl = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=" +
                        (info.dossierCode.empty() ? info.localReference : info.dossierCode);
    receipt.receivedAt = receiptTime(info.receivedAt);
    receipt.appointment = receiptTime(info.appointmentAt);
    receipt.processingTime = pick(info.processingText, language);
    receipt.resultPickup = pick(info.resultReturnedAt, language);
    for (const ReceiptDocumentLine& line : info.documents) {
        receipt.documents.push_back(ReceiptDocument{
            pick(line.name, language),
            line.form == DocumentForm::Original ? PaperForm::Original : PaperForm::Copy,
            line.count});
    }
    if (info.fee.kind != FeeKind::Free) {
        receipt.feeDong = info.fee.amountDong;
    }
    receipt.hotline = config.hotline;
    if (info.person) {
        receipt.idNumberLastDigits = maskIdNumber(info.person->idNumber);
    }
    return receipt;
}

} // namespace

KioskServices::KioskServices(const Config& config, Logger& logger, bool simulatedDevices,
                             ServiceQueue& events)
    : config_(config)
    , logger_(logger)
    , events_(events)
    , devices_(std::make_unique<Devices>()) {
    DeviceChoice printerChoice =
        simulatedDevices ? DeviceChoice::Simulated : config.devices.printer;
    if (auto printer = makePrinter(config, printerChoice, logger)) {
        devices_->printer = std::move(*printer);
    }
    if (auto text = TextRenderer::create(config.paths.fontRegular, config.paths.fontBold)) {
        devices_->text = std::move(*text);
    }
    DeviceConfig readerConfig = config.devices;
    if (simulatedDevices) {
        readerConfig.cardReader = DeviceChoice::Simulated;
    }
    if (auto reader = CardReaderSetup::open(readerConfig, developmentContentDir(config) / "cards",
                                            usbCardReaderOpener(&logger), &logger)) {
        devices_->reader = std::move(*reader);
    }
    if (auto outbox = openOutboxServices(config, &logger)) {
        devices_->outbox = std::move(*outbox);
        // Called on the sender's thread: the worker answers a waiting resident, and the
        // volunteer tools hear the counts changed.
        devices_->outbox->sender->setAttemptListener([this](const std::string&, OutboxState) {
            post([this] { deliver(service::OutboxChanged{}); });
        });
        devices_->outbox->sender->start();
    } else {
        devices_->outboxProblem = outbox.error().code;
    }
    status_.printerSimulated = devices_->printer && devices_->printer->simulatedDevice != nullptr;
    status_.readerSimulated = devices_->reader && devices_->reader->simulated();
    realPrinter_ = devices_->printer && !status_.printerSimulated;
    realReader_ = devices_->reader && !status_.readerSimulated;
    if (status_.printerSimulated) {
        // An empty job: the worker polls the devices after every job.
        devices_->printer->simulatedDevice->setSwitchListener([this] { post([] {}); });
    }
    if (realPrinter_ || realReader_) {
        busWatch_ = UsbBusWatch::open(kUsbBusNodes, [this] {
            post([this] { plugSettlesAt_ = std::chrono::steady_clock::now() + kPlugSettleTime; });
        });
        logger_.log(LogEvent::UsbBusWatch,
                    {{"watching", busWatch_ != nullptr},
                     {"poll_ms", static_cast<std::int64_t>(
                                     std::chrono::milliseconds(kDevicePollInterval).count())}});
    }
    worker_ = std::thread([this] { run(); });
}

KioskServices::~KioskServices() {
    busWatch_.reset();
    if (status_.printerSimulated) {
        devices_->printer->simulatedDevice->setSwitchListener(nullptr);
    }
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    jobsChanged_.notify_all();
    worker_.join();
    if (devices_->outbox) {
        devices_->outbox->sender->stop();
    }
}

void KioskServices::post(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    jobsChanged_.notify_all();
}

void KioskServices::deliver(ServiceEvent result) {
    events_.post(std::move(result));
}

std::shared_ptr<SimulatedPrinterDevice> KioskServices::simulatedPrinter() const {
    return devices_->printer ? devices_->printer->simulatedDevice : nullptr;
}

DeviceStatus KioskServices::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

KioskServices::OutboxCounts KioskServices::outboxCounts() const {
    OutboxCounts counts;
    if (!devices_->outbox) {
        return counts;
    }
    Outbox& outbox = *devices_->outbox->outbox;
    // A count that cannot be read is unknown, not zero: "0 waiting" would hide a stuck outbox.
    auto valueOf = [&counts](const Result<int>& count) {
        counts.known = counts.known && count.ok();
        return count ? *count : 0;
    };
    counts.pending = valueOf(outbox.count(OutboxState::Pending));
    counts.delivered = valueOf(outbox.count(OutboxState::Delivered));
    counts.needsAttention = valueOf(outbox.count(OutboxState::NeedsAttention));
    return counts;
}

void KioskServices::run() {
    pollDevices(StorageCheck::Outbox);
    auto partitionDue = std::chrono::steady_clock::now() + kPartitionPollInterval;
    auto outboxDue = std::chrono::steady_clock::now() + kOutboxPollInterval;
    while (true) {
        std::function<void()> job;
        {
            auto now = std::chrono::steady_clock::now();
            auto wakeAt = devicesNeedPolling(now) ? now + kDevicePollInterval : partitionDue;
            for (const PendingDelivery& pending : devices_->pending) {
                wakeAt = std::min(wakeAt, pending.answerBy);
            }
            std::unique_lock lock(mutex_);
            jobsChanged_.wait_until(lock, wakeAt, [this] { return stopping_ || !jobs_.empty(); });
            if (stopping_) {
                return;
            }
            if (!jobs_.empty()) {
                job = std::move(jobs_.front());
                jobs_.pop_front();
            }
        }
        if (job) {
            job();
        }
        settleDeliveries();
        auto now = std::chrono::steady_clock::now();
        StorageCheck check = StorageCheck::None;
        if (job || !devices_->pending.empty() || now >= outboxDue) {
            check = StorageCheck::Outbox;
            outboxDue = now + kOutboxPollInterval;
            partitionDue = now + kPartitionPollInterval;
        } else if (now >= partitionDue) {
            check = StorageCheck::Partition;
            partitionDue = now + kPartitionPollInterval;
        }
        pollDevices(check);
    }
}

bool KioskServices::devicesNeedPolling(std::chrono::steady_clock::time_point now) const {
    if (now < plugSettlesAt_) {
        return true;
    }
    if (!busWatch_) {
        return realPrinter_ || realReader_; // nothing tells of a plug: look
    }
    // Plugs are heard; what a connected device's sensors say is not.
    std::lock_guard lock(mutex_);
    return (realPrinter_ && status_.printer != PrinterState::Disconnected) ||
           (realReader_ && status_.reader != ReaderState::Disconnected);
}

void KioskServices::pollDevices(StorageCheck check) {
    DeviceStatus next;
    if (check != StorageCheck::Outbox) {
        std::lock_guard lock(mutex_);
        next = status_; // the partition and outbox figures as last seen
    }
    next.printer = devices_->printer && devices_->printer->printer
                       ? devices_->printer->printer->status()
                       : PrinterState::Disconnected;
    next.reader = devices_->reader ? devices_->reader->reader().state() : ReaderState::Disconnected;
    if (devices_->outbox) {
        next.network = devices_->outbox->sender->networkState(); // an atomic: cheap
    }
    if (check != StorageCheck::None) {
        pollStorage(next, check == StorageCheck::Outbox);
    }
    publishStatus(next);
}

void KioskServices::pollStorage(DeviceStatus& next, bool outboxToo) {
    DataPartitionStatus partition = checkDataPartition(config_.paths.dataDir);
    next.storage.partition = partition.state;
    next.storage.freeMegabytes = static_cast<std::int64_t>(partition.freeBytes >> 20);
    if (!devices_->outbox) {
        next.storage.acceptsDossiers = false;
    } else if (outboxToo) {
        Outbox& outbox = *devices_->outbox->outbox;
        next.storage.acceptsDossiers = outbox.acceptsDossiers();
        next.storage.outbox = outbox.health().fault;
        next.storage.lostDossiers = outbox.lostDossiers();
        auto pending = outbox.count(OutboxState::Pending);
        std::lock_guard lock(mutex_);
        next.queuedDossiers = pending ? *pending : status_.queuedDossiers;
    }
    // Before a resident starts, not at Submit: is there an outbox, with room for a dossier?
    next.dossierStorageReady =
        static_cast<bool>(devices_->outbox) && partition.state != PartitionState::Missing &&
        partition.freeBytes >= kDossierStorageReserveBytes && next.storage.acceptsDossiers;
}

void KioskServices::publishStatus(DeviceStatus next) {
    bool changed = false;
    DeviceStatus changedTo;
    {
        std::lock_guard lock(mutex_);
        if (next.storage.partition != status_.storage.partition) {
            logger_.log(
                LogEvent::DataPartitionChanged,
                {{"state", SystemText{std::string(partitionStateName(next.storage.partition))}}});
        }
        next.printerSimulated = status_.printerSimulated;
        next.readerSimulated = status_.readerSimulated;
        // Free space moves whenever anything on the partition writes (the usage log, the
        // journal, an update download); redrawing for that each second would keep an idle
        // kiosk awake. Less than 1% (at least 16 MB) either way is no news for the volunteer
        // tools; running low is reported through the partition state above anyway.
        std::int64_t shownFree = status_.storage.freeMegabytes;
        if (shownFree >= 0 && std::llabs(next.storage.freeMegabytes - shownFree) <
                                  std::max(kFreeSpaceNewsMegabytes, shownFree / 100)) {
            next.storage.freeMegabytes = shownFree;
        }
        changed = !(next == status_);
        if (changed) {
            if (next.printer != status_.printer) {
                logger_.log(
                    LogEvent::DeviceStateChanged,
                    {{"device", LogToken("printer")}, {"state", printerStateToken(next.printer)}});
            }
            if (next.reader != status_.reader) {
                logger_.log(LogEvent::DeviceStateChanged,
                            {{"device", LogToken("card_reader")},
                             {"state", readerStateToken(next.reader)}});
            }
            status_ = next;
            changedTo = next;
        }
    }
    if (changed) {
        deliver(service::DevicesChanged{changedTo});
    }
}

void KioskServices::readCard(std::string idNumber, std::string dateOfBirth,
                             std::string dateOfExpiry) {
    post([this, number = std::move(idNumber), birth = std::move(dateOfBirth),
          expiry = std::move(dateOfExpiry)]() mutable {
        service::CardReadDone done{CardReadFailure::ReaderMissing};
        if (devices_->reader) {
            icao::ReadOptions options;
            options.trustStore = devices_->reader->trustStore();
            // A commune updates its CSCA list with a signed content pack (issue 14, defect 9).
            options.moreTrustStores = {packTrustDirectory(config_)};
            icao::ReadStats stats;
            auto key = cardAccessKey(number, birth, expiry);
            auto card = icao::readIdCard(devices_->reader->reader(), key, options, &stats);
            logCardRead(logger_, card, stats); // outcomes and costs only, never the contents
            if (!card) {
                done.result = cardReadFailureOf(icao::readFailureOf(card.error()));
            } else {
                // Data that does not match its signed hash never reaches a dossier.
                done.result = cardReadResultFrom(*card);
            }
        }
        OPENSSL_cleanse(number.data(), number.size());
        OPENSSL_cleanse(birth.data(), birth.size());
        OPENSSL_cleanse(expiry.data(), expiry.size());
        deliver(std::move(done));
    });
}

void KioskServices::submit(effect::SubmitDossier dossier) {
    post([this, dossier = std::move(dossier)]() mutable {
        auto wipeAnswers = [&dossier] {
            for (auto& [field, value] : dossier.answers) {
                OPENSSL_cleanse(value.data(), value.size());
            }
        };
        service::SubmitDone failed;
        failed.outcome.state = SubmissionState::Failed;
        if (!devices_->outbox) {
            failed.outcome.failureReason = devices_->outboxProblem;
            wipeAnswers();
            deliver(std::move(failed));
            return;
        }
        const Procedure& procedure = dossier.procedure;
        std::int64_t now = nowUnixSeconds();
        LocalDateTime received = vietnamTimeFromUnix(now);
        LocalDateTime appointment = computeAppointment(received, procedure.processing);
        CommitRequest request;
        request.procedureCode = procedure.code;
        request.now = now;
        request.appointmentAt = unixFromVietnamTime(appointment);
        request.buildPayload = [&](const std::string& reference) {
            return buildPayload(procedure, Dossier{procedure.code, dossier.answers},
                                SubmissionContext{config_.gateway.kioskId, reference, received});
        };
        auto entry = devices_->outbox->outbox->commit(request);
        if (!entry) {
            logger_.log(LogEvent::OutboxCommitFailed,
                        {{"reason", SystemText{entry.error().code}},
                         {"detail", SystemText{entry.error().message}}});
            failed.outcome.failureReason = entry.error().code;
            wipeAnswers();
            deliver(std::move(failed));
            return;
        }
        // Most residents are online and get the gateway's code within the wait; the answer
        // comes from settleDeliveries, after the sender's event or when the wait runs out.
        devices_->pending.push_back(PendingDelivery{
            std::move(dossier), *entry, std::chrono::steady_clock::now() + kDeliveryWait});
        devices_->outbox->sender->wake();
    });
}

void KioskServices::settleDeliveries() {
    auto now = std::chrono::steady_clock::now();
    auto& pending = devices_->pending;
    for (auto it = pending.begin(); it != pending.end();) {
        OutboxEntry latest = it->entry;
        auto found = devices_->outbox->outbox->find(it->entry.localReference);
        if (found && *found) {
            latest = **found;
        }
        // A refusal is final: the resident hears it now rather than after the whole wait.
        bool settled =
            latest.state == OutboxState::Delivered || latest.state == OutboxState::NeedsAttention;
        if (!settled && now < it->answerBy) {
            ++it;
            continue;
        }
        finishSubmission(*it, latest);
        it = pending.erase(it);
    }
}

void KioskServices::finishSubmission(PendingDelivery& pending, const OutboxEntry& latest) {
    service::SubmitDone done;
    done.outcome.localReference = latest.localReference;
    done.outcome.state = latest.state == OutboxState::Delivered ? SubmissionState::Accepted
                                                                : SubmissionState::Queued;
    done.outcome.dossierCode = latest.dossierCode;
    done.outcome.refused = latest.state == OutboxState::NeedsAttention;
    ReceiptInfo info = makeReceiptInfo(pending.dossier.procedure, latest, &pending.dossier.answers);
    done.outcome.appointmentText = appointmentText(info.appointmentAt);
    devices_->lastReceipt = makeReceipt(config_, info, pending.dossier.language);
    devices_->lastReference = latest.localReference;
    if (info.person) {
        OPENSSL_cleanse(info.person->fullName.data(), info.person->fullName.size());
        OPENSSL_cleanse(info.person->idNumber.data(), info.person->idNumber.size());
        OPENSSL_cleanse(info.person->phone.data(), info.person->phone.size());
    }
    for (auto& [field, value] : pending.dossier.answers) {
        OPENSSL_cleanse(value.data(), value.size());
    }
    deliver(std::move(done));
}

void KioskServices::printReceipt(std::string localReference) {
    post([this, localReference = std::move(localReference)] {
        service::PrintDone done;
        if (devices_->printer && devices_->printer->printer && devices_->text &&
            devices_->lastReceipt && devices_->lastReference == localReference) {
            PrintResult result = kiosk::printReceipt(
                *devices_->printer->printer, *devices_->lastReceipt, *devices_->text, logger_);
            done.printed = result.outcome == PrintOutcome::Printed;
            // Nothing reached a printer: none is connected (a pull mid-print is a failed print).
            done.printerConnected =
                !(result.state == PrinterState::Disconnected && result.bytesSent == 0);
            if (done.printed && devices_->outbox) {
                devices_->outbox->outbox->markReceiptPrinted(devices_->lastReference);
            }
        } else if (!devices_->printer || !devices_->printer->printer) {
            done.printerConnected = false; // printer = none: the code is written down instead
        }
        deliver(done);
    });
}

void KioskServices::retryOutbox() {
    post([this] {
        if (devices_->outbox) {
            auto due = devices_->outbox->outbox->retryAll(nowUnixSeconds());
            logger_.log(LogEvent::OutboxRetryRequested, {{"dossiers", due ? *due : 0}});
            devices_->outbox->sender->wake();
        }
        deliver(service::OutboxChanged{});
    });
}

void KioskServices::reprintLastReceipt() {
    post([this] {
        service::ReprintDone done;
        if (!devices_->lastReceipt) {
            done.outcome = service::ReprintDone::Outcome::NothingToPrint;
        } else if (devices_->printer && devices_->printer->printer && devices_->text &&
                   kiosk::printReceipt(*devices_->printer->printer, *devices_->lastReceipt,
                                       *devices_->text, logger_)
                           .outcome == PrintOutcome::Printed) {
            done.outcome = service::ReprintDone::Outcome::Printed;
            if (devices_->outbox) {
                devices_->outbox->outbox->markReceiptPrinted(devices_->lastReference);
            }
        }
        deliver(done);
    });
}

void KioskServices::printTakeHome(TakeHomeSheet sheet) {
    post([this, sheet = std::move(sheet)] {
        if (devices_->printer && devices_->printer->printer && devices_->text) {
            printTakeHomeSheet(*devices_->printer->printer, sheet, *devices_->text, logger_);
        }
    });
}

std::future<bool> KioskServices::printReportSummary(std::vector<SummaryLine> lines) {
    auto promise = std::make_shared<std::promise<bool>>();
    std::future<bool> printed = promise->get_future();
    post([this, promise, lines = std::move(lines)] {
        bool done = false;
        if (devices_->printer && devices_->printer->printer && devices_->text) {
            Printer& printer = *devices_->printer->printer;
            auto image = renderReportSummary(lines, *devices_->text, printer.widthDots());
            done = image && printImage(printer, *image, logger_).outcome == PrintOutcome::Printed;
        }
        promise->set_value(done);
    });
    return printed;
}

void KioskServices::lookup(std::string code) {
    post([this, code = std::move(code)] {
        service::LookupDone done;
        if (!devices_->outbox) {
            done.result.failureReason = "offline";
            deliver(std::move(done));
            return;
        }
        // A "Phiếu chờ gửi" carries this kiosk's reference, not a dossier code: answer it from
        // the outbox, and once delivered look up the code the commune gave it.
        std::string remoteCode = code;
        if (auto local = devices_->outbox->outbox->find(code); local && *local) {
            const OutboxEntry& entry = **local;
            done.result.localReference = true;
            done.result.stillWaiting =
                entry.state != OutboxState::Delivered || entry.dossierCode.empty();
            done.result.dossierCode = entry.dossierCode;
            if (done.result.stillWaiting) {
                deliver(std::move(done));
                return;
            }
            remoteCode = entry.dossierCode;
        }
        auto reply = lookUpStatusAsync(*devices_->outbox->client, remoteCode).get();
        if (reply.ok()) {
            done.result.found = true;
            done.result.statusCode = reply.value->status;
            done.result.statusReason = reply.value->statusReason;
            done.result.openedCount = reply.value->openedCount;
            done.result.openedBy = reply.value->openedBy;
            if (auto at = parseCompact(reply.value->appointmentAt)) {
                done.result.appointmentText = appointmentText(*at);
            }
        } else if (reply.failure.httpStatus == 404) {
            done.result.found = false;
        } else {
            done.result.failureReason = reply.failure.code;
        }
        deliver(std::move(done));
    });
}

} // namespace kiosk
