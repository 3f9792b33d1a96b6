// KioskRuntime: owns the session and its services; every effect and every worker result is
// handled in one exhaustive visit each, so a new one without a handler does not compile.
#include "kiosk/runtime/kiosk_runtime.hpp"

#include "drivers/common/overloaded.hpp"
#include "kiosk/content/fs_util.hpp"
#include "kiosk/health/health_check.hpp"
#include "kiosk/lesson/take_home.hpp"
#include "kiosk/lesson/take_home_text.hpp"
#include "kiosk/outbox/outbox_services.hpp"
#include "kiosk/usage/report_export_spool.hpp"

#include <algorithm>
#include <cstdint>

namespace kiosk {

KioskRuntime::KioskRuntime(Config config, Logger& logger, RuntimeOptions options,
                           std::function<void()> wake)
    : config_(std::move(config))
    , logger_(logger)
    , options_(options)
    , flow_(std::make_unique<Flow>(config_, logger_))
    , events_(std::move(wake)) {
    // Content is served only after the store has verified it: every file's hash, at start,
    // falling back to the previous version when the current one fails (issue 23). A development
    // run without a content folder serves the source tree and creates nothing.
    std::error_code noFolder;
    if (options_.content == ContentMode::Production ||
        std::filesystem::exists(config_.paths.contentDir, noFolder)) {
        if (auto store =
                ContentStore::open(config_.paths.contentDir, StartupCheck::FullHashes, &logger_)) {
            contentStore_ = std::move(*store);
        } else {
            logger_.log(LogEvent::ContentInvalid, {{"reason", SystemText{store.error().message}}});
        }
    }
    reloadContent();
    bool simulatedPrinter =
        options_.simulatedDevices || config_.devices.printer == DeviceChoice::Simulated;
    bool simulatedReader =
        options_.simulatedDevices || config_.devices.cardReader == DeviceChoice::Simulated;
    devices_.printerSimulated = simulatedPrinter;
    devices_.readerSimulated = simulatedReader;
    if (simulatedPrinter) {
        devices_.printer = PrinterState::Ready;
        logger_.log(LogEvent::DeviceSimulated, {{"device", LogToken("printer")}});
    }
    if (simulatedReader) {
        devices_.reader = ReaderState::NoCard;
        logger_.log(LogEvent::DeviceSimulated, {{"device", LogToken("card_reader")}});
    }
}

KioskRuntime::~KioskRuntime() {
    fleet_.reset();
    // The assist workers may wait on the services worker (report printing): stop them first.
    assist_.reset();
    services_.reset();
    usage_.reset();
    if (usageLog_) {
        usageLog_->flush();
    }
}

RuntimeOptions runtimeOptions(const KioskOptions& options, std::filesystem::path configFile) {
    RuntimeOptions runtime;
    runtime.simulatedDevices = options.simulatedDevices;
    bool production = !options.simulatedDevices && options.mode == RunMode::Kiosk;
    runtime.content = production ? ContentMode::Production : ContentMode::Development;
    runtime.configFile = std::move(configFile);
    return runtime;
}

void KioskRuntime::reloadContent() {
    ContentChoice choice =
        chooseContentDir(contentStore_ ? &*contentStore_ : nullptr, config_, options_.content);
    if (choice.dir.empty()) {
        content_.problem = choice.problem;
        logger_.log(LogEvent::ContentInvalid, {{"reason", SystemText{content_.problem}}});
        return;
    }
    ContentCatalogs loaded = loadContentCatalogs(choice.dir, logger_);
    content_.dir = loaded.dir;
    content_.problem = loaded.problem;
    // A failed load keeps what residents were being served.
    if (loaded.procedures) {
        content_.procedures = std::move(loaded.procedures);
        flow_->setCatalog(&*content_.procedures);
    }
    if (loaded.lessons) {
        content_.lessons = std::move(loaded.lessons);
        flow_->setLessons(&*content_.lessons);
    }
    ++contentGeneration_;
}

const ProcedureCatalog* KioskRuntime::catalog() const {
    return content_.procedures ? &*content_.procedures : nullptr;
}

const LessonCatalog* KioskRuntime::lessons() const {
    return content_.lessons ? &*content_.lessons : nullptr;
}

Flow& KioskRuntime::resetFlow() {
    flow_ = std::make_unique<Flow>(config_, logger_);
    flow_->setCatalog(catalog());
    flow_->setLessons(lessons());
    return *flow_;
}

void KioskRuntime::startServices() {
    services_ =
        std::make_unique<KioskServices>(config_, logger_, options_.simulatedDevices, events_);
    devices_ = services_->status();
    auto wall = [] { return std::chrono::system_clock::now(); };
    usageLog_ = std::make_unique<UsageLog>(usageLogOptions(config_), &logger_, wall);
    usage_ = std::make_unique<UsageRecorder>(*usageLog_, config_.usage.ratingScale);
    // A data partition that is full or read-only at start does not lose volunteers for the
    // day: the slot opens the store by itself once the fault is fixed.
    volunteers_ = std::make_unique<VolunteerStoreSlot>(
        [path = assistDatabasePath(config_.paths.dataDir), logger = &logger_, wall] {
            return VolunteerStore::open(path, VolunteerStoreOptions{}, logger, wall);
        },
        &logger_);
    // The volume a volunteer chose outlives restarts; without one, [audio] volume_percent.
    if (VolunteerStore* store = volunteers_->get()) {
        if (auto saved = store->setting(kGuidanceVolumeSetting); saved && *saved) {
            config_.audio.volumePercent =
                static_cast<int>(std::clamp<std::int64_t>(**saved, 0, 100));
            flow_->guidanceVolumeLoaded(config_.audio.volumePercent);
        }
    }
    AssistHooks hooks;
    // The maintainer's health tab runs kioskctl doctor's checks on the file the kiosk loaded.
    hooks.checkHealth = [configFile = options_.configFile] {
        HealthContext context;
        context.configFile = configFile;
        context.listUsb = libusbInterfaceLister();
        return runHealthChecks(context);
    };
    // Called on an AssistServices worker, which waits while the services worker prints.
    hooks.printSummary = [this](const std::vector<SummaryLine>& lines, Language) {
        return services_->printReportSummary(lines).get();
    };
    assist_ = std::make_unique<AssistServices>(
        volunteers_.get(), contentStore_ ? &*contentStore_ : nullptr,
        AssistPaths{usageDatabasePath(config_.paths.dataDir),
                    config_.paths.contentTrustDir,
                    config_.paths.usbMountDir,
                    usbExportSpoolPath(config_.paths.dataDir),
                    {}},
        std::move(hooks), events_);
    startFleetReports();
}

void KioskRuntime::startFleetReports() {
    if (config_.gateway.heartbeatInterval.count() <= 0) {
        return;
    }
    // Without a credential the outbox has already said why (and refuses dossiers); the
    // dashboard then shows this kiosk as silent, which is the truth.
    auto secret = readCredentialFile(config_.gateway.credentialFile);
    if (!secret) {
        return;
    }
    FleetReporterOptions options;
    options.kioskId = config_.gateway.kioskId;
    options.usageDatabase = usageDatabasePath(config_.paths.dataDir);
    options.stateFile = config_.paths.dataDir / "fleet-reports.json";
    options.utcOffset = usageLogOptions(config_).utcOffset;
    fleet_ = std::make_unique<FleetReporter>(
        makeHttpGatewayClient(gatewayEndpoint(config_, *secret)), std::move(options), &logger_);
}

HeartbeatReport KioskRuntime::heartbeatNow(SteadyTime now) {
    HeartbeatReport report;
    report.appVersion = KIOSK_VERSION;
    if (contentStore_ && contentStore_->hasContent()) {
        report.contentSequence = contentStore_->sequence();
    }
    report.printer = devices_.printer;
    report.reader = devices_.reader;
    if (services_) {
        KioskServices::OutboxCounts counts = services_->outboxCounts();
        report.outboxPending = counts.pending;
        report.outboxAttention = counts.needsAttention;
    }
    report.freeDiskMb = devices_.storage.freeMegabytes;
    if (report.freeDiskMb < 0) {
        auto free = freeBytes(config_.paths.dataDir);
        report.freeDiskMb = free ? static_cast<std::int64_t>(*free / (1024 * 1024)) : 0;
    }
    auto secondsSince = [now](std::optional<SteadyTime> then) {
        return then ? std::chrono::duration_cast<std::chrono::seconds>(now - *then).count() : 0;
    };
    report.uptimeSeconds = secondsSince(startedAt_);
    report.sinceSessionSeconds = secondsSince(lastSessionEnd_ ? lastSessionEnd_ : startedAt_);
    report.errorCodes = logger_.takeRecentErrorCodes();
    return report;
}

void KioskRuntime::reportToFleet(SteadyTime now) {
    if (!startedAt_) {
        startedAt_ = now;
    }
    bool active = flow_->state().active;
    if (sessionActive_ && !active) {
        lastSessionEnd_ = now;
    }
    sessionActive_ = active;
    if (!fleet_ || (nextHeartbeat_ && now < *nextHeartbeat_)) {
        return;
    }
    // The first one goes at start, so the dashboard sees a restarted kiosk at once.
    fleet_->report(heartbeatNow(now));
    nextHeartbeat_ = now + config_.gateway.heartbeatInterval;
}

std::optional<SteadyTime> KioskRuntime::nextDeadline() const {
    std::optional<SteadyTime> deadline = flow_->nextDeadline();
    if (fleet_ && nextHeartbeat_ && (!deadline || *nextHeartbeat_ < *deadline)) {
        deadline = nextHeartbeat_;
    }
    return deadline;
}

void KioskRuntime::apply(const Intent& intent, SteadyTime now) {
    flow_->apply(intent, now);
    performEffects();
}

bool KioskRuntime::update(SteadyTime now) {
    bool changed = false;
    performEffects();
    for (ServiceEvent& event : events_.take()) {
        handle(std::move(event));
        changed = true;
    }
    // A result may have asked for more work (a submission asks for its receipt).
    performEffects();
    if (flow_->tick(now)) {
        changed = true;
    }
    if (usage_) {
        usage_->observe(flow_->state(), now);
    }
    if (services_) {
        reportToFleet(now);
    }
    if (assist_) {
        // The screen keeps redrawing while background work shows progress.
        changed = changed || assist_->busy();
        if (!flow_->state().active && assist_->activatePendingContent(*flow_)) {
            reloadContent();
            changed = true;
        }
    }
    return changed;
}

void KioskRuntime::performEffects() {
    if (!services_) {
        return; // not started: the effects stay with the flow (screenshots never perform them)
    }
    for (Effect& effect : flow_->takeEffects()) {
        perform(std::move(effect));
    }
}

VolunteerToolsState KioskRuntime::toolsSnapshot() const {
    VolunteerToolsState tools;
    tools.loaded = true;
    tools.devices = services_->status();
    KioskServices::OutboxCounts counts = services_->outboxCounts();
    tools.outboxPending = counts.pending;
    tools.outboxDelivered = counts.delivered;
    tools.outboxNeedsAttention = counts.needsAttention;
    return tools;
}

void KioskRuntime::perform(Effect effect) {
    std::visit(
        Overloaded{
            [&](effect::SubmitDossier& submit) { services_->submit(std::move(submit)); },
            [&](effect::PrintReceipt& print) {
                services_->printReceipt(std::move(print.localReference));
            },
            [&](effect::ReadCard& read) {
                services_->readCard(std::move(read.idNumber), std::move(read.dateOfBirth),
                                    std::move(read.dateOfExpiry));
            },
            [&](effect::LookupDossier& lookup) { services_->lookup(std::move(lookup.code)); },
            [&](effect::LoadVolunteerTools&) { flow_->volunteerToolsLoaded(toolsSnapshot()); },
            // The answer arrives later as ReprintDone; the tools screen shows "printing".
            [&](effect::ReprintLastReceipt&) {
                services_->reprintLastReceipt();
                flow_->reprintFinished(VolunteerToolsState::Reprint::Printing);
            },
            // The answer is OutboxChanged: at once, then after each delivery attempt.
            [&](effect::RetryOutbox&) { services_->retryOutbox(); },
            [&](effect::PrintTakeHomeSheet& print) {
                if (const Lesson* lesson = lessons() ? lessons()->find(print.lessonId) : nullptr) {
                    services_->printTakeHome(
                        buildTakeHomeSheet(takeHomeText(*lesson, print.language), print.language,
                                           config_.communeName + " · " + config_.hotline));
                }
            },
            [&](effect::LessonCompleted& completed) {
                if (usage_) {
                    usage_->lessonCompleted(completed.lessonId);
                }
            },
            [&](effect::SaveGuidanceVolume& save) {
                config_.audio.volumePercent = save.percent; // a new flow (resetFlow) starts there
                assist_->perform(save, *flow_);
            },
            [&]<AlternativeOf<AssistEffect> T>(T& work) { assist_->perform(work, *flow_); },
            [&]<AlternativeOf<MediaEffect> T>(T& media) {
                if (media_ != nullptr) {
                    media_->perform(media);
                }
            },
        },
        effect);
}

void KioskRuntime::handle(ServiceEvent event) {
    std::visit(
        Overloaded{
            [&](service::CardReadDone& read) {
                std::visit(
                    Overloaded{[&](CardHolder& holder) { flow_->cardRead(std::move(holder)); },
                               [&](CardReadFailure failure) { flow_->cardReadFailed(failure); }},
                    read.result);
            },
            [&](service::SubmitDone& done) { flow_->submissionFinished(std::move(done.outcome)); },
            [&](service::PrintDone& done) {
                flow_->receiptPrinted(done.printed, done.printerConnected);
            },
            [&](service::LookupDone& done) { flow_->lookupFinished(std::move(done.result)); },
            [&](service::ReprintDone& done) {
                using Outcome = service::ReprintDone::Outcome;
                using Reprint = VolunteerToolsState::Reprint;
                switch (done.outcome) {
                case Outcome::Printed:
                    flow_->reprintFinished(Reprint::Printed);
                    break;
                case Outcome::NothingToPrint:
                    flow_->reprintFinished(Reprint::NothingToPrint);
                    break;
                case Outcome::Failed:
                    flow_->reprintFinished(Reprint::Failed);
                    break;
                }
            },
            [&](service::OutboxChanged&) {
                // Fresh counts for a volunteer looking at them (or waiting on a retry).
                const SessionState& state = flow_->state();
                if (services_ &&
                    (state.screen == Screen::VolunteerTools || state.assist.tools.retrying)) {
                    flow_->volunteerToolsLoaded(toolsSnapshot());
                }
            },
            // The one place device states arrive (polled today; hot-plug events later).
            [&](service::DevicesChanged& changed) { devices_ = changed.status; },
            [&](service::AssistDone& done) { done.apply(*flow_); },
            [&](service::InstallProgress& progress) {
                flow_->installProgress(progress.bytesDone, progress.bytesTotal);
            },
        },
        event);
}

} // namespace kiosk
