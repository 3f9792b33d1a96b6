// The usage log on real SQLite files: batching, roll-up and retention, recovery, crash safety.
#include "kiosk/usage/usage_log.hpp"
#include "kiosk/usage/usage_report.hpp"
#include "tests/kiosk/usage/usage_test_support.hpp"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <csignal>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono;

namespace {

constexpr sys_days kToday = sys_days(year(2026) / November / day(25));

UsageLogOptions quietOptions(const std::filesystem::path& path) {
    UsageLogOptions options;
    options.databasePath = path;
    // Nothing is written until a batch fills or the test flushes.
    options.flushInterval = hours(1);
    return options;
}

UsageSession newSession(Assisted assisted = Assisted::No) {
    return UsageSession{*newUsageSessionId(), assisted, 0};
}

std::int64_t rawRows(const std::filesystem::path& path) {
    return queryCount(path, "SELECT count(*) FROM usage_event");
}

} // namespace

TEST_CASE("events wait in the queue until a batch is flushed", "[usage]") {
    TempDir dir;
    FakeWallClock clock(localTime(kToday, 9));
    UsageLog log(quietOptions(dir / "usage.db"), nullptr, clock.function());
    log.flush(); // the writer has opened the database
    CHECK(log.health() == UsageHealth::Ok);
    auto session = newSession();
    for (int i = 0; i < 10; ++i) {
        REQUIRE(log.record(UsageEvent::sessionStarted(session, Language::Vietnamese)).ok());
    }
    CHECK(rawRows(dir / "usage.db") == 0);
    log.flush();
    CHECK(rawRows(dir / "usage.db") == 10);
}

TEST_CASE("an idle usage writer sleeps until an event arrives, then writes it one interval later",
          "[usage]") {
    TempDir dir;
    // The writer reads the clock on every pass (the day's maintenance check): its calls count
    // the passes.
    std::atomic<int> clockReads = 0;
    auto options = quietOptions(dir / "usage.db");
    options.flushInterval = milliseconds(50);
    options.idleCheck = hours(1);
    UsageLog log(options, nullptr, [&clockReads] {
        ++clockReads;
        return system_clock::time_point(localTime(kToday, 9));
    });
    log.flush(); // the writer has opened the database and finished a pass
    int readsBefore = clockReads.load();
    std::this_thread::sleep_for(milliseconds(500)); // ten flush intervals with nothing to write
    CHECK(clockReads.load() == readsBefore);
    REQUIRE(log.record(UsageEvent::sessionStarted(newSession(), Language::Vietnamese)).ok());
    // No flush asked: the first event waiting wakes the writer, which writes it after 50 ms.
    for (int i = 0; i < 200 && rawRows(dir / "usage.db") == 0; ++i) {
        std::this_thread::sleep_for(milliseconds(25));
    }
    CHECK(rawRows(dir / "usage.db") == 1);
}

TEST_CASE("a full batch is written in one transaction of at most batch size rows", "[usage]") {
    TempDir dir;
    FakeWallClock clock(localTime(kToday, 9));
    auto options = quietOptions(dir / "usage.db");
    options.batchSize = 100;
    std::atomic<int> transactions = 0;
    std::atomic<std::size_t> largestRowIndex = 0;
    options.afterRowWritten = [&](std::size_t row) {
        if (row == 0) {
            ++transactions;
        }
        largestRowIndex = std::max<std::size_t>(largestRowIndex, row);
    };
    UsageLog log(options, nullptr, clock.function());
    auto session = newSession();
    for (int i = 0; i < 250; ++i) {
        REQUIRE(log.record(UsageEvent::screenReached(session, Screen::Home)).ok());
    }
    log.flush();
    CHECK(rawRows(dir / "usage.db") == 250);
    CHECK(largestRowIndex == 99);
    CHECK(transactions >= 3);
    CHECK(transactions < 250);
}

TEST_CASE("closing the usage log writes what is still queued", "[usage]") {
    TempDir dir;
    FakeWallClock clock(localTime(kToday, 9));
    {
        UsageLog log(quietOptions(dir / "usage.db"), nullptr, clock.function());
        auto session = newSession();
        log.record(UsageEvent::sessionStarted(session, Language::English));
        log.record(UsageEvent::sessionEnded(session, seconds(100)));
    }
    CHECK(rawRows(dir / "usage.db") == 2);
}

TEST_CASE("event times are kept to the minute and nothing finer", "[usage]") {
    TempDir dir;
    FakeWallClock clock(localTime(kToday, 10, 15, 42));
    {
        UsageLog log(quietOptions(dir / "usage.db"), nullptr, clock.function());
        log.record(UsageEvent::sessionStarted(newSession(), Language::Vietnamese));
    }
    auto expected = duration_cast<minutes>(localTime(kToday, 10, 15).time_since_epoch()).count();
    CHECK(queryCount(dir / "usage.db", "SELECT minute FROM usage_event") == expected);
    CHECK(queryCount(dir / "usage.db", "SELECT day FROM usage_event") ==
          kToday.time_since_epoch().count());
}

TEST_CASE("a malformed event is refused and never stored", "[usage]") {
    TempDir dir;
    FakeWallClock clock(localTime(kToday, 9));
    UsageLog log(quietOptions(dir / "usage.db"), nullptr, clock.function());
    auto bad = log.record(UsageEvent::cardRead(newSession(), static_cast<CardFailure>(99)));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "usage.malformed_event");
    log.flush();
    CHECK(rawRows(dir / "usage.db") == 0);
}

TEST_CASE("a full queue drops events instead of blocking, and says so", "[usage]") {
    TempDir dir;
    FakeWallClock clock(localTime(kToday, 9));
    auto options = quietOptions(dir / "usage.db");
    options.queueLimit = 5;
    options.batchSize = 1000;
    std::ostringstream logText;
    Logger logger(logText);
    UsageLog log(options, &logger, clock.function());
    log.flush();
    auto session = newSession();
    int refused = 0;
    for (int i = 0; i < 7; ++i) {
        if (!log.record(UsageEvent::screenReached(session, Screen::Help)).ok()) {
            ++refused;
        }
    }
    CHECK(refused == 2);
    CHECK(log.alert().droppedEvents == 2);
    CHECK(log.alert().needsAttention());
    log.flush();
    CHECK(rawRows(dir / "usage.db") == 5);
    CHECK(logText.str().find("usage_events_dropped") != std::string::npos);
    log.acknowledgeAlert();
    CHECK_FALSE(log.alert().needsAttention());
}

TEST_CASE("complete days are rolled up and old raw rows purged, counts kept", "[usage]") {
    TempDir dir;
    FakeWallClock clock(localTime(kToday - days(100), 9));
    auto options = quietOptions(dir / "usage.db");
    options.purge.retentionDays = 30;
    UsageLog log(options, nullptr, clock.function());
    auto session = newSession();
    for (int ago : {100, 40, 10, 1, 0}) {
        clock.set(localTime(kToday - days(ago), 14));
        for (int i = 0; i < 6; ++i) {
            log.record(UsageEvent::sessionStarted(session, Language::Vietnamese));
        }
    }
    log.flush();
    clock.set(localTime(kToday, 15));
    log.runMaintenance();

    const auto path = dir / "usage.db";
    // Raw rows older than 30 days are gone: 10 days ago, yesterday and today remain.
    CHECK(rawRows(path) == 18);
    CHECK(queryCount(path, "SELECT value FROM usage_meta WHERE key = 'rolled_up_through'") ==
          (kToday - days(1)).time_since_epoch().count());
    CHECK(queryCount(path, "SELECT sum(count) FROM usage_daily") == 24);
    // Incremental auto-vacuum lets the purge shrink the file, keeping it bounded.
    CHECK(queryCount(path, "PRAGMA auto_vacuum") == 2);
    CHECK(queryCount(path, "PRAGMA freelist_count") == 0);

    auto report = buildUsageReport(path, DateRange{kToday - days(120), kToday});
    REQUIRE(report.ok());
    CHECK(report->sessions == 30);
    auto week = buildUsageReport(path, DateRange{kToday - days(6), kToday});
    REQUIRE(week.ok());
    CHECK(week->sessions == 12);
}

TEST_CASE("an event arriving for a day already rolled up is still counted once", "[usage]") {
    TempDir dir;
    FakeWallClock clock(localTime(kToday - days(1), 23, 59));
    UsageLog log(quietOptions(dir / "usage.db"), nullptr, clock.function());
    auto session = newSession();
    log.record(UsageEvent::sessionStarted(session, Language::Vietnamese));
    log.flush();
    clock.set(localTime(kToday, 0, 1));
    log.runMaintenance();
    // The RTC was set back: another event lands on yesterday after its roll-up.
    clock.set(localTime(kToday - days(1), 23, 59));
    log.record(UsageEvent::sessionStarted(session, Language::English));
    log.flush();
    auto report = buildUsageReport(dir / "usage.db", DateRange{kToday - days(1), kToday});
    REQUIRE(report.ok());
    CHECK(report->sessions == 2);
    CHECK(report->sessionsEnglish == 1);
}

TEST_CASE("raw rows beyond the hard cap are purged once rolled up", "[usage]") {
    TempDir dir;
    FakeWallClock clock(localTime(kToday - days(2), 9));
    auto options = quietOptions(dir / "usage.db");
    options.purge.maxRawEvents = 10;
    UsageLog log(options, nullptr, clock.function());
    auto session = newSession();
    for (int i = 0; i < 40; ++i) {
        log.record(UsageEvent::screenReached(session, Screen::Home));
    }
    log.flush();
    clock.set(localTime(kToday, 9));
    log.runMaintenance();
    CHECK(rawRows(dir / "usage.db") <= 10);
    CHECK(queryCount(dir / "usage.db", "SELECT sum(count) FROM usage_daily") == 40);
}

TEST_CASE("a corrupt usage database is moved aside and a fresh one serves", "[usage]") {
    TempDir dir;
    const auto path = dir / "usage.db";
    std::string garbage(64 * 1024, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) {
        garbage[i] = static_cast<char>((i * 7919) % 251);
    }
    writeFile(path, garbage);
    writeFile(dir / "usage.db-wal", "not a wal either");

    FakeWallClock clock(localTime(kToday, 9));
    std::ostringstream logText;
    Logger logger(logText);
    UsageLog log(quietOptions(path), &logger, clock.function());
    log.record(UsageEvent::sessionStarted(newSession(), Language::Vietnamese));
    log.flush();

    CHECK(log.health() == UsageHealth::Recovered);
    UsageAlert alert = log.alert();
    CHECK(alert.needsAttention());
    REQUIRE_FALSE(alert.movedAsideTo.empty());
    CHECK(alert.movedAsideTo.filename().string().rfind("usage.db.corrupt-", 0) == 0);
    CHECK(readFile(alert.movedAsideTo) == garbage);
    CHECK(readFile(alert.movedAsideTo.string() + "-wal") == "not a wal either");
    CHECK(rawRows(path) == 1);
    CHECK(logText.str().find("usage_database_moved_aside") != std::string::npos);
}

TEST_CASE("a database that cannot be created leaves the kiosk serving without usage", "[usage]") {
    TempDir dir;
    writeFile(dir / "not-a-directory", "x");
    FakeWallClock clock(localTime(kToday, 9));
    std::ostringstream logText;
    Logger logger(logText);
    UsageLog log(quietOptions(dir / "not-a-directory" / "usage.db"), &logger, clock.function());
    CHECK(log.record(UsageEvent::sessionStarted(newSession(), Language::Vietnamese)).ok());
    log.flush();
    CHECK(log.health() == UsageHealth::Unavailable);
    CHECK(log.alert().needsAttention());
    CHECK(log.alert().droppedEvents == 1);
    CHECK(logText.str().find("usage_database_unavailable") != std::string::npos);
}

TEST_CASE("a crash in the middle of a batch loses that batch and leaves the database intact",
          "[usage]") {
    TempDir dir;
    const auto path = dir / "usage.db";
    constexpr int kCommitted = 1000;
    // Big enough that SQLite spills uncommitted pages into the WAL before the kill.
    constexpr int kCrashingBatch = 60000;
    int ready[2];
    REQUIRE(pipe(ready) == 0);

    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(ready[0]);
        FakeWallClock clock(localTime(kToday, 9));
        auto options = quietOptions(path);
        options.batchSize = kCrashingBatch;
        options.queueLimit = kCrashingBatch * 2;
        std::atomic<bool> armed = false;
        options.afterRowWritten = [&](std::size_t row) {
            if (armed && row == kCrashingBatch * 3 / 4) {
                char byte = 'k';
                (void)!write(ready[1], &byte, 1);
                pause(); // SIGKILL arrives here, mid-transaction
            }
        };
        UsageLog log(options, nullptr, clock.function());
        auto session = newSession();
        for (int i = 0; i < kCommitted; ++i) {
            log.record(UsageEvent::screenReached(session, Screen::Home));
        }
        log.flush();
        armed = true;
        for (int i = 0; i < kCrashingBatch; ++i) {
            log.record(UsageEvent::screenReached(session, Screen::Lessons));
        }
        log.flush();
        _exit(3); // not reached
    }
    close(ready[1]);
    char byte = 0;
    REQUIRE(read(ready[0], &byte, 1) == 1);
    auto walBeforeKill = std::filesystem::file_size(dir / "usage.db-wal");
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(ready[0]);
    REQUIRE(WIFSIGNALED(status));
    // The uncommitted half batch reached the disk, so the crash really hit a write.
    CHECK(walBeforeKill > 1024 * 1024);

    auto db = usagedb::openDatabase(path, usagedb::OpenMode::ReadWriteCreate);
    REQUIRE(db.ok());
    CHECK(*usagedb::queryText(db->get(), "PRAGMA integrity_check") == "ok");
    CHECK(rawRows(path) == kCommitted);

    FakeWallClock clock(localTime(kToday, 10));
    UsageLog reopened(quietOptions(path), nullptr, clock.function());
    reopened.record(UsageEvent::screenReached(newSession(), Screen::Help));
    reopened.flush();
    CHECK(reopened.health() == UsageHealth::Ok);
    CHECK(rawRows(path) == kCommitted + 1);
}

TEST_CASE("only the newest two moved-aside databases are kept", "[usage]") {
    TempDir dir;
    const auto path = dir / "usage.db";
    FakeWallClock clock(localTime(kToday, 9));
    for (int round = 0; round < 4; ++round) {
        writeFile(path, std::string(8192, static_cast<char>('a' + round)));
        clock.advance(seconds(1));
        UsageLog log(quietOptions(path), nullptr, clock.function());
        log.flush();
        REQUIRE(log.health() == UsageHealth::Recovered);
    }
    std::vector<std::string> copies;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        std::string name = entry.path().filename().string();
        if (name.rfind("usage.db.corrupt-", 0) == 0 && name.find("-wal") == std::string::npos &&
            name.find("-shm") == std::string::npos) {
            copies.push_back(readFile(entry.path()).substr(0, 1));
        }
    }
    std::sort(copies.begin(), copies.end());
    CHECK(copies == std::vector<std::string>{"c", "d"});
}
