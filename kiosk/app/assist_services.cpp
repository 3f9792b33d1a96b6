// Assisted-mode and maintainer effects: PIN checks, reports and content packs on serial
// background workers (stores, content, the USB stick); answers go through the runtime's queue.
#include "kiosk/app/assist_services.hpp"

#include "drivers/common/overloaded.hpp"
#include "kiosk/content/fs_util.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <type_traits>

namespace kiosk {

namespace {
using Completion = std::function<void(Flow&)>;
using Job = std::function<Completion()>;
} // namespace

// Named, not anonymous: AssistServices::Workers (declared in the header) holds one.
namespace assist_workers {

// One thread running jobs in order; each job's completion is posted to the runtime's queue.
class SerialWorker {
public:
    explicit SerialWorker(ServiceQueue& events)
        : events_(events)
        , thread_([this] { run(); }) {}
    ~SerialWorker() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }

    void post(Job job) {
        {
            std::lock_guard lock(mutex_);
            jobs_.push_back(std::move(job));
            ++inFlight_;
        }
        wake_.notify_one();
    }

    // True when every job posted has run and its completion is in the queue.
    bool idle() const {
        std::lock_guard lock(mutex_);
        return inFlight_ == 0;
    }

private:
    void run() {
        std::unique_lock lock(mutex_);
        for (;;) {
            wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) {
                return; // stopping, and every job posted has run
            }
            Job job = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            Completion completion = job();
            events_.post(
                service::AssistDone{completion ? std::move(completion) : Completion([](Flow&) {})});
            lock.lock();
            --inFlight_;
        }
    }

    ServiceQueue& events_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    int inFlight_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace assist_workers

namespace {

std::vector<VolunteerEntry> entriesOf(const std::vector<Volunteer>& volunteers) {
    std::vector<VolunteerEntry> entries;
    for (const Volunteer& volunteer : volunteers) {
        entries.push_back(
            {volunteer.id, volunteer.displayName, volunteer.state == VolunteerState::Enabled});
    }
    return entries;
}

Completion listCompletion(VolunteerStore* store) {
    auto list = store->listVolunteers();
    std::vector<VolunteerEntry> entries = list ? entriesOf(*list) : std::vector<VolunteerEntry>{};
    return [entries = std::move(entries)](Flow& flow) mutable {
        flow.volunteersLoaded(std::move(entries));
    };
}

// Without a store the sign-in screen lists nobody and says the volunteer list is unavailable.
Completion noVolunteerStore() {
    return [](Flow& f) { f.volunteersLoaded({}); };
}

} // namespace

struct AssistServices::Workers {
    explicit Workers(ServiceQueue& events)
        : stores(events)
        , content(events)
        , usb(events) {}
    // Set first thing on destruction: an export waiting for the USB helper gives up then.
    std::atomic<bool> stopping{false};
    std::chrono::steady_clock::time_point lastSwitchCheck{};
    assist_workers::SerialWorker stores;
    assist_workers::SerialWorker content;
    // Saving on the stick waits for the root helper: never in front of a PIN check.
    assist_workers::SerialWorker usb;
};

AssistServices::AssistServices(VolunteerStoreSlot* volunteers, ContentStore* content,
                               AssistPaths paths, AssistHooks hooks, ServiceQueue& events)
    : volunteers_(volunteers)
    , content_(content)
    , paths_(std::move(paths))
    , hooks_(std::move(hooks))
    , events_(events)
    , workers_(std::make_unique<Workers>(events)) {}

AssistServices::~AssistServices() {
    workers_->stopping = true;
}

PinCheckResult pinCheckResult(const Status& status, std::chrono::seconds lockedFor,
                              std::string displayName) {
    PinCheckResult result;
    if (status) {
        result.outcome = PinCheckOutcome::Ok;
        result.displayName = std::move(displayName);
        return result;
    }
    const std::string& code = status.error().code;
    // A wrong PIN past the free attempts starts a lockout at once: say so rather than "wrong".
    if (code == "assist.locked" || (code == "assist.wrong_pin" && lockedFor.count() > 0)) {
        result.outcome = PinCheckOutcome::Locked;
        result.lockedSeconds = static_cast<int>(std::max<std::int64_t>(lockedFor.count(), 1));
    } else if (code == "assist.wrong_pin") {
        result.outcome = PinCheckOutcome::Wrong;
    } else {
        result.outcome = PinCheckOutcome::Unavailable;
    }
    return result;
}

std::string reportFileName(const DateRange& range) {
    return "kiosk-report-" + formatIsoDate(range.from) + "_" + formatIsoDate(range.to) + ".csv";
}

UsbExportResult exportReportToUsb(const std::filesystem::path& usageDatabase,
                                  const std::filesystem::path& spool, const DateRange& range,
                                  const UsbExportWait& wait) {
    UsbExportResult failed{UsbExportOutcome::ReportFailed, {}};
    if (spool.empty()) {
        return failed;
    }
    auto report = buildUsageReport(usageDatabase, range);
    if (!report) {
        failed.detail = report.error().message;
        return failed;
    }
    // The CSV suppresses counts under 5 (usageReportCsv): it leaves the kiosk on a stick.
    auto id = requestUsbExport(spool, reportFileName(range), usageReportCsv(*report));
    if (!id) {
        failed.detail = id.error().message;
        return failed;
    }
    return awaitUsbExport(spool, *id, wait);
}

ContentView inspectContent(const ContentStore& store, const std::filesystem::path& usbMountDir,
                           const std::filesystem::path& trustDir) {
    ContentView view;
    view.loaded = true;
    StoreStatus status = store.status();
    view.current = status.current;
    view.previous = status.previous;
    view.switchPending = store.hasPendingSwitch();

    std::error_code error;
    std::optional<Manifest> best;
    std::filesystem::path bestPath;
    for (const auto& entry : std::filesystem::directory_iterator(usbMountDir, error)) {
        std::error_code kindError;
        if (entry.path().extension() != ".kpack" || !entry.is_regular_file(kindError)) {
            continue;
        }
        auto manifest = inspectPack(entry.path(), trustDir);
        if (!manifest) {
            view.inspectFailure =
                entry.path().filename().string() + ": " + manifest.error().message;
            continue;
        }
        if (!best || manifest->sequence > best->sequence) {
            best = std::move(*manifest);
            bestPath = entry.path();
        }
    }
    if (best) {
        FoundPackInfo found;
        found.path = bestPath.string();
        found.packId = best->packId;
        found.sequence = best->sequence;
        found.displayVersion = best->displayVersion;
        found.bytes = best->totalBytes();
        found.diff = diffPacks(store.active() ? store.active()->manifest : Manifest{}, *best);
        found.newer = best->sequence > status.acceptedSequence;
        view.found = std::move(found);
        view.inspectFailure.clear();
    }
    return view;
}

void AssistServices::perform(const AssistEffect& effect, Flow& flow) {
    Workers& w = *workers_;
    VolunteerStoreSlot* slot = volunteers_;
    ContentStore* content = content_;
    const AssistPaths& paths = paths_;
    std::visit(
        Overloaded{
            [&](const effect::LoadVolunteers&) {
                w.stores.post([slot]() -> Completion {
                    VolunteerStore* store = slot->get();
                    return store != nullptr ? listCompletion(store) : noVolunteerStore();
                });
            },
            [&](const effect::CheckVolunteerPin& check) {
                w.stores.post([slot, id = check.id, pin = check.pin]() mutable -> Completion {
                    VolunteerStore* store = slot->get();
                    if (store == nullptr) {
                        input::wipeContainer(pin);
                        return [](Flow& f) {
                            f.volunteerPinChecked({PinCheckOutcome::Unavailable, 0, 0, {}});
                        };
                    }
                    auto signedIn = store->signIn(id, std::string_view(pin.data(), pin.size()));
                    input::wipeContainer(pin);
                    Status status = signedIn ? Status(ok()) : Status(signedIn.error());
                    PinCheckResult result = pinCheckResult(status, store->lockedFor(id),
                                                           signedIn ? signedIn->displayName : "");
                    return [result](Flow& f) { f.volunteerPinChecked(result); };
                });
            },
            [&](const effect::CheckMaintainerPin& check) {
                w.stores.post([slot, pin = check.pin]() mutable -> Completion {
                    VolunteerStore* store = slot->get();
                    if (store == nullptr) {
                        input::wipeContainer(pin);
                        return [](Flow& f) {
                            f.maintainerPinChecked({PinCheckOutcome::Unavailable, 0, 0, {}});
                        };
                    }
                    Status status =
                        store->checkMaintainerPin(std::string_view(pin.data(), pin.size()));
                    input::wipeContainer(pin);
                    PinCheckResult result =
                        pinCheckResult(status, store->lockedFor("maintainer"), {});
                    return [result](Flow& f) { f.maintainerPinChecked(result); };
                });
            },
            [&](const effect::BuildReport& build) {
                w.stores.post(
                    [database = paths.usageDatabase, range = build.range]() -> Completion {
                        auto report = buildUsageReport(database, range);
                        if (!report) {
                            return [message = report.error().message](Flow& f) {
                                f.reportFailed(message);
                            };
                        }
                        return [figures = std::move(*report)](Flow& f) mutable {
                            f.reportBuilt(std::move(figures));
                        };
                    });
            },
            [&](const effect::ExportReport& exported) {
                UsbExportWait wait = paths.exportWait;
                wait.stopping = [&w] { return w.stopping.load(); };
                w.usb.post([database = paths.usageDatabase, spool = paths.exportSpool, wait,
                            range = exported.range]() -> Completion {
                    UsbExportResult result = exportReportToUsb(database, spool, range, wait);
                    return [result = std::move(result)](Flow& f) mutable {
                        f.reportExported(result.outcome, std::move(result.detail));
                    };
                });
            },
            [&](const effect::PrintReportSummary& print) {
                // The usb worker: printing waits for paper to come out, never in front of a PIN.
                w.usb.post([printLines = hooks_.printSummary, database = paths.usageDatabase,
                            range = print.range, language = flow.state().language]() -> Completion {
                    auto report = buildUsageReport(database, range);
                    bool printed = report && printLines &&
                                   printLines(usageReportSummary(*report, language), language);
                    return [printed](Flow& f) { f.reportPrinted(printed); };
                });
            },
            [&](const effect::SaveGuidanceVolume& save) {
                w.stores.post([slot, percent = save.percent]() -> Completion {
                    VolunteerStore* store = slot->get();
                    bool saved =
                        store != nullptr && store->setSetting(kGuidanceVolumeSetting, percent).ok();
                    return [percent, saved](Flow& f) { f.guidanceVolumeSaved(percent, saved); };
                });
            },
            [&](const effect::SetVolunteerEnabled& set) {
                w.stores.post([slot, id = set.id, enabled = set.enabled]() -> Completion {
                    VolunteerStore* store = slot->get();
                    if (store == nullptr) {
                        return noVolunteerStore();
                    }
                    (void)store->setVolunteerState(id, enabled ? VolunteerState::Enabled
                                                               : VolunteerState::Disabled);
                    return listCompletion(store);
                });
            },
            [&](const effect::AddVolunteer& add) {
                w.stores.post([slot, label = add.label, pin = add.pin]() mutable -> Completion {
                    VolunteerStore* store = slot->get();
                    if (store == nullptr) {
                        input::wipeContainer(pin);
                        return [](Flow& f) { f.volunteerAdded(false, "no volunteer store"); };
                    }
                    auto added =
                        store->addVolunteer(label, std::string_view(pin.data(), pin.size()));
                    input::wipeContainer(pin);
                    std::string failure = added ? "" : added.error().message;
                    Completion list = listCompletion(store);
                    return [wasAdded = static_cast<bool>(added), failure, list](Flow& f) {
                        f.volunteerAdded(wasAdded, failure);
                        list(f);
                    };
                });
            },
            [&](const effect::CheckHealth&) {
                if (!hooks_.checkHealth) {
                    flow.healthChecked({});
                    return;
                }
                w.content.post([check = hooks_.checkHealth]() -> Completion {
                    auto results = check();
                    return [results = std::move(results)](Flow& f) mutable {
                        f.healthChecked(std::move(results));
                    };
                });
            },
            [&](const effect::InspectContent&) {
                if (content == nullptr) {
                    flow.contentInspected(ContentView{});
                    return;
                }
                w.content.post(
                    [content, mount = paths.usbMountDir, trust = paths.trustDir]() -> Completion {
                        ContentView view = inspectContent(*content, mount, trust);
                        return [view = std::move(view)](Flow& f) mutable {
                            f.contentInspected(std::move(view));
                        };
                    });
            },
            [&](const effect::InstallPack& install) {
                if (content == nullptr) {
                    flow.installFinished(false, "no content store");
                    return;
                }
                w.content.post([content, events = &events_, pack = install.path,
                                trust = paths.trustDir]() -> Completion {
                    InstallOptions options;
                    // About a hundred steps of progress, not one event per chunk read.
                    std::uint64_t reported = 0;
                    options.progress = [events, &reported](std::uint64_t done,
                                                           std::uint64_t total) {
                        if (done == total || done - reported >= total / 100) {
                            reported = done;
                            events->post(service::InstallProgress{done, total});
                        }
                    };
                    auto report = content->installPack(pack, trust, options);
                    if (!report) {
                        return [message = report.error().message](Flow& f) {
                            f.installFinished(false, message);
                        };
                    }
                    return [version = report->displayVersion](Flow& f) {
                        f.installFinished(true, version);
                    };
                });
            },
            [&](const effect::RollbackContent&) {
                if (content == nullptr) {
                    flow.rollbackFinished(false, "no content store");
                    return;
                }
                w.content.post([content]() -> Completion {
                    auto rolled = content->rollback();
                    if (!rolled) {
                        return [message = rolled.error().message](Flow& f) {
                            f.rollbackFinished(false, message);
                        };
                    }
                    return [version = rolled->displayVersion](Flow& f) {
                        f.rollbackFinished(true, version);
                    };
                });
            },
        },
        effect);
}

bool AssistServices::activatePendingContent(Flow& flow) {
    Workers& w = *workers_;
    if (content_ == nullptr || flow.state().active || !w.content.idle()) {
        return false;
    }
    // hasPendingSwitch reads a symlink: a few times a minute is plenty between sessions.
    auto now = std::chrono::steady_clock::now();
    if (now - w.lastSwitchCheck < std::chrono::seconds(5) &&
        !flow.state().assist.content.switchPending) {
        return false;
    }
    w.lastSwitchCheck = now;
    if (!content_->hasPendingSwitch() || !content_->activate(StartupCheck::SizesOnly)) {
        return false;
    }
    flow.contentActivated();
    return true;
}

bool AssistServices::busy() const {
    return !workers_->stores.idle() || !workers_->content.idle() || !workers_->usb.idle();
}

} // namespace kiosk
