// Inbox queries: one SQL text for both engines; every opening and status change is an event row.
#include "kiosk/programs/gateway/inbox_store.hpp"

#include "kiosk/dossier/local_time.hpp"

#include <array>

namespace kiosk {
namespace {

struct StatusName {
    OfficerStatus status;
    std::string_view name; // the form's value
    std::string_view code; // OpenCPS state
};

constexpr std::array<StatusName, 5> kStatuses{{
    {OfficerStatus::Received, "received", "receiving"},
    {OfficerStatus::Processing, "processing", "processing"},
    {OfficerStatus::MorePapersNeeded, "more_papers", "correcting"},
    {OfficerStatus::ResultReady, "result_ready", "releasing"},
    {OfficerStatus::Returned, "returned", "done"},
}};

// The first column of every row of a query without parameters, as text.
Result<std::vector<std::string>> firstColumn(SqlDatabase& database, std::string_view sql) {
    auto rows = database.query(sql);
    if (!rows) {
        return rows.error();
    }
    std::vector<std::string> out;
    for (const SqlRow& row : *rows) {
        out.push_back(row.text(0));
    }
    return out;
}

} // namespace

std::string_view officerStatusCode(OfficerStatus status) {
    return kStatuses[static_cast<std::size_t>(status)].code;
}

std::optional<OfficerStatus> officerStatusFromName(std::string_view name) {
    for (const StatusName& row : kStatuses) {
        if (row.name == name) {
            return row.status;
        }
    }
    return std::nullopt;
}

InboxStore::InboxStore(GatewayStore& store)
    : store_(store) {}

Result<std::vector<InboxRow>> InboxStore::list(const InboxFilter& filter) {
    std::string sql =
        "SELECT d.dossier_code, d.received_at, d.procedure_code, d.kiosk_id, "
        "coalesce(k.village, ''), d.status, d.status_reason, "
        "(SELECT count(*) FROM dossier_events e WHERE e.dossier_code = d.dossier_code "
        "AND e.kind = 'opened') FROM dossiers d LEFT JOIN kiosks k ON k.kiosk_id = d.kiosk_id "
        "WHERE 1 = 1";
    std::vector<SqlParam> params;
    if (!filter.day.empty()) {
        sql += " AND d.received_at LIKE ?";
        params.emplace_back(filter.day + "%");
    }
    if (!filter.procedure.empty()) {
        sql += " AND d.procedure_code = ?";
        params.emplace_back(filter.procedure);
    }
    if (!filter.village.empty()) {
        sql += " AND k.village = ?";
        params.emplace_back(filter.village);
    }
    if (!filter.status.empty()) {
        sql += " AND d.status = ?";
        params.emplace_back(filter.status);
    }
    sql += " ORDER BY d.received_at DESC, d.dossier_code DESC LIMIT 500";
    auto lock = store_.lock();
    auto rows = store_.database().query(sql, params);
    if (!rows) {
        return rows.error();
    }
    std::vector<InboxRow> out;
    for (const SqlRow& row : *rows) {
        out.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5),
                       row.text(6), row.integer(7)});
    }
    return out;
}

Result<std::optional<StoredDossier>> InboxStore::open(const std::string& code,
                                                      const Account& officer, std::string_view how,
                                                      std::int64_t now) {
    auto found = store_.findByCode(code);
    if (!found || !found->has_value()) {
        return found;
    }
    auto lock = store_.lock();
    auto recorded = store_.database().query(
        "INSERT INTO dossier_events(dossier_code, at, actor, office, kind, reason) "
        "VALUES(?, ?, ?, ?, 'opened', ?)",
        {code, now, officer.name, officer.office, std::string(how)});
    if (!recorded) {
        // No record, no opening: the access record must be complete.
        return recorded.error();
    }
    return found;
}

Status InboxStore::setStatus(const std::string& code, OfficerStatus status,
                             const std::string& reason, const Account& officer, std::int64_t now) {
    if (status == OfficerStatus::MorePapersNeeded &&
        reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        return makeError("reason_required", "say which papers are needed");
    }
    std::string kept = status == OfficerStatus::MorePapersNeeded ? reason : std::string();
    std::string stateCode(officerStatusCode(status));
    auto lock = store_.lock();
    SqlDatabase& db = store_.database();
    auto done = inWriteTransaction<int>(db, [&]() -> Result<int> {
        auto changed = db.query("UPDATE dossiers SET status = ?, status_reason = ?, status_at = ? "
                                "WHERE dossier_code = ? RETURNING dossier_code",
                                {stateCode, kept, now, code});
        if (!changed) {
            return changed.error();
        }
        if (changed->empty()) {
            return makeError("not_found", "no dossier has this code");
        }
        auto event = db.query("INSERT INTO dossier_events(dossier_code, at, actor, office, kind, "
                              "status, reason) VALUES(?, ?, ?, ?, 'status', ?, ?)",
                              {code, now, officer.name, officer.office, stateCode, kept});
        if (!event) {
            return event.error();
        }
        return 1;
    });
    if (!done) {
        return done.error();
    }
    return ok();
}

Result<AccessRecord> InboxStore::accessRecord(const std::string& code) {
    auto lock = store_.lock();
    auto rows = store_.database().query(
        "SELECT office, count(*) FROM dossier_events WHERE dossier_code = ? AND kind = 'opened' "
        "GROUP BY office ORDER BY office",
        {code});
    if (!rows) {
        return rows.error();
    }
    AccessRecord record;
    for (const SqlRow& row : *rows) {
        record.byOffice[row.text(0)] = row.integer(1);
        record.openings += row.integer(1);
    }
    return record;
}

Result<std::string> InboxStore::statusReason(const std::string& code) {
    auto lock = store_.lock();
    auto rows = store_.database().query("SELECT status_reason FROM dossiers WHERE dossier_code = ?",
                                        {code});
    if (!rows) {
        return rows.error();
    }
    return rows->empty() ? std::string() : rows->front().text(0);
}

Result<int> InboxStore::eraseExpired(int retentionDays, std::int64_t now) {
    // received_at is yyyyMMddHHmmss in Vietnam time, so text order is time order.
    std::string cutoff =
        formatCompact(vietnamTimeFromUnix(now - std::int64_t{retentionDays} * 86400));
    auto lock = store_.lock();
    SqlDatabase& db = store_.database();
    return inWriteTransaction<int>(db, [&]() -> Result<int> {
        auto recorded = db.query(
            "INSERT INTO erasures(dossier_code, erased_at, received_at, procedure_code, kiosk_id) "
            "SELECT dossier_code, ?, received_at, procedure_code, kiosk_id FROM dossiers "
            "WHERE received_at < ? RETURNING dossier_code",
            {now, cutoff});
        if (!recorded) {
            return recorded.error();
        }
        for (const SqlRow& row : *recorded) {
            auto event = db.query("INSERT INTO dossier_events(dossier_code, at, actor, office, "
                                  "kind) VALUES(?, ?, 'retention', '', 'erased')",
                                  {row.text(0), now});
            if (!event) {
                return event.error();
            }
        }
        auto erased = db.query("DELETE FROM dossiers WHERE received_at < ?", {cutoff});
        if (!erased) {
            return erased.error();
        }
        return static_cast<int>(recorded->size());
    });
}

Result<std::vector<std::string>> InboxStore::erasedCodes() {
    auto lock = store_.lock();
    return firstColumn(store_.database(),
                       "SELECT dossier_code FROM erasures ORDER BY dossier_code");
}

Status InboxStore::placeKiosk(const KioskPlace& place) {
    auto lock = store_.lock();
    auto done = store_.database().query(
        "INSERT INTO kiosks(kiosk_id, village, commune) VALUES(?, ?, ?) ON CONFLICT(kiosk_id) "
        "DO UPDATE SET village = excluded.village, commune = excluded.commune",
        {place.kioskId, place.village, place.commune});
    if (!done) {
        return done.error();
    }
    return ok();
}

Result<std::vector<KioskPlace>> InboxStore::kiosks() {
    auto lock = store_.lock();
    auto rows = store_.database().query(
        "SELECT kiosk_id, village, commune FROM kiosks ORDER BY commune, village, kiosk_id");
    if (!rows) {
        return rows.error();
    }
    std::vector<KioskPlace> out;
    for (const SqlRow& row : *rows) {
        out.push_back({row.text(0), row.text(1), row.text(2)});
    }
    return out;
}

Result<std::vector<std::string>> InboxStore::villages() {
    auto lock = store_.lock();
    return firstColumn(store_.database(), "SELECT DISTINCT village FROM kiosks ORDER BY village");
}

} // namespace kiosk
