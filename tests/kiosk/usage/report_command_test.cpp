// `kioskctl report`: arguments, CSV on stdout, clear errors.
#include "kiosk/usage/usage_log.hpp"
#include "tests/kiosk/cli/kioskctl_test_support.hpp"
#include "tests/kiosk/usage/usage_test_support.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono;

namespace {

void recordSessions(const std::filesystem::path& path, sys_days date, int count) {
    FakeWallClock clock(localTime(date, 10));
    UsageLogOptions options;
    options.databasePath = path;
    UsageLog log(options, nullptr, clock.function());
    for (int i = 0; i < count; ++i) {
        UsageSession session{*newUsageSessionId(), Assisted::No, 0};
        log.record(UsageEvent::sessionStarted(session, Language::Vietnamese));
    }
}

int runReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return kioskctl({"report"}, args, out, err);
}

} // namespace

TEST_CASE("kioskctl report prints the CSV of a date range", "[report]") {
    TempDir dir;
    recordSessions(dir / "usage.db", sys_days(year(2026) / November / day(2)), 7);
    std::ostringstream out;
    std::ostringstream err;
    int status = runReport({"--from", "2026-11-01", "--to", "2026-11-03", "--csv", "--db",
                            (dir / "usage.db").string()},
                           out, err);
    CHECK(status == 0);
    CHECK(err.str().empty());
    CHECK(out.str().find("sessions,,started,,7\r\n") != std::string::npos);
    CHECK(out.str().find("day,2026-11-02,sessions,,7\r\n") != std::string::npos);
    CHECK(out.str().find("day,2026-11-03,sessions,,0\r\n") != std::string::npos);
}

TEST_CASE("kioskctl report prints the summary without --csv", "[report]") {
    TempDir dir;
    recordSessions(dir / "usage.db", sys_days(year(2026) / November / day(2)), 2);
    std::ostringstream out;
    std::ostringstream err;
    int status = runReport({"--from", "2026-11-01", "--to", "2026-11-30", "--lang", "en", "--db",
                            (dir / "usage.db").string()},
                           out, err);
    CHECK(status == 0);
    CHECK(out.str().find("Sessions: <5") != std::string::npos);
}

TEST_CASE("kioskctl report explains bad arguments and a missing database", "[report]") {
    std::ostringstream out;
    std::ostringstream err;
    CHECK(runReport({"--from", "2026-11-31", "--to", "2026-12-01"}, out, err) == 2);
    CHECK(err.str().find("--from: must be a date as YYYY-MM-DD") != std::string::npos);
    CHECK(runReport({"--from", "2026-11-01"}, out, err) == 2);
    CHECK(runReport({"--period", "year"}, out, err) == 2);
    CHECK(runReport({"--to"}, out, err) == 2);
    TempDir dir;
    std::ostringstream missing;
    CHECK(runReport({"--period", "today", "--db", (dir / "none.db").string()}, out, missing) == 1);
    CHECK(missing.str().find("no usage database") != std::string::npos);
    CHECK(out.str().empty());
}

TEST_CASE("the kiosk's usage options come from the data directory and retention keys", "[usage]") {
    auto config =
        parseConfig("[paths]\ndata_dir = /srv/kiosk\n[usage]\nretention_days = 30\n", "k.ini");
    REQUIRE(config.ok());
    auto options = usageLogOptions(*config);
    CHECK(options.databasePath == "/srv/kiosk/usage.db");
    CHECK(options.purge.retentionDays == 30);
}
