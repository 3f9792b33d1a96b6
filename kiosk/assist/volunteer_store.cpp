// Volunteer and maintainer credentials in SQLite, with the lockout state persisted per principal.
#include "kiosk/assist/volunteer_store.hpp"

#include "kiosk/storage/moved_aside.hpp"
#include "kiosk/storage/store_fault.hpp"

#include <cstdio>
#include <openssl/rand.h>

namespace kiosk {
namespace {

using usagedb::Statement;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS volunteer(
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  pin_hash TEXT NOT NULL,
  enabled INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS maintainer(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pin_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pin_attempt(
  principal TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS kiosk_setting(
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL);
)sql";

// The lockout as a duration and where it started (pin_lockout.hpp). locked_until, the wall-clock
// deadline of the first version, is no longer read: a clock set back made it last for ever.
constexpr const char* kLockoutColumns[][2] = {
    {"lockout_s", "INTEGER NOT NULL DEFAULT 0"},
    {"locked_at", "INTEGER NOT NULL DEFAULT 0"},
    {"boot_id", "TEXT NOT NULL DEFAULT ''"},
    {"locked_at_boot", "INTEGER NOT NULL DEFAULT 0"},
};

Status addLockoutColumns(sqlite3* db) {
    for (const auto& [name, type] : kLockoutColumns) {
        auto present = Statement::prepare(
            db, "SELECT COUNT(*) FROM pragma_table_info('pin_attempt') WHERE name = ?1");
        if (!present) {
            return present.error();
        }
        if (present->bind(1, std::string_view(name)).step() != SQLITE_ROW) {
            return usagedb::sqliteError(db, SQLITE_ERROR, "reading the lockout columns");
        }
        if (present->columnInt(0) > 0) {
            continue;
        }
        std::string alter = std::string("ALTER TABLE pin_attempt ADD COLUMN ") + name + " " + type;
        if (auto status = usagedb::exec(db, alter.c_str()); !status) {
            return status;
        }
    }
    return ok();
}

constexpr std::string_view kMaintainer = "maintainer";

// Printable text of 1 to 40 characters: a name on a button, nothing that could break a screen.
Status checkDisplayName(std::string_view name) {
    std::size_t characters = 0;
    for (char c : name) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            return makeError("assist.bad_name", "a volunteer name cannot hold control characters");
        }
        if ((byte & 0xc0) != 0x80) {
            ++characters;
        }
    }
    if (characters == 0 || characters > 40) {
        return makeError("assist.bad_name", "a volunteer name is 1 to 40 characters");
    }
    return ok();
}

Result<std::string> newVolunteerId() {
    unsigned char bytes[4];
    if (RAND_bytes(bytes, sizeof bytes) != 1) {
        return makeError("assist.no_entropy", "OpenSSL RAND_bytes could not produce an id");
    }
    char text[16];
    std::snprintf(text, sizeof text, "vol-%02x%02x%02x%02x", bytes[0], bytes[1], bytes[2],
                  bytes[3]);
    return std::string(text);
}

// quick_check first: a damaged page would otherwise surface only at the next sign-in.
Result<usagedb::Database> openVolunteerDatabase(const std::filesystem::path& path) {
    auto db = usagedb::openDatabase(path, usagedb::OpenMode::ReadWriteCreate);
    if (!db) {
        return db.error();
    }
    if (auto integrity = checkIntegrity(db->get(), "usage.db_"); !integrity) {
        return integrity.error();
    }
    // Credentials are tiny and rarely written: full durability costs nothing here.
    for (const char* sql : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", kSchema}) {
        if (auto status = usagedb::exec(db->get(), sql); !status) {
            return status.error();
        }
    }
    if (auto status = addLockoutColumns(db->get()); !status) {
        return status.error();
    }
    return db;
}

} // namespace

std::filesystem::path assistDatabasePath(const std::filesystem::path& dataDir) {
    return dataDir / "assist.db";
}

Result<std::unique_ptr<VolunteerStore>> VolunteerStore::open(const std::filesystem::path& path,
                                                             VolunteerStoreOptions options,
                                                             Logger* logger, Clock clock) {
    auto opened = openVolunteerDatabase(path);
    if (!opened && usagedb::isCorruption(opened.error())) {
        // Only a corrupt file goes aside (PINs must then be set again); a full, read-only or
        // unreadable disk is reported and the file left alone (docs/storage.md).
        if (logger != nullptr) {
            logger->log(LogEvent::StoreDamaged, {{"store", LogToken("volunteers")},
                                                 {"fault", SystemText{"corrupt"}},
                                                 {"reason", SystemText{opened.error().message}}});
        }
        MoveAsideResult moved = moveCorruptDatabaseAside(path, clock(), 2);
        if (!moved.movedTo.empty()) {
            if (logger != nullptr) {
                logger->log(LogEvent::StoreMovedAside,
                            {{"store", LogToken("volunteers")},
                             {"moved_to", SystemText{moved.movedTo.string()}}});
            }
            opened = openVolunteerDatabase(path);
        }
    }
    if (!opened) {
        if (logger != nullptr && !usagedb::isCorruption(opened.error())) {
            logger->log(
                LogEvent::StoreFailing,
                {{"store", LogToken("volunteers")},
                 {"fault", SystemText{std::string(storeFaultName(storeFaultOf(opened.error())))}},
                 {"reason", SystemText{opened.error().message}}});
        }
        return opened.error();
    }
    auto store = std::unique_ptr<VolunteerStore>(
        new VolunteerStore(std::move(*opened), options, logger, std::move(clock)));
    if (auto status = store->carryLockoutsAcrossBoot(); !status) {
        return status.error();
    }
    return store;
}

// A lockout from an earlier boot keeps the time it has left (read on the wall clock, never
// negative) and from now on runs on this boot's clock; else a wall clock set back would keep
// it at its full length until the clock caught up again.
Status VolunteerStore::carryLockoutsAcrossBoot() {
    LockoutInstant current = now();
    auto select = Statement::prepare(db_.get(), "SELECT principal FROM pin_attempt WHERE "
                                                "lockout_s > 0 AND boot_id <> ?1");
    if (!select) {
        return select.error();
    }
    select->bind(1, std::string_view(current.bootId));
    std::vector<std::string> principals;
    while (select->step() == SQLITE_ROW) {
        principals.push_back(select->columnText(0));
    }
    select->reset();
    for (const std::string& principal : principals) {
        auto remaining = lockedFor(principal);
        auto update = Statement::prepare(db_.get(), "UPDATE pin_attempt SET lockout_s = ?2, "
                                                    "locked_at = ?3, boot_id = ?4, "
                                                    "locked_at_boot = ?5 WHERE principal = ?1");
        if (!update) {
            return update.error();
        }
        if (auto status = update->bind(1, std::string_view(principal))
                              .bind(2, static_cast<std::int64_t>(remaining.count()))
                              .bind(3, current.wallSeconds)
                              .bind(4, std::string_view(current.bootId))
                              .bind(5, current.bootSeconds)
                              .run("carrying a lockout across a restart");
            !status) {
            return status;
        }
    }
    return ok();
}

std::int64_t VolunteerStore::nowSeconds() const {
    return std::chrono::duration_cast<std::chrono::seconds>(clock_().time_since_epoch()).count();
}

Result<Volunteer> VolunteerStore::addVolunteer(std::string_view displayName, std::string_view pin) {
    if (auto status = checkDisplayName(displayName); !status) {
        return status.error();
    }
    // The new-PIN policy of the screen, whoever sets the PIN (kioskctl included).
    if (auto status = checkNewPin(pin, PinRole::Volunteer); !status) {
        return status.error();
    }
    auto hash = hashPin(pin, options_.hashParams);
    if (!hash) {
        return hash.error();
    }
    auto insert = Statement::prepare(
        db_.get(), "INSERT INTO volunteer(id, display_name, pin_hash, enabled) VALUES(?1, ?2, "
                   "?3, 1)");
    if (!insert) {
        return insert.error();
    }
    // 32 random bits: a clash among a village's volunteers is unlikely; retry if it happens.
    for (int attempt = 0; attempt < 8; ++attempt) {
        auto id = newVolunteerId();
        if (!id) {
            return id.error();
        }
        insert->bind(1, std::string_view(*id))
            .bind(2, displayName)
            .bind(3, std::string_view(*hash));
        auto status = insert->run("adding a volunteer");
        if (status) {
            if (logger_ != nullptr) {
                logger_->log(LogEvent::VolunteerAdded, {{"volunteer", SystemText{*id}}});
            }
            return Volunteer{*id, std::string(displayName), VolunteerState::Enabled};
        }
        if (status.error().message.find("UNIQUE") == std::string::npos) {
            return status.error();
        }
    }
    return makeError("assist.no_id", "could not find a free volunteer id");
}

Status VolunteerStore::setVolunteerPin(std::string_view id, std::string_view pin) {
    if (auto status = checkNewPin(pin, PinRole::Volunteer); !status) {
        return status;
    }
    auto hash = hashPin(pin, options_.hashParams);
    if (!hash) {
        return hash.error();
    }
    auto update = Statement::prepare(db_.get(), "UPDATE volunteer SET pin_hash = ?2 WHERE id = ?1");
    if (!update) {
        return update.error();
    }
    if (auto status = update->bind(1, id).bind(2, std::string_view(*hash)).run("setting a PIN");
        !status) {
        return status;
    }
    if (sqlite3_changes(db_.get()) == 0) {
        return makeError("assist.unknown_volunteer", "no volunteer with that id");
    }
    if (logger_ != nullptr) {
        logger_->log(LogEvent::VolunteerAdded,
                     {{"volunteer", SystemText{std::string(id)}}, {"pin_reset", true}});
    }
    // A new PIN is a fresh start.
    return clearFailures(id);
}

Status VolunteerStore::setVolunteerState(std::string_view id, VolunteerState state) {
    auto update = Statement::prepare(db_.get(), "UPDATE volunteer SET enabled = ?2 WHERE id = ?1");
    if (!update) {
        return update.error();
    }
    std::int64_t enabled = state == VolunteerState::Enabled ? 1 : 0;
    if (auto status = update->bind(1, id).bind(2, enabled).run("enabling a volunteer"); !status) {
        return status;
    }
    if (sqlite3_changes(db_.get()) == 0) {
        return makeError("assist.unknown_volunteer", "no volunteer with that id");
    }
    if (logger_ != nullptr) {
        logger_->log(state == VolunteerState::Enabled ? LogEvent::VolunteerEnabled
                                                      : LogEvent::VolunteerDisabled,
                     {{"volunteer", SystemText{std::string(id)}}});
    }
    return ok();
}

Result<std::vector<Volunteer>> VolunteerStore::listVolunteers() const {
    auto select = Statement::prepare(
        db_.get(),
        "SELECT id, display_name, enabled FROM volunteer ORDER BY enabled DESC, display_name, id");
    if (!select) {
        return select.error();
    }
    std::vector<Volunteer> volunteers;
    int rc = SQLITE_ROW;
    while ((rc = select->step()) == SQLITE_ROW) {
        volunteers.push_back(Volunteer{select->columnText(0), select->columnText(1),
                                       select->columnInt(2) != 0 ? VolunteerState::Enabled
                                                                 : VolunteerState::Disabled});
    }
    if (rc != SQLITE_DONE) {
        return usagedb::sqliteError(db_.get(), rc, "listing volunteers");
    }
    return volunteers;
}

LockoutInstant VolunteerStore::now() const {
    LockoutInstant instant = options_.bootClock ? options_.bootClock() : LockoutInstant{};
    instant.wallSeconds = nowSeconds();
    return instant;
}

std::chrono::seconds VolunteerStore::lockedFor(std::string_view principal) const {
    auto select = Statement::prepare(db_.get(), "SELECT lockout_s, locked_at, boot_id, "
                                                "locked_at_boot FROM pin_attempt "
                                                "WHERE principal = ?1");
    if (!select || select->bind(1, principal).step() != SQLITE_ROW) {
        return std::chrono::seconds(0);
    }
    LockoutInstant start{select->columnInt(1), select->columnText(2), select->columnInt(3)};
    return lockoutRemaining(std::chrono::seconds(select->columnInt(0)), start, now(),
                            options_.lockout);
}

Status VolunteerStore::recordFailure(std::string_view principal) {
    auto bump = Statement::prepare(
        db_.get(), "INSERT INTO pin_attempt(principal, failures, locked_until) VALUES(?1, 1, 0) "
                   "ON CONFLICT(principal) DO UPDATE SET failures = failures + 1 "
                   "RETURNING failures");
    if (!bump) {
        return bump.error();
    }
    bump->bind(1, principal);
    if (bump->step() != SQLITE_ROW) {
        return usagedb::sqliteError(db_.get(), SQLITE_ERROR, "counting a wrong PIN");
    }
    auto failures = static_cast<int>(bump->columnInt(0));
    bump->reset();
    auto lockout = lockoutAfter(failures, options_.lockout);
    if (lockout.count() == 0) {
        return ok();
    }
    auto lock =
        Statement::prepare(db_.get(), "UPDATE pin_attempt SET lockout_s = ?2, locked_at = ?3, "
                                      "boot_id = ?4, locked_at_boot = ?5 WHERE principal = ?1");
    if (!lock) {
        return lock.error();
    }
    LockoutInstant start = now();
    if (auto status = lock->bind(1, principal)
                          .bind(2, static_cast<std::int64_t>(lockout.count()))
                          .bind(3, start.wallSeconds)
                          .bind(4, std::string_view(start.bootId))
                          .bind(5, start.bootSeconds)
                          .run("locking sign-in");
        !status) {
        return status;
    }
    if (logger_ != nullptr) {
        logger_->log(LogEvent::PinLockedOut,
                     {{"principal", SystemText{std::string(principal)}},
                      {"failures", failures},
                      {"locked_s", static_cast<std::int64_t>(lockout.count())}});
    }
    return ok();
}

Status VolunteerStore::clearFailures(std::string_view principal) {
    auto clear = Statement::prepare(db_.get(), "DELETE FROM pin_attempt WHERE principal = ?1");
    if (!clear) {
        return clear.error();
    }
    return clear->bind(1, principal).run("clearing wrong PIN count");
}

Status VolunteerStore::checkPin(std::string_view principal, std::string_view pin,
                                std::string_view hash) {
    auto locked = lockedFor(principal);
    if (locked.count() > 0) {
        return makeError("assist.locked", "too many wrong PINs: try again in " +
                                              std::to_string(locked.count()) + " seconds");
    }
    auto match = verifyPin(pin, hash);
    if (!match) {
        return match.error();
    }
    if (*match == PinMatch::Match) {
        return clearFailures(principal);
    }
    if (auto status = recordFailure(principal); !status) {
        return status;
    }
    return makeError("assist.wrong_pin", "wrong PIN");
}

Result<Volunteer> VolunteerStore::signIn(std::string_view id, std::string_view pin) {
    auto select = Statement::prepare(
        db_.get(), "SELECT display_name, pin_hash, enabled FROM volunteer WHERE id = ?1");
    if (!select) {
        return select.error();
    }
    if (select->bind(1, id).step() != SQLITE_ROW) {
        return makeError("assist.unknown_volunteer", "no volunteer with that id");
    }
    Volunteer volunteer{std::string(id), select->columnText(0), VolunteerState::Enabled};
    std::string hash = select->columnText(1);
    if (select->columnInt(2) == 0) {
        return makeError("assist.disabled", "this volunteer has been disabled by the maintainer");
    }
    select->reset();
    auto status = checkPin(id, pin, hash);
    if (!status) {
        if (status.error().code == "assist.wrong_pin" && logger_ != nullptr) {
            logger_->log(LogEvent::VolunteerPinRejected, {{"volunteer", SystemText{volunteer.id}}});
        }
        return status.error();
    }
    return volunteer;
}

Status VolunteerStore::setMaintainerPin(std::string_view pin) {
    if (auto status = checkNewPin(pin, PinRole::Maintainer); !status) {
        return status;
    }
    auto hash = hashPin(pin, options_.hashParams);
    if (!hash) {
        return hash.error();
    }
    auto upsert =
        Statement::prepare(db_.get(), "INSERT INTO maintainer(id, pin_hash) VALUES(1, ?1) "
                                      "ON CONFLICT(id) DO UPDATE SET pin_hash = excluded.pin_hash");
    if (!upsert) {
        return upsert.error();
    }
    if (auto status = upsert->bind(1, std::string_view(*hash)).run("setting the maintainer PIN");
        !status) {
        return status;
    }
    if (logger_ != nullptr) {
        logger_->log(LogEvent::MaintainerPinSet);
    }
    return clearFailures(kMaintainer);
}

Status VolunteerStore::setSetting(std::string_view key, std::int64_t value) {
    auto upsert =
        Statement::prepare(db_.get(), "INSERT INTO kiosk_setting(key, value) VALUES(?1, ?2) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!upsert) {
        return upsert.error();
    }
    return upsert->bind(1, key).bind(2, value).run("saving a kiosk setting");
}

Result<std::optional<std::int64_t>> VolunteerStore::setting(std::string_view key) const {
    auto select = Statement::prepare(db_.get(), "SELECT value FROM kiosk_setting WHERE key = ?1");
    if (!select) {
        return select.error();
    }
    int step = select->bind(1, key).step();
    if (step == SQLITE_DONE) {
        return std::optional<std::int64_t>();
    }
    if (step != SQLITE_ROW) {
        return usagedb::sqliteError(db_.get(), step, "reading a kiosk setting");
    }
    return std::optional<std::int64_t>(select->columnInt(0));
}

bool VolunteerStore::hasMaintainerPin() const {
    auto text = usagedb::queryText(db_.get(), "SELECT count(*) FROM maintainer");
    return text && *text == "1";
}

Status VolunteerStore::checkMaintainerPin(std::string_view pin) {
    auto hash = usagedb::queryText(db_.get(), "SELECT pin_hash FROM maintainer WHERE id = 1");
    if (!hash) {
        return hash.error();
    }
    if (hash->empty()) {
        return makeError("assist.no_maintainer_pin",
                         "no maintainer PIN is set: run kioskctl maintainer-pin set");
    }
    auto status = checkPin(kMaintainer, pin, *hash);
    if (!status && status.error().code == "assist.wrong_pin" && logger_ != nullptr) {
        logger_->log(LogEvent::MaintainerPinRejected);
    }
    return status;
}

} // namespace kiosk
