// Province-scale gateway figures: heartbeat ingest rate, a year of daily aggregates, database size,
// and the dashboard pages' p50/p99 for one commune and for the whole province, on either engine.
//
//   bench_gateway_fleet [--db FILE|postgresql://…] [--communes 150] [--kiosks 37] [--days 365]
//                       [--heartbeat-budget-s 120] [--requests 20] [--pages-only 1]
//
// --pages-only 1 reopens a database an earlier run filled (migrating it if needed) and only reads
// the pages.
//
// Heartbeats go through FleetStore::recordHeartbeat one by one, each its own durable transaction
// as in production, in the order a simulated day produces them, until the time budget is spent;
// the figure to compare is the rate a province needs (kiosks / 300 s). The year of aggregates is
// bulk-loaded (many rows per statement) only to give the pages a year's worth of rows to read.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/gateway/web_client.hpp"
#include "kiosk/programs/gateway/gateway_server.hpp"
#include "kiosk/programs/gateway/web_page.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string numbered(const char* prefix, int number, int width) {
    char text[64];
    std::snprintf(text, sizeof text, "%s%0*d", prefix, width, number);
    return text;
}

struct Province {
    int communes = 150;
    int kiosksPerCommune = 37;
    std::string kioskId(int commune, int kiosk) const {
        return numbered("k", commune, 3) + numbered("-", kiosk, 2);
    }
    std::string communeName(int commune) const { return numbered("Xã ", commune, 3); }
    std::string villageName(int commune, int kiosk) const {
        return numbered("Thôn ", kiosk, 2) + " " + numbered("xã ", commune, 3);
    }
};

// One day's aggregate rows for every kiosk: what a kiosk's usage log yields on a plain day.
struct UsageRowSpec {
    const char* metric;
    const char* item;
};
constexpr UsageRowSpec kDailyRows[] = {
    {"sessions", ""},
    {"dossiers", "1.001193"},
    {"dossiers", "1.004194"},
    {"dossiers", "2.000986"},
    {"lookups", ""},
    {"lessons_started", "smartphone-basics-01"},
    {"lessons_completed", "smartphone-basics-01"},
    {"lessons_completed", "scam-spotting-01"},
    {"ratings", "5"},
    {"ratings", "4"},
    {"assisted", ""},
};

Status loadAggregates(GatewayStore& store, const Province& province, int days, CivilDate first,
                      long& rows) {
    constexpr int kRowsPerStatement = 400;
    SqlDatabase& db = store.database();
    auto lock = store.lock();
    for (int day = 0; day < days; ++day) {
        std::string date = formatIsoDate(dateFromDays(daysSinceEpoch(first) + day));
        auto loaded = inWriteTransaction<int>(db, [&]() -> Result<int> {
            std::string sql;
            std::vector<SqlParam> params;
            auto flush = [&]() -> Status {
                if (params.empty()) {
                    return ok();
                }
                auto done = db.query(
                    "INSERT INTO daily_usage(kiosk_id, day, metric, item, count) VALUES " + sql,
                    params);
                sql.clear();
                params.clear();
                if (!done) {
                    return done.error();
                }
                return ok();
            };
            for (int c = 1; c <= province.communes; ++c) {
                for (int k = 1; k <= province.kiosksPerCommune; ++k) {
                    int index = 0;
                    for (const UsageRowSpec& spec : kDailyRows) {
                        // Small counts are suppressed on the kiosk: a few arrive as null (-1).
                        std::int64_t count = (c * 7 + k * 3 + day + index++) % 23 - 2;
                        sql += params.empty() ? "(?,?,?,?,?)" : ",(?,?,?,?,?)";
                        params.insert(params.end(),
                                      {province.kioskId(c, k), date, std::string(spec.metric),
                                       std::string(spec.item), std::max<std::int64_t>(count, -1)});
                        ++rows;
                        if (params.size() >= kRowsPerStatement * 5) {
                            if (auto flushed = flush(); !flushed) {
                                return flushed.error();
                            }
                        }
                    }
                }
            }
            if (auto flushed = flush(); !flushed) {
                return flushed.error();
            }
            return 1;
        });
        if (!loaded) {
            return loaded.error();
        }
    }
    return ok();
}

struct Timing {
    double p50 = 0;
    double p99 = 0;
    int status = 0;
    std::size_t bytes = 0;
};

Timing timePage(testing::WebClient& client, const std::string& path, int requests) {
    std::vector<double> ms;
    Timing timing;
    for (int i = 0; i < requests; ++i) {
        auto start = Clock::now();
        auto result = client.get(path);
        ms.push_back(secondsSince(start) * 1000);
        timing.status = result ? result->status : 0;
        timing.bytes = result ? result->body.size() : 0;
    }
    std::sort(ms.begin(), ms.end());
    timing.p50 = ms[ms.size() / 2];
    timing.p99 = ms[std::min(ms.size() - 1, static_cast<std::size_t>(ms.size() * 0.99))];
    return timing;
}

std::int64_t databaseBytes(GatewayStore& store, const std::string& location) {
    if (store.database().engine() == SqlEngine::Postgres) {
        auto lock = store.lock();
        auto size = store.database().query("SELECT pg_database_size(current_database())");
        return size && !size->empty() ? size->front().integer(0) : -1;
    }
    std::int64_t bytes = 0;
    for (const char* suffix : {"", "-wal"}) {
        std::error_code error;
        auto size = std::filesystem::file_size(location + suffix, error);
        bytes += error ? 0 : static_cast<std::int64_t>(size);
    }
    return bytes;
}

// Bulk-loads the aggregates and ingests the heartbeats, printing the figures.
Status fill(GatewayStore& store, FleetStore& fleet, const Province& province, int days,
            CivilDate first, std::int64_t dayStart, double heartbeatBudget) {
    int kiosks = province.communes * province.kiosksPerCommune;
    long rows = 0;
    auto start = Clock::now();
    if (auto loaded = loadAggregates(store, province, days, first, rows); !loaded) {
        return makeError("bench", "aggregates: " + loaded.error().message);
    }
    double loadSeconds = secondsSince(start);
    std::printf("aggregates: %ld rows (%d kiosk-days) bulk-loaded in %.1f s (%.0f rows/s)\n", rows,
                kiosks * days, loadSeconds, rows / std::max(loadSeconds, 1e-9));

    // Heartbeats in the order a day produces them: every kiosk once per 5-minute slot.
    long beats = 0;
    long wanted = static_cast<long>(kiosks) * 288;
    start = Clock::now();
    bool budgetSpent = false;
    for (int slot = 0; slot < 288 && !budgetSpent; ++slot) {
        for (int c = 1; c <= province.communes && !budgetSpent; ++c) {
            for (int k = 1; k <= province.kiosksPerCommune; ++k) {
                Heartbeat beat;
                beat.kioskId = province.kioskId(c, k);
                beat.appVersion = "0.4.0";
                beat.contentSequence = 12;
                // One kiosk in 50 runs out of paper in the afternoon; one in 100 loses its reader.
                beat.printer = (k + c) % 50 == 0 && slot > 180 ? "paper_out" : "ready";
                beat.reader = (k * c) % 100 == 0 ? "not_connected" : "ready";
                beat.uptimeSeconds = slot * 300;
                if (auto stored = fleet.recordHeartbeat(beat, dayStart + slot * 300 + k); !stored) {
                    return makeError("bench", "heartbeat: " + stored.error().message);
                }
                ++beats;
            }
            budgetSpent = secondsSince(start) > heartbeatBudget;
        }
    }
    double beatSeconds = secondsSince(start);
    double rate = beats / std::max(beatSeconds, 1e-9);
    std::printf("heartbeats: %ld of the day's %ld stored in %.1f s: %.0f heartbeats/s, one durable "
                "transaction each (the province needs %.1f/s: %.0fx headroom)%s\n",
                beats, wanted, beatSeconds, rate, kiosks / 300.0, rate / (kiosks / 300.0),
                beats < wanted ? "; budget spent before the day's end" : "");
    return ok();
}

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures appear as they come, even into a file
    Province province;
    int days = 365;
    double heartbeatBudget = 120;
    int requests = 20;
    bool pagesOnly = false;
    std::filesystem::path work = std::filesystem::temp_directory_path() / "bench_gateway_fleet";
    std::string location;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        std::string value = argv[i + 1];
        if (flag == "--db") {
            location = value;
        } else if (flag == "--communes") {
            province.communes = std::stoi(value);
        } else if (flag == "--kiosks") {
            province.kiosksPerCommune = std::stoi(value);
        } else if (flag == "--days") {
            days = std::stoi(value);
        } else if (flag == "--heartbeat-budget-s") {
            heartbeatBudget = std::stod(value);
        } else if (flag == "--requests") {
            requests = std::stoi(value);
        } else if (flag == "--pages-only") {
            pagesOnly = value == "1";
        }
    }
    if (location.empty() && pagesOnly) {
        location = (work / "gateway.db").string();
    } else if (location.empty()) {
        std::filesystem::remove_all(work);
        std::filesystem::create_directories(work);
        location = (work / "gateway.db").string();
    }
    int kiosks = province.communes * province.kiosksPerCommune;
    std::printf("gateway fleet benchmark: %d communes x %d kiosks = %d kiosks, %d days of "
                "aggregates, on %s\n",
                province.communes, province.kiosksPerCommune, kiosks, days,
                location.rfind("postgresql://", 0) == 0 ? "PostgreSQL" : "SQLite");

    GatewayServerOptions options;
    options.database = location;
    options.privateKey = generateX25519KeyPair().value().privateKey;
    options.retentionDays = 0;
    // The simulated day ends at 23:55 of the day after the last aggregate: pages read "now".
    CivilDate first{2026, 1, 1};
    CivilDate heartbeatDay = dateFromDays(daysSinceEpoch(first) + days);
    std::int64_t dayStart = unixFromVietnamTime(LocalDateTime{heartbeatDay, 0, 0, 0});
    std::int64_t now = dayStart + 24 * 3600 - 300;
    options.clock = [&now] { return now; };
    auto server = GatewayServer::create(options, nullptr);
    if (!server) {
        std::printf("cannot open %s: %s\n", location.c_str(), server.error().message.c_str());
        return 1;
    }
    GatewayStore& store = (*server)->store();
    for (int c = 1; c <= province.communes && !pagesOnly; ++c) {
        for (int k = 1; k <= province.kiosksPerCommune; ++k) {
            (*server)->inbox().placeKiosk(
                {province.kioskId(c, k), province.villageName(c, k), province.communeName(c)});
        }
    }
    if (!pagesOnly) {
        if (auto filled =
                fill(store, (*server)->fleet(), province, days, first, dayStart, heartbeatBudget);
            !filled) {
            std::printf("%s\n", filled.error().message.c_str());
            return 1;
        }
    }
    std::int64_t bytes = databaseBytes(store, location);
    std::printf("database size: %.1f MB\n", bytes / 1e6);

    auto port = (*server)->start("127.0.0.1", 0);
    if (!port) {
        std::printf("cannot listen: %s\n", port.error().message.c_str());
        return 1;
    }
    (*server)->accounts().addAccount({"bench-viewer", Role::Viewer, "bench"}, "bench-password-01",
                                     true);
    testing::WebClient client(*port);
    client.setReadTimeout(300);
    if (client.signIn("bench-viewer", "bench-password-01") != 303) {
        std::printf("cannot sign in\n");
        return 1;
    }
    std::string commune = "commune=" + escapeUrl(province.communeName(1));
    std::string at = "at=" + formatIsoDate(dateFromDays(daysSinceEpoch(heartbeatDay) - 1));
    struct Page {
        const char* name;
        std::string path;
    };
    std::vector<Page> pages{
        {"kiosks", "/dashboard/kiosks"},
        {"alerts.json", "/dashboard/alerts.json"},
        {"usage month", "/dashboard/usage?period=month&" + at},
        {"usage quarter", "/dashboard/usage?period=quarter&" + at},
        {"usage.csv month", "/dashboard/usage.csv?period=month&" + at},
        {"skills", "/dashboard/skills"},
    };
    std::printf("%-18s %-9s %9s %9s %10s\n", "page", "scope", "p50 ms", "p99 ms", "bytes");
    for (const Page& page : pages) {
        for (bool whole : {false, true}) {
            std::string path = page.path;
            if (!whole) {
                path += (path.find('?') == std::string::npos ? "?" : "&") + commune;
            }
            Timing timing = timePage(client, path, whole ? std::max(3, requests / 4) : requests);
            std::printf("%-18s %-9s %9.1f %9.1f %10zu%s\n", page.name,
                        whole ? "province" : "commune", timing.p50, timing.p99, timing.bytes,
                        timing.status == 200 ? "" : "  (not 200!)");
        }
    }
    (*server)->stop();
    return 0;
}
