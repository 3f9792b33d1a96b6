// Usage log at the scale of a busy kiosk after five years: generation, roll-up, reports, appends.
//
//   bench_usage [--events N] [--keep DIR]
// N defaults to 10 million (about 5,500 events a day for 5 years). Prints figures only.
#include "kiosk/usage/report_export.hpp"
#include "kiosk/usage/usage_log.hpp"
#include "kiosk/usage/usage_report.hpp"
#include "kiosk/usage/usage_store.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace kiosk;
using namespace std::chrono;

namespace {

constexpr sys_days kToday = sys_days(year(2026) / November / day(25));
constexpr int kYears = 5;

double secondsSince(steady_clock::time_point start) {
    return duration<double>(steady_clock::now() - start).count();
}

std::uintmax_t databaseBytes(const std::filesystem::path& path) {
    std::uintmax_t total = 0;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::error_code error;
        auto size = std::filesystem::file_size(path.string() + suffix, error);
        total += error ? 0 : size;
    }
    return total;
}

double mebibytes(std::uintmax_t bytes) {
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

const char* const kProcedures[] = {"1.001193", "1.000689", "1.004884", "2.000528", "2.000986",
                                   "1.003583", "1.001612", "2.001157", "1.004946", "1.000656"};
const char* const kLessons[] = {
    "vneid-01",           "vneid-02",      "cash-free-payment-01", "cash-free-payment-02",
    "public-services-01", "scam-safety-01"};
const Screen kScreens[] = {Screen::Home,          Screen::ProcedureCategories,
                           Screen::ProcedureList, Screen::ProcedureInfo,
                           Screen::Lessons,       Screen::Help};

// One resident visit as the flow would log it: about 9 events on average.
template <typename Emit> void visit(std::mt19937_64& random, Emit&& emit) {
    auto chance = [&](int percent) { return static_cast<int>(random() % 100) < percent; };
    auto id = *newUsageSessionId();
    UsageSession session{id, chance(25) ? Assisted::Yes : Assisted::No, 0};
    emit(
        UsageEvent::sessionStarted(session, chance(95) ? Language::Vietnamese : Language::English));
    emit(UsageEvent::screenReached(session, Screen::Home));
    emit(UsageEvent::screenReached(session, kScreens[1 + random() % 5]));
    if (chance(60)) {
        auto code = *ProcedureCode::parse(kProcedures[random() % 10]);
        emit(UsageEvent::procedureChosen(session, code));
        emit(UsageEvent::cardRead(
            session, chance(90) ? CardFailure::None : static_cast<CardFailure>(1 + random() % 7)));
        auto outcome = chance(80) ? DossierOutcome::Submitted
                                  : (chance(70) ? DossierOutcome::Queued : DossierOutcome::Failed);
        emit(UsageEvent::dossier(session, code, outcome));
        emit(UsageEvent::receipt(session,
                                 chance(97) ? ReceiptOutcome::Printed : ReceiptOutcome::Failed));
    }
    if (chance(30)) {
        emit(UsageEvent::lessonCompleted(session, *LessonId::parse(kLessons[random() % 6])));
    }
    if (chance(40)) {
        emit(UsageEvent::satisfaction(session,
                                      *Rating::make(1 + static_cast<int>(random() % 5), 5)));
    }
    if (chance(2)) {
        emit(UsageEvent::deviceFault(static_cast<UsageDevice>(random() % 3),
                                     static_cast<FaultCategory>(random() % 7)));
    }
    emit(UsageEvent::sessionEnded(session, seconds(30 + random() % 1800)));
}

// Writes `events` events spread evenly over five years up to and including today, in large
// transactions straight into the production schema.
std::int64_t generate(sqlite3* db, std::int64_t events) {
    usagedb::createSchema(db);
    usagedb::exec(db, "PRAGMA journal_mode = WAL");
    usagedb::exec(db, "PRAGMA synchronous = OFF");
    usagedb::exec(db, "PRAGMA cache_size = -262144");
    auto inserter = usagedb::EventInserter::prepare(db);
    if (!inserter) {
        std::fprintf(stderr, "%s\n", inserter.error().message.c_str());
        std::exit(1);
    }
    std::mt19937_64 random(20261125);
    std::int64_t firstDay = (kToday - days(kYears * 365 + 1)).time_since_epoch().count();
    std::int64_t lastDay = kToday.time_since_epoch().count();
    std::int64_t dayCount = lastDay - firstDay + 1;
    std::int64_t written = 0;
    std::int64_t sinceCommit = 0;
    usagedb::exec(db, "BEGIN");
    for (std::int64_t day = firstDay; day <= lastDay && written < events; ++day) {
        std::int64_t target = events * (day - firstDay + 1) / dayCount;
        // Local midnight is 7 hours earlier in UTC; the cultural house opens at 07:30.
        std::int64_t minute = day * 1440 - 7 * 60 + 7 * 60 + 30;
        while (written < target) {
            visit(random, [&](const UsageEvent& event) {
                inserter->insert(day, minute, event, usagedb::kNothingRolledUp);
                ++written;
                ++sinceCommit;
            });
            minute += static_cast<std::int64_t>(random() % 2);
        }
        if (sinceCommit >= 500000) {
            usagedb::exec(db, "COMMIT");
            usagedb::exec(db, "BEGIN");
            sinceCommit = 0;
        }
    }
    usagedb::exec(db, "COMMIT");
    usagedb::exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    return written;
}

// Best and median of a few runs of a report over `range`.
void timeReport(const char* label, const std::filesystem::path& path, DateRange range) {
    std::vector<double> runs;
    std::int64_t sessions = 0;
    for (int i = 0; i < 7; ++i) {
        auto start = steady_clock::now();
        auto report = buildUsageReport(path, range);
        runs.push_back(secondsSince(start) * 1000.0);
        if (!report) {
            std::printf("  %s: %s\n", label, report.error().message.c_str());
            return;
        }
        sessions = report->sessions;
        (void)usageReportCsv(*report);
    }
    std::sort(runs.begin(), runs.end());
    std::printf("  %-34s best %7.2f ms, median %7.2f ms  (%lld sessions)\n", label, runs.front(),
                runs[runs.size() / 2], static_cast<long long>(sessions));
}

} // namespace

int main(int argc, char** argv) {
    std::int64_t events = 10'000'000;
    std::filesystem::path keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--events") {
            events = std::atoll(argv[i + 1]);
        } else if (flag == "--keep") {
            keep = argv[i + 1];
        }
    }
    std::string pattern = (std::filesystem::temp_directory_path() / "bench-usage-XXXXXX").string();
    std::filesystem::path dir =
        keep.empty() ? std::filesystem::path(mkdtemp(pattern.data())) : keep;
    std::filesystem::create_directories(dir);
    auto path = dir / "usage.db";
    std::filesystem::remove(path);

    std::printf("bench_usage: %lld events over %d years into %s\n", static_cast<long long>(events),
                kYears, path.c_str());
    {
        auto db = usagedb::openDatabase(path, usagedb::OpenMode::ReadWriteCreate);
        auto start = steady_clock::now();
        std::int64_t written = generate(db->get(), events);
        double took = secondsSince(start);
        std::printf("generation: %lld events in %.1f s (%.0f events/s), database %.1f MiB\n",
                    static_cast<long long>(written), took, static_cast<double>(written) / took,
                    mebibytes(databaseBytes(path)));

        start = steady_clock::now();
        auto through = usagedb::rollUp(db->get(), kToday.time_since_epoch().count());
        std::printf("first roll-up of 5 years (one-off): %.1f s, %s\n", secondsSince(start),
                    through ? "ok" : through.error().message.c_str());
        auto dailyRows = usagedb::queryText(db->get(), "SELECT count(*) FROM usage_daily");
        std::printf("  daily aggregate rows: %s\n", dailyRows ? dailyRows->c_str() : "?");
    }

    DateRange lastMonth{sys_days(year(2026) / October / day(1)),
                        sys_days(year(2026) / October / day(31))};
    DateRange thisMonth = dateRangeFor(ReportPeriod::ThisMonth, kToday);
    DateRange fiveYears{kToday - days(kYears * 365 + 1), kToday};
    std::printf("reports with all %lld raw rows still present:\n", static_cast<long long>(events));
    timeReport("monthly (October, aggregates)", path, lastMonth);
    timeReport("this month (aggregates + today raw)", path, thisMonth);
    timeReport("five years", path, fiveYears);

    {
        auto db = usagedb::openDatabase(path, usagedb::OpenMode::ReadWriteCreate);
        auto start = steady_clock::now();
        auto purged = usagedb::purgeRawEvents(db->get(), kToday.time_since_epoch().count(),
                                              usagedb::PurgeLimits{});
        usagedb::exec(db->get(), "PRAGMA wal_checkpoint(TRUNCATE)");
        std::printf("purge to 90 days of raw rows: %.1f s, %lld rows deleted, database %.1f MiB\n",
                    secondsSince(start), purged ? static_cast<long long>(*purged) : -1LL,
                    mebibytes(databaseBytes(path)));
    }
    std::printf("reports after the purge (the steady state):\n");
    timeReport("monthly (October, aggregates)", path, lastMonth);
    timeReport("this month (aggregates + today raw)", path, thisMonth);

    // The UI thread's cost: record() with the writer thread running against the same file.
    {
        UsageLogOptions options;
        options.databasePath = path;
        auto openStart = steady_clock::now();
        UsageLog log(options, nullptr, [] { return system_clock::now(); });
        log.flush();
        std::printf("open with quick_check (bounded database): %.1f ms\n",
                    secondsSince(openStart) * 1000.0);
        std::mt19937_64 random(7);
        std::vector<double> costs;
        costs.reserve(200000);
        int refused = 0;
        for (int i = 0; i < 20000; ++i) {
            // A kiosk logs a few events a second; flushing now and then (untimed) keeps this
            // tight loop from measuring a full queue instead of the normal path.
            if (i % 500 == 0) {
                log.flush();
            }
            visit(random, [&](const UsageEvent& event) {
                auto start = steady_clock::now();
                refused += log.record(event).ok() ? 0 : 1;
                costs.push_back(duration<double, std::nano>(steady_clock::now() - start).count());
            });
        }
        auto flushStart = steady_clock::now();
        log.flush();
        double flushMs = secondsSince(flushStart) * 1000.0;
        std::sort(costs.begin(), costs.end());
        auto slow = std::count_if(costs.begin(), costs.end(), [](double ns) { return ns > 1e6; });
        std::printf("append (record() on the caller thread) over %zu events: p50 %.0f ns, "
                    "p99 %.0f ns, p99.9 %.0f ns, max %.0f ns (%ld over 1 ms); %d refused; "
                    "final flush %.1f ms\n",
                    costs.size(), costs[costs.size() / 2], costs[costs.size() * 99 / 100],
                    costs[costs.size() * 999 / 1000], costs.back(), static_cast<long>(slow),
                    refused, flushMs);
    }
    std::printf("database size at the end: %.1f MiB\n", mebibytes(databaseBytes(path)));
    if (keep.empty()) {
        std::filesystem::remove_all(dir);
    }
    return 0;
}
