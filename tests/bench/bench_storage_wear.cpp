// SD-card wear: bytes the kiosk writes to its data directory (and to the journal through its own
// log lines) per resident dossier session, per lesson, and per idle day. Counted three ways:
// SQLite's writes and fsyncs per file (through the test VFS), /proc/self/io, and file growth.
//
//   bench_storage_wear [--sessions N]
// Prints figures only; the goals (docs/storage.md) are 100 KB per session and 1 MB per idle day.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/outbox/outbox.hpp"
#include "kiosk/storage/fault_vfs.hpp"
#include "kiosk/usage/usage_log.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace kiosk;
using namespace std::chrono;

namespace {

struct ProcIo {
    std::uint64_t wchar = 0;      // bytes passed to write() and friends
    std::uint64_t writeBytes = 0; // bytes sent to the block layer (0 on tmpfs and in some VMs)
};

ProcIo procIo() {
    ProcIo io;
    std::ifstream in("/proc/self/io");
    std::string key;
    std::uint64_t value = 0;
    while (in >> key >> value) {
        if (key == "wchar:") {
            io.wchar = value;
        } else if (key == "write_bytes:") {
            io.writeBytes = value;
        }
    }
    return io;
}

std::uint64_t directoryBytes(const std::filesystem::path& dir) {
    std::uint64_t total = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::error_code error;
        auto size = entry.file_size(error);
        total += error ? 0 : size;
    }
    return total;
}

struct Figures {
    std::map<std::string, testing::FaultVfs::Wear> files;
    std::uint64_t sqliteBytes = 0;
    std::uint64_t syncs = 0;
    std::uint64_t logBytes = 0;
    ProcIo io;
    std::int64_t growth = 0;
};

class Meter {
public:
    Meter(testing::FaultVfs& vfs, std::ostringstream& log, std::filesystem::path dir)
        : vfs_(vfs)
        , log_(log)
        , dir_(std::move(dir)) {}
    void start() {
        vfs_.resetWear();
        logStart_ = log_.str().size();
        ioStart_ = procIo();
        sizeStart_ = directoryBytes(dir_);
    }
    Figures stop() {
        Figures figures;
        figures.files = vfs_.wear();
        for (const auto& [name, wear] : figures.files) {
            figures.sqliteBytes += wear.bytesWritten;
            figures.syncs += wear.syncs;
        }
        figures.logBytes = log_.str().size() - logStart_;
        ProcIo now = procIo();
        figures.io = ProcIo{now.wchar - ioStart_.wchar, now.writeBytes - ioStart_.writeBytes};
        figures.growth =
            static_cast<std::int64_t>(directoryBytes(dir_)) - static_cast<std::int64_t>(sizeStart_);
        return figures;
    }

private:
    testing::FaultVfs& vfs_;
    std::ostringstream& log_;
    std::filesystem::path dir_;
    std::size_t logStart_ = 0;
    ProcIo ioStart_;
    std::uint64_t sizeStart_ = 0;
};

void print(const char* what, const Figures& f, double per, const char* goal) {
    std::printf("\n%s (per unit, averaged over %.0f)   goal: %s\n", what, per, goal);
    for (const auto& [name, wear] : f.files) {
        std::printf("  %-22s %9.1f KB written  %6.1f writes  %5.2f fsyncs\n", name.c_str(),
                    static_cast<double>(wear.bytesWritten) / 1024.0 / per,
                    static_cast<double>(wear.writes) / per, static_cast<double>(wear.syncs) / per);
    }
    std::printf("  SQLite total           %9.1f KB, %.2f fsyncs\n",
                static_cast<double>(f.sqliteBytes) / 1024.0 / per,
                static_cast<double>(f.syncs) / per);
    std::printf(
        "  kiosk log lines        %9.1f KB (journal input, before journald's own overhead)\n",
        static_cast<double>(f.logBytes) / 1024.0 / per);
    std::printf("  /proc/self/io wchar    %9.1f KB   write_bytes %9.1f KB\n",
                static_cast<double>(f.io.wchar) / 1024.0 / per,
                static_cast<double>(f.io.writeBytes) / 1024.0 / per);
    std::printf("  data dir growth        %9.1f KB\n",
                static_cast<double>(f.growth) / 1024.0 / per);
}

constexpr const char* kProcedures[] = {"1.001193", "1.000689", "1.004884", "2.000528"};

// A resident's dossier session as the flow records it: about 14 usage events, one sealed
// dossier committed, delivered and its receipt printed. `eventGap` is the time between
// events; the usage writer commits a batch every flushInterval, so with screens a few seconds
// apart each event is its own transaction unless the interval is longer.
// With `eachEvent`, every event is its own usage commit: what the 2 s flush interval gives when
// screens are more than 2 s apart, the usual case. Without, one commit per session (best case).
struct Recorder {
    UsageLog& usage;
    bool eachEvent;
    void record(const UsageEvent& event) {
        usage.record(event);
        if (eachEvent) {
            usage.flush();
        }
    }
};

void dossierSession(Recorder usage, Outbox& outbox, Logger& logger, int n, std::int64_t now) {
    UsageSession session{*newUsageSessionId(), Assisted::No, 0};
    auto code = *ProcedureCode::parse(kProcedures[n % 4]);
    logger.log(LogEvent::SessionStarted);
    usage.record(UsageEvent::sessionStarted(session, Language::Vietnamese));
    for (Screen screen : {Screen::ProcedureCategories, Screen::ProcedureList, Screen::ProcedureInfo,
                          Screen::SubmitChannel, Screen::Identity, Screen::CardRead,
                          Screen::FormGroup, Screen::Documents, Screen::Review, Screen::Consent}) {
        usage.record(UsageEvent::screenReached(session, screen));
        logger.log(LogEvent::ScreenChanged, {{"screen", screenName(screen)}});
    }
    usage.record(UsageEvent::procedureChosen(session, code));
    usage.record(UsageEvent::cardRead(session, CardFailure::None));
    CommitRequest request;
    request.procedureCode = code.text();
    request.now = now;
    request.appointmentAt = now + 86400;
    // About the size of a real payload: a birth registration with its answers.
    request.buildPayload = [](const std::string& reference) {
        nlohmann::json payload{{"SoThamChieu", reference}, {"MaTTHC", "1.001193"}};
        for (int field = 0; field < 30; ++field) {
            payload["field_" + std::to_string(field)] = std::string(40, 'x');
        }
        return payload;
    };
    auto entry = outbox.commit(request);
    if (entry) {
        logger.log(LogEvent::OutboxCommitted);
        outbox.markDelivered(entry->localReference, "000.00.00.K01-261125-0001", now, now, now);
        logger.log(LogEvent::OutboxDelivered, {{"attempts", 1}});
        outbox.markReceiptPrinted(entry->localReference);
        logger.log(LogEvent::ReceiptPrinted);
    }
    usage.record(UsageEvent::dossier(session, code, DossierOutcome::Submitted));
    usage.record(UsageEvent::receipt(session, ReceiptOutcome::Printed));
    usage.record(UsageEvent::satisfaction(session, *Rating::make(5, 5)));
    usage.record(UsageEvent::sessionEnded(session, minutes(6)));
    logger.log(LogEvent::SessionEnded);
}

void lessonSession(Recorder usage, Logger& logger) {
    UsageSession session{*newUsageSessionId(), Assisted::No, 0};
    logger.log(LogEvent::SessionStarted);
    usage.record(UsageEvent::sessionStarted(session, Language::Vietnamese));
    usage.record(UsageEvent::screenReached(session, Screen::Lessons));
    usage.record(UsageEvent::screenReached(session, Screen::LessonStep));
    logger.log(LogEvent::LessonStarted);
    usage.record(UsageEvent::screenReached(session, Screen::LessonDone));
    usage.record(UsageEvent::lessonCompleted(session, *LessonId::parse("vneid-01")));
    logger.log(LogEvent::LessonCompleted);
    usage.record(UsageEvent::satisfaction(session, *Rating::make(4, 5)));
    usage.record(UsageEvent::sessionEnded(session, minutes(10)));
    logger.log(LogEvent::SessionEnded);
}

} // namespace

int main(int argc, char** argv) {
    int sessions = 20;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--sessions") == 0) {
            sessions = std::max(1, std::atoi(argv[i + 1]));
        }
    }
    char pattern[] = "/var/tmp/kiosk-wear-XXXXXX"; // a disk, not tmpfs, where there is one
    if (::mkdtemp(pattern) == nullptr) {
        std::perror("mkdtemp");
        return 1;
    }
    std::filesystem::path dir = pattern;
    testing::FaultVfs vfs; // counts only: no fault is injected
    std::ostringstream logText;
    Logger logger(logText);
    std::int64_t now = unixFromVietnamTime({{2026, 11, 25}, 9, 0, 0});
    {
        OutboxOptions outboxOptions;
        outboxOptions.gatewayPublicKey = generateX25519KeyPair()->publicKey;
        auto outbox = Outbox::open(dir / "outbox.db", outboxOptions).value();
        UsageLogOptions usageOptions = usageLogOptions(Config{});
        usageOptions.databasePath = dir / "usage.db";
        UsageLog usage(usageOptions, &logger, [] { return system_clock::now(); });
        Meter meter(vfs, logText, dir);
        std::printf("storage wear: data dir %s, %d sessions each, flush_interval %lld ms\n",
                    dir.c_str(), sessions,
                    static_cast<long long>(usageOptions.flushInterval.count()));

        for (int i = 0; i < 10; ++i) { // warm-up: tables and WAL exist, as on a kiosk in use
            dossierSession(Recorder{usage, false}, *outbox, logger, i, now + i);
            usage.flush();
        }
        for (bool eachEvent : {true, false}) {
            const char* mode = eachEvent ? "each usage event its own commit (usual)"
                                         : "usage batched once per session (best case)";
            meter.start();
            for (int i = 0; i < sessions; ++i) {
                dossierSession(Recorder{usage, eachEvent}, *outbox, logger, i, now + 100 + i);
                usage.flush();
            }
            print((std::string("dossier session, ") + mode).c_str(), meter.stop(), sessions,
                  "<= 100 KB");
            meter.start();
            for (int i = 0; i < sessions; ++i) {
                lessonSession(Recorder{usage, eachEvent}, logger);
                usage.flush();
            }
            print((std::string("lesson session, ") + mode).c_str(), meter.stop(), sessions, "-");
        }

        // An idle day: the services worker reads the outbox every 10 s, the sender polls every
        // 30 s, the display dims and blanks, and the usage log rolls up once. Reads are scaled
        // from one hour's worth.
        meter.start();
        for (int i = 0; i < 360; ++i) { // one hour of idle status polls
            (void)outbox->count(OutboxState::Pending);
            if (i % 3 == 0) {
                (void)outbox->nextDue(now);
                (void)outbox->earliestPendingAttempt();
            }
        }
        Figures hour = meter.stop();
        meter.start();
        usage.runMaintenance();
        for (int i = 0; i < 6; ++i) {
            logger.log(LogEvent::ScreenDimmed);
            logger.log(LogEvent::ScreenBlanked);
            logger.log(LogEvent::ScreenWoke);
        }
        Figures daily = meter.stop();
        Figures day = daily;
        day.sqliteBytes += hour.sqliteBytes * 24;
        day.syncs += hour.syncs * 24;
        day.io.wchar += hour.io.wchar * 24;
        day.logBytes += hour.logBytes * 24;
        for (const auto& [name, wear] : hour.files) {
            day.files[name].bytesWritten += wear.bytesWritten * 24;
            day.files[name].writes += wear.writes * 24;
            day.files[name].syncs += wear.syncs * 24;
        }
        print("idle day (24 h of polls, one roll-up, 6 dim/blank/wake)", day, 1, "<= 1 MB");
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    return 0;
}
