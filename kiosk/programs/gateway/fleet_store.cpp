// Fleet storage: strict parsing of kiosk reports, latest state per kiosk, alerts, usage sums.
#include "kiosk/programs/gateway/fleet_store.hpp"

#include "kiosk/dossier/local_time.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

namespace kiosk {
namespace {

using nlohmann::json;

bool oneOf(const std::string& value, std::initializer_list<std::string_view> allowed) {
    return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// Identifiers only: letters, digits, dot, dash, underscore. A name or a phone number cannot
// pass for one by mistake (no spaces, no diacritics), and neither can free text.
bool isToken(const std::string& value, std::size_t maxLength) {
    static const std::regex token("[A-Za-z0-9._-]*");
    return value.size() <= maxLength && std::regex_match(value, token);
}

Result<std::int64_t> count(const json& document, const char* key) {
    if (!document.contains(key) || !document[key].is_number_integer() ||
        document[key].get<std::int64_t>() < 0) {
        return makeError("invalid_report", std::string(key) + " must be a number >= 0");
    }
    return document[key].get<std::int64_t>();
}

} // namespace

Result<Heartbeat> parseHeartbeat(const std::string& body, const std::string& kioskId) {
    json document = json::parse(body, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        return makeError("invalid_report", "the heartbeat is not a JSON object");
    }
    static const std::set<std::string> known{"kiosk_id",         "app_version",  "content_sequence",
                                             "printer",          "reader",       "outbox_pending",
                                             "outbox_attention", "free_disk_mb", "uptime_s",
                                             "since_session_s",  "error_codes"};
    for (const auto& [key, value] : document.items()) {
        if (!known.contains(key)) {
            return makeError("invalid_report", "unknown field " + key);
        }
    }
    Heartbeat beat;
    beat.kioskId = kioskId;
    if (document.value("kiosk_id", "") != kioskId) {
        return makeError("kiosk_id_mismatch", "the body names another kiosk");
    }
    beat.appVersion = document.value("app_version", "");
    beat.printer = document.value("printer", "");
    beat.reader = document.value("reader", "");
    if (!isToken(beat.appVersion, 32) ||
        !oneOf(beat.printer, {"ready", "paper_low", "paper_out", "cover_open", "not_connected",
                              "fault", "unknown"}) ||
        !oneOf(beat.reader, {"ready", "not_connected", "fault", "unknown"})) {
        return makeError("invalid_report", "app_version, printer or reader is not valid");
    }
    for (auto [key, field] : {std::pair{"content_sequence", &beat.contentSequence},
                              {"outbox_pending", &beat.outboxPending},
                              {"outbox_attention", &beat.outboxAttention},
                              {"free_disk_mb", &beat.freeDiskMb},
                              {"uptime_s", &beat.uptimeSeconds},
                              {"since_session_s", &beat.sinceSessionSeconds}}) {
        auto value = count(document, key);
        if (!value) {
            return value.error();
        }
        *field = *value;
    }
    static const std::regex code("[A-Z]{2,8}-[0-9]{4}");
    if (document.contains("error_codes")) {
        if (!document["error_codes"].is_array() || document["error_codes"].size() > 64) {
            return makeError("invalid_report", "error_codes must be a short list");
        }
        for (const json& item : document["error_codes"]) {
            if (!item.is_string() || !std::regex_match(item.get<std::string>(), code)) {
                return makeError("invalid_report", "an error code is not a catalog code");
            }
            beat.errorCodes.push_back(item.get<std::string>());
        }
    }
    return beat;
}

Result<DailyAggregate> parseDailyAggregate(const std::string& body, const std::string& kioskId) {
    json document = json::parse(body, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        return makeError("invalid_report", "the aggregate is not a JSON object");
    }
    if (document.value("kiosk_id", "") != kioskId) {
        return makeError("kiosk_id_mismatch", "the body names another kiosk");
    }
    static const std::regex day("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    DailyAggregate aggregate;
    aggregate.kioskId = kioskId;
    aggregate.day = document.value("day", "");
    if (!std::regex_match(aggregate.day, day) || !document.contains("counts") ||
        !document["counts"].is_array() || document["counts"].size() > 2000) {
        return makeError("invalid_report", "day (yyyy-mm-dd) and counts are required");
    }
    for (const json& entry : document["counts"]) {
        if (!entry.is_object()) {
            return makeError("invalid_report", "a count is not an object");
        }
        UsageCount usage{entry.value("metric", ""), entry.value("item", ""), -1};
        if (!oneOf(usage.metric, {"sessions", "dossiers", "lookups", "lessons_started",
                                  "lessons_completed", "ratings", "assisted"}) ||
            !isToken(usage.item, 64)) {
            return makeError("invalid_report", "unknown metric or item");
        }
        // null = suppressed on the kiosk (same rule as the CSV export)
        if (entry.contains("count") && !entry["count"].is_null()) {
            auto value = count(entry, "count");
            if (!value) {
                return value.error();
            }
            usage.count = *value;
        }
        aggregate.counts.push_back(usage);
    }
    return aggregate;
}

FleetStore::FleetStore(GatewayStore& store)
    : store_(store) {}

Status FleetStore::recordHeartbeat(const Heartbeat& beat, std::int64_t now) {
    std::string errors;
    for (const std::string& code : beat.errorCodes) {
        errors += (errors.empty() ? "" : " ") + code;
    }
    auto lock = store_.lock();
    SqlDatabase& db = store_.database();
    auto done = inWriteTransaction<int>(db, [&]() -> Result<int> {
        // The "since" times change only when the state changes: "paper out since 9:12".
        auto state = db.query(
            "INSERT INTO kiosk_state(kiosk_id, last_seen, app_version, content_sequence, printer, "
            "printer_since, reader, reader_since, outbox_pending, outbox_attention, free_disk_mb, "
            "uptime_s, since_session_s, error_codes) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(kiosk_id) DO UPDATE SET last_seen = excluded.last_seen, "
            "app_version = excluded.app_version, content_sequence = excluded.content_sequence, "
            "printer_since = CASE WHEN kiosk_state.printer = excluded.printer "
            "THEN kiosk_state.printer_since ELSE excluded.printer_since END, "
            "printer = excluded.printer, "
            "reader_since = CASE WHEN kiosk_state.reader = excluded.reader "
            "THEN kiosk_state.reader_since ELSE excluded.reader_since END, "
            "reader = excluded.reader, outbox_pending = excluded.outbox_pending, "
            "outbox_attention = excluded.outbox_attention, free_disk_mb = excluded.free_disk_mb, "
            "uptime_s = excluded.uptime_s, since_session_s = excluded.since_session_s, "
            "error_codes = excluded.error_codes",
            {beat.kioskId, now, beat.appVersion, beat.contentSequence, beat.printer, now,
             beat.reader, now, beat.outboxPending, beat.outboxAttention, beat.freeDiskMb,
             beat.uptimeSeconds, beat.sinceSessionSeconds, errors});
        if (!state) {
            return state.error();
        }
        auto history = db.query("INSERT INTO heartbeats(kiosk_id, at, printer, reader, "
                                "error_codes) VALUES(?,?,?,?,?) ON CONFLICT DO NOTHING",
                                {beat.kioskId, now, beat.printer, beat.reader, errors});
        if (!history) {
            return history.error();
        }
        return 1;
    });
    if (!done) {
        return done.error();
    }
    return ok();
}

Status FleetStore::storeAggregate(const DailyAggregate& aggregate) {
    auto lock = store_.lock();
    SqlDatabase& db = store_.database();
    auto done = inWriteTransaction<int>(db, [&]() -> Result<int> {
        auto cleared = db.query("DELETE FROM daily_usage WHERE kiosk_id = ? AND day = ?",
                                {aggregate.kioskId, aggregate.day});
        if (!cleared) {
            return cleared.error();
        }
        for (const UsageCount& usage : aggregate.counts) {
            auto row =
                db.query("INSERT INTO daily_usage(kiosk_id, day, metric, item, count) "
                         "VALUES(?,?,?,?,?) ON CONFLICT(kiosk_id, day, metric, item) "
                         "DO UPDATE SET count = excluded.count",
                         {aggregate.kioskId, aggregate.day, usage.metric, usage.item, usage.count});
            if (!row) {
                return row.error();
            }
        }
        return 1;
    });
    if (!done) {
        return done.error();
    }
    return ok();
}

Result<std::vector<KioskStatusRow>> FleetStore::kiosks(const std::string& commune) {
    std::string sql =
        "SELECT ids.kiosk_id, coalesce(k.village, ''), coalesce(k.commune, ''), "
        "coalesce(s.last_seen, 0), coalesce(s.app_version, ''), coalesce(s.content_sequence, 0), "
        "coalesce(s.printer, ''), coalesce(s.printer_since, 0), coalesce(s.reader, ''), "
        "coalesce(s.reader_since, 0), coalesce(s.outbox_pending, 0), "
        "coalesce(s.outbox_attention, 0), "
        "(SELECT count(*) FROM dossiers d WHERE d.kiosk_id = ids.kiosk_id AND d.status = 'new') "
        "FROM (SELECT kiosk_id FROM kiosks UNION SELECT kiosk_id FROM kiosk_state) ids "
        "LEFT JOIN kiosks k ON k.kiosk_id = ids.kiosk_id "
        "LEFT JOIN kiosk_state s ON s.kiosk_id = ids.kiosk_id";
    std::vector<SqlParam> params;
    if (!commune.empty()) {
        sql += " WHERE k.commune = ?";
        params.emplace_back(commune);
    }
    sql += " ORDER BY 3, 2, 1";
    auto lock = store_.lock();
    auto rows = store_.database().query(sql, params);
    if (!rows) {
        return rows.error();
    }
    std::vector<KioskStatusRow> out;
    for (const SqlRow& r : *rows) {
        out.push_back({r.text(0), r.text(1), r.text(2), r.integer(3), r.text(4), r.integer(5),
                       r.text(6), r.integer(7), r.text(8), r.integer(9), r.integer(10),
                       r.integer(11), r.integer(12)});
    }
    return out;
}

Result<std::vector<Alert>> FleetStore::alerts(std::int64_t now, std::int64_t silentAfter,
                                              const std::string& commune) {
    auto rows = kiosks(commune);
    if (!rows) {
        return rows.error();
    }
    std::vector<Alert> out;
    for (const KioskStatusRow& k : *rows) {
        if (k.lastSeen == 0 || now - k.lastSeen > silentAfter) {
            out.push_back({"silent", k.kioskId, k.village, k.lastSeen, 0});
            continue; // its last known devices may be stale: silence is the news
        }
        if (k.printer == "paper_out" || k.printer == "not_connected" || k.printer == "cover_open" ||
            k.printer == "fault") {
            out.push_back({k.printer == "paper_out" ? "paper_out" : "printer_" + k.printer,
                           k.kioskId, k.village, k.printerSince, 0});
        }
        if (k.reader == "not_connected" || k.reader == "fault") {
            out.push_back({k.reader == "fault" ? "reader_fault" : "reader_missing", k.kioskId,
                           k.village, k.readerSince, 0});
        }
        if (k.outboxAttention > 0) {
            out.push_back(
                {"outbox_attention", k.kioskId, k.village, k.lastSeen, k.outboxAttention});
        }
    }
    // Dossiers received more than a day ago that no officer has acted on yet.
    std::string sql = "SELECT count(*) FROM dossiers WHERE status = 'new' AND received_at < ?";
    std::string cutoff = formatCompact(vietnamTimeFromUnix(now - 86400));
    auto lock = store_.lock();
    auto waiting = store_.database().query(sql, {cutoff});
    if (waiting && !waiting->empty() && waiting->front().integer(0) > 0) {
        out.push_back({"dossiers_waiting", "", "", 0, waiting->front().integer(0)});
    }
    return out;
}

Result<std::vector<FleetStore::UsageRow>> FleetStore::usage(const std::string& fromDay,
                                                            const std::string& toDay,
                                                            const std::string& commune) {
    std::string sql =
        "SELECT coalesce(k.village, u.kiosk_id), u.metric, u.item, "
        "sum(CASE WHEN u.count >= 0 THEN u.count ELSE 0 END), "
        "sum(CASE WHEN u.count < 0 THEN 1 ELSE 0 END) FROM daily_usage u "
        "LEFT JOIN kiosks k ON k.kiosk_id = u.kiosk_id WHERE u.day >= ? AND u.day <= ?";
    std::vector<SqlParam> params{fromDay, toDay};
    if (!commune.empty()) {
        sql += " AND k.commune = ?";
        params.emplace_back(commune);
    }
    sql += " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
    auto lock = store_.lock();
    auto rows = store_.database().query(sql, params);
    if (!rows) {
        return rows.error();
    }
    std::vector<UsageRow> out;
    for (const SqlRow& r : *rows) {
        out.push_back({r.text(0), r.text(1), r.text(2), r.integer(3), r.integer(4)});
    }
    return out;
}

Result<std::vector<FleetStore::VillageCompletions>>
FleetStore::completionsByVillage(const std::string& commune) {
    std::string sql = "SELECT coalesce(k.village, u.kiosk_id), "
                      "sum(CASE WHEN u.count >= 0 THEN u.count ELSE 0 END), "
                      "sum(CASE WHEN u.count < 0 THEN 1 ELSE 0 END) FROM daily_usage u "
                      "LEFT JOIN kiosks k ON k.kiosk_id = u.kiosk_id "
                      "WHERE u.metric = 'lessons_completed'";
    std::vector<SqlParam> params;
    if (!commune.empty()) {
        sql += " AND k.commune = ?";
        params.emplace_back(commune);
    }
    sql += " GROUP BY 1 ORDER BY 1";
    auto lock = store_.lock();
    auto rows = store_.database().query(sql, params);
    if (!rows) {
        return rows.error();
    }
    std::vector<VillageCompletions> out;
    for (const SqlRow& r : *rows) {
        out.push_back({r.text(0), r.integer(1), r.integer(2)});
    }
    return out;
}

Result<std::vector<VillagePopulation>> FleetStore::populations() {
    auto lock = store_.lock();
    auto rows =
        store_.database().query("SELECT village, adult_population FROM villages ORDER BY village");
    if (!rows) {
        return rows.error();
    }
    std::vector<VillagePopulation> out;
    for (const SqlRow& r : *rows) {
        out.push_back({r.text(0), r.integer(1)});
    }
    return out;
}

Status FleetStore::setPopulation(const std::string& village, std::int64_t adults) {
    if (village.empty() || village.size() > 120 || adults < 0 || adults > 10'000'000) {
        return makeError("bad_population", "a village name and 0..10,000,000 adults");
    }
    auto lock = store_.lock();
    auto done = store_.database().query(
        "INSERT INTO villages(village, adult_population) VALUES(?, ?) ON CONFLICT(village) "
        "DO UPDATE SET adult_population = excluded.adult_population",
        {village, adults});
    if (!done) {
        return done.error();
    }
    return ok();
}

Result<std::int64_t> FleetStore::pruneHeartbeats(std::int64_t before) {
    auto lock = store_.lock();
    auto deleted =
        store_.database().query("DELETE FROM heartbeats WHERE at < ? RETURNING at", {before});
    if (!deleted) {
        return deleted.error();
    }
    return static_cast<std::int64_t>(deleted->size());
}

} // namespace kiosk
