// Fault injection for every SQLite store: ENOSPC, EIO and EROFS at each kind of write (write,
// fsync, open), through a test VFS. Nothing acknowledged is lost, nothing that is not corrupt is
// moved aside, the fault is logged once and shown, and the store recovers when the fault clears.
#include "kiosk/assist/volunteer_store.hpp"
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/outbox.hpp"
#include "kiosk/outbox/sender.hpp"
#include "kiosk/programs/gateway/gateway_store.hpp"
#include "kiosk/usage/usage_log.hpp"
#include "tests/kiosk/storage/fault_vfs.hpp"
#include "tests/kiosk/usage/usage_test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono;

namespace {

const std::int64_t kStoreFaultsMorning = unixFromVietnamTime({{2026, 11, 25}, 10, 0, 0});

struct Fault {
    FaultOp op;
    int error;
};
const Fault kFaults[] = {{FaultOp::Write, ENOSPC}, {FaultOp::Write, EIO}, {FaultOp::Write, EROFS},
                         {FaultOp::Sync, ENOSPC},  {FaultOp::Sync, EIO},  {FaultOp::Sync, EROFS}};
const Fault kOpenFaults[] = {{FaultOp::Open, ENOSPC}, {FaultOp::Open, EIO}, {FaultOp::Open, EROFS}};

// The fault SQLite (and so the store) reports for an errno at a kind of call, as os_unix.c does.
StoreFault expectedFault(Fault fault) {
    if (fault.op == FaultOp::Write) {
        return fault.error == ENOSPC ? StoreFault::Full : StoreFault::IoError;
    }
    if (fault.op == FaultOp::Sync) {
        return StoreFault::IoError;
    }
    // open: SQLite opens an existing file read-only on a read-only file system, but a WAL
    // database then cannot create its -wal and -shm files, so every fault at open is "cannot
    // open" (the data partition's own state says read-only: data_partition.hpp).
    return StoreFault::NoAccess;
}

std::string label(Fault fault) {
    return std::string(errnoName(fault.error)) + " at " + faultOpName(fault.op);
}

bool anyMovedAside(const std::filesystem::path& dir) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().filename().string().find(".corrupt-") != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

// One row of the table in the closing note; printed when KIOSK_FAULT_TABLE is set.
void report(const std::string& store, const std::string& fault, const std::string& outcome) {
    if (std::getenv("KIOSK_FAULT_TABLE") != nullptr) {
        std::cout << "| " << store << " | " << fault << " | " << outcome << " |\n";
    }
}

CommitRequest dossier(std::int64_t now) {
    CommitRequest request;
    request.procedureCode = "1.001193";
    request.now = now;
    request.appointmentAt = now + 3600;
    request.buildPayload = [](const std::string& reference) {
        return nlohmann::json{{"SoThamChieu", reference}, {"ChuHoSo", "Nguyễn Thị Bí Mật"}};
    };
    return request;
}

OutboxOptions outboxOptions(Logger* logger) {
    OutboxOptions options;
    options.gatewayPublicKey = generateX25519KeyPair()->publicKey;
    options.logger = logger;
    options.firstRetry = milliseconds(20);
    return options;
}

std::set<std::string> references(const std::filesystem::path& file) {
    auto outbox = Outbox::open(file, OutboxOptions{});
    REQUIRE(outbox.ok());
    auto entries = (*outbox)->list();
    REQUIRE(entries.ok());
    std::set<std::string> found;
    for (const OutboxEntry& entry : *entries) {
        found.insert(entry.localReference);
    }
    CHECK(found.size() == entries->size()); // never the same reference twice
    return found;
}

} // namespace

TEST_CASE("the outbox refuses a dossier it cannot store, keeps every acknowledged one, and "
          "recovers when the fault clears",
          "[storage][outbox]") {
    for (Fault fault : kFaults) {
        DYNAMIC_SECTION(label(fault)) {
            TempDir dir;
            std::ostringstream logText;
            Logger logger(logText);
            FaultVfs vfs;
            std::set<std::string> acknowledged;
            {
                auto outbox = Outbox::openOrRetry(dir / "outbox.db", outboxOptions(&logger));
                auto first = outbox->commit(dossier(kStoreFaultsMorning));
                REQUIRE(first.ok());
                acknowledged.insert(first->localReference);

                vfs.inject({fault.op, fault.error, "outbox"});
                for (int i = 0; i < 3; ++i) {
                    auto refused = outbox->commit(dossier(kStoreFaultsMorning + 60 + i));
                    REQUIRE_FALSE(refused.ok());
                    CHECK(storeFaultOf(refused.error()) == expectedFault(fault));
                }
                CHECK(outbox->health().fault == expectedFault(fault));
                CHECK(occurrences(logText.str(), "\"storage_fault\"") == 1); // once, not thrice
                CHECK(std::filesystem::exists(dir / "outbox.db"));
                CHECK_FALSE(anyMovedAside(dir.path()));

                vfs.clear();
                auto after = outbox->commit(dossier(kStoreFaultsMorning + 120));
                REQUIRE(after.ok());
                acknowledged.insert(after->localReference);
                CHECK(outbox->health().ok());
                CHECK(logText.str().find("\"storage_recovered\"") != std::string::npos);
            }
            std::set<std::string> stored = references(dir / "outbox.db");
            for (const std::string& reference : acknowledged) {
                CHECK(stored.count(reference) == 1);
            }
            report("outbox", label(fault),
                   "commit refused (outbox." + std::string(storeFaultName(expectedFault(fault))) +
                       "), 1 storage_fault line, file kept, recovered, 2/2 acknowledged kept");
        }
    }
}

TEST_CASE("an outbox that cannot be opened says why, refuses dossiers, and opens by itself later",
          "[storage][outbox]") {
    for (Fault fault : kOpenFaults) {
        DYNAMIC_SECTION(label(fault)) {
            TempDir dir;
            std::string acknowledged;
            {
                auto outbox = Outbox::open(dir / "outbox.db", outboxOptions(nullptr));
                REQUIRE(outbox.ok());
                acknowledged = (*outbox)->commit(dossier(kStoreFaultsMorning))->localReference;
            }
            std::ostringstream logText;
            Logger logger(logText);
            FaultVfs vfs;
            vfs.inject({fault.op, fault.error, "outbox"});
            auto outbox = Outbox::openOrRetry(dir / "outbox.db", outboxOptions(&logger));
            CHECK_FALSE(outbox->acceptsDossiers());
            CHECK(outbox->health().fault == expectedFault(fault));
            CHECK_FALSE(outbox->commit(dossier(kStoreFaultsMorning + 60)).ok());
            CHECK(logText.str().find("\"storage_fault\"") != std::string::npos);
            CHECK_FALSE(anyMovedAside(dir.path()));

            vfs.clear();
            std::this_thread::sleep_for(milliseconds(100)); // past the first retry (20 ms here)
            // The read-only fallback opened the file read-only: it must be reopened writable.
            bool accepts = false;
            for (int i = 0; i < 20 && !accepts; ++i) {
                accepts = outbox->acceptsDossiers() &&
                          outbox->commit(dossier(kStoreFaultsMorning + 120)).ok();
                std::this_thread::sleep_for(milliseconds(50));
            }
            CHECK(accepts);
            CHECK(outbox->health().ok());
            outbox.reset();
            CHECK(references(dir / "outbox.db").count(acknowledged) == 1);
            report("outbox", label(fault),
                   std::string("not opened (") + std::string(storeFaultName(expectedFault(fault))) +
                       "), dossiers refused, file kept, reopened by itself, acknowledged kept");
        }
    }
}

TEST_CASE("the Nth write of a commit failing never loses an acknowledged dossier nor repeats a "
          "reference",
          "[storage][outbox]") {
    // How many writes and fsyncs one commit makes, to fail each of them in turn.
    int writes = 0;
    int syncs = 0;
    {
        TempDir dir;
        FaultVfs vfs;
        auto outbox = Outbox::open(dir / "outbox.db", outboxOptions(nullptr));
        REQUIRE(outbox.ok());
        REQUIRE((*outbox)->commit(dossier(kStoreFaultsMorning)).ok());
        vfs.resetWear();
        REQUIRE((*outbox)->commit(dossier(kStoreFaultsMorning + 1)).ok());
        for (const auto& [file, wear] : vfs.wear()) {
            writes += static_cast<int>(wear.writes);
            syncs += static_cast<int>(wear.syncs);
        }
    }
    REQUIRE(writes > 0);
    REQUIRE(syncs > 0);
    for (FaultOp op : {FaultOp::Write, FaultOp::Sync}) {
        int calls = op == FaultOp::Write ? writes : syncs;
        for (int n = 0; n < calls; ++n) {
            for (int error : {ENOSPC, EIO}) {
                TempDir dir;
                FaultVfs vfs;
                std::set<std::string> acknowledged;
                std::set<std::string> handedOut;
                {
                    auto outbox = Outbox::open(dir / "outbox.db", outboxOptions(nullptr));
                    REQUIRE(outbox.ok());
                    acknowledged.insert(
                        (*outbox)->commit(dossier(kStoreFaultsMorning))->localReference);
                    vfs.inject({op, error, "", n, 1});
                    auto maybe = (*outbox)->commit(dossier(kStoreFaultsMorning + 1));
                    if (maybe) {
                        acknowledged.insert(maybe->localReference);
                    }
                    auto next = (*outbox)->commit(dossier(kStoreFaultsMorning + 2));
                    INFO(faultOpName(op) << " #" << n << " " << errnoName(error));
                    REQUIRE(next.ok());
                    CHECK(acknowledged.count(next->localReference) == 0);
                    acknowledged.insert(next->localReference);
                }
                std::set<std::string> stored = references(dir / "outbox.db");
                for (const std::string& reference : acknowledged) {
                    INFO(faultOpName(op) << " #" << n << " " << errnoName(error));
                    CHECK(stored.count(reference) == 1);
                }
                CHECK_FALSE(anyMovedAside(dir.path()));
            }
        }
    }
    report("outbox",
           "each of a commit's " + std::to_string(writes) + " writes and " + std::to_string(syncs) +
               " fsyncs failing once (ENOSPC, EIO)",
           "every acknowledged dossier kept, no reference repeated, nothing moved aside");
}

TEST_CASE("a damaged outbox is found at start, logged, kept, and keeps residents out",
          "[storage][outbox]") {
    TempDir dir;
    {
        auto outbox = Outbox::open(dir / "outbox.db", outboxOptions(nullptr));
        REQUIRE(outbox.ok());
        for (int i = 0; i < 40; ++i) {
            REQUIRE((*outbox)->commit(dossier(kStoreFaultsMorning + i)).ok());
        }
    }
    // Flip bytes in a b-tree page past the header (page 3 onwards).
    std::string bytes = readFile(dir / "outbox.db");
    REQUIRE(bytes.size() > 4 * 4096);
    for (std::size_t i = 2 * 4096 + 8; i < 2 * 4096 + 64; ++i) {
        bytes[i] = static_cast<char>(~bytes[i]);
    }
    writeFile(dir / "outbox.db", bytes);
    std::ostringstream logText;
    Logger logger(logText);
    auto outbox = Outbox::openOrRetry(dir / "outbox.db", outboxOptions(&logger));
    CHECK_FALSE(outbox->acceptsDossiers());
    CHECK(outbox->health().fault == StoreFault::Corrupt);
    CHECK_FALSE(outbox->commit(dossier(kStoreFaultsMorning + 100)).ok());
    CHECK(logText.str().find("\"storage_damaged\"") != std::string::npos);
    CHECK(readFile(dir / "outbox.db") == bytes); // left for a maintainer to recover
    CHECK_FALSE(anyMovedAside(dir.path()));
    report("outbox", "flipped b-tree page",
           "quick_check fails at start: storage_damaged, "
           "dossiers refused, file untouched");
}

TEST_CASE("a lost outbox WAL is detected and the next reference does not repeat",
          "[storage][outbox]") {
    TempDir dir;
    std::filesystem::create_directories(dir / "crashed");
    std::set<std::string> issued;
    {
        auto outbox = Outbox::open(dir / "outbox.db", outboxOptions(nullptr));
        REQUIRE(outbox.ok());
        issued.insert((*outbox)->commit(dossier(kStoreFaultsMorning))->localReference);
        // The first dossier reached the main file (a checkpoint ran); the next two are only in
        // the WAL, as the outbox checkpoints every 64 pages.
        sqlite3* other = nullptr;
        REQUIRE(sqlite3_open((dir / "outbox.db").c_str(), &other) == SQLITE_OK);
        REQUIRE(sqlite3_exec(other, "PRAGMA wal_checkpoint(TRUNCATE);", nullptr, nullptr,
                             nullptr) == SQLITE_OK);
        sqlite3_close(other);
        issued.insert((*outbox)->commit(dossier(kStoreFaultsMorning + 60))->localReference);
        issued.insert((*outbox)->commit(dossier(kStoreFaultsMorning + 120))->localReference);
        // The power goes and the WAL is lost: only the main file and the ledger survive.
        std::filesystem::copy_file(dir / "outbox.db", dir / "crashed" / "outbox.db");
        std::filesystem::copy_file(dir / "outbox-ledger.db", dir / "crashed" / "outbox-ledger.db");
    }
    std::ostringstream logText;
    Logger logger(logText);
    auto outbox = Outbox::openOrRetry(dir / "crashed" / "outbox.db", outboxOptions(&logger));
    CHECK(outbox->lostDossiers() == 2);
    CHECK(logText.str().find("\"outbox_dossiers_lost\"") != std::string::npos);
    auto next = outbox->commit(dossier(kStoreFaultsMorning + 180));
    REQUIRE(next.ok());
    CHECK(issued.count(next->localReference) == 0);
    CHECK(next->localReference == "VT-20261125-0004");
    // Reported once: the next start finds nothing new missing.
    outbox.reset();
    std::ostringstream again;
    Logger secondLogger(again);
    auto reopened =
        Outbox::openOrRetry(dir / "crashed" / "outbox.db", outboxOptions(&secondLogger));
    CHECK(reopened->lostDossiers() == 2);
    CHECK(again.str().find("outbox_dossiers_lost") == std::string::npos);
}

TEST_CASE("a deleted outbox does not restart the references", "[storage][outbox]") {
    TempDir dir;
    {
        auto outbox = Outbox::open(dir / "outbox.db", outboxOptions(nullptr));
        REQUIRE(outbox.ok());
        REQUIRE((*outbox)->commit(dossier(kStoreFaultsMorning))->localReference ==
                "VT-20261125-0001");
    }
    for (const char* name : {"outbox.db", "outbox.db-wal", "outbox.db-shm"}) {
        std::filesystem::remove(dir / name);
    }
    auto outbox = Outbox::open(dir / "outbox.db", outboxOptions(nullptr));
    REQUIRE(outbox.ok());
    CHECK((*outbox)->lostDossiers() == 1);
    CHECK((*outbox)->commit(dossier(kStoreFaultsMorning + 60))->localReference ==
          "VT-20261125-0002");
}

TEST_CASE("the usage log keeps its file through full, read-only and failing disks and "
          "recovers",
          "[storage][usage]") {
    for (Fault fault : kFaults) {
        DYNAMIC_SECTION(label(fault)) {
            TempDir dir;
            std::ostringstream logText;
            Logger logger(logText);
            FaultVfs vfs;
            FakeWallClock clock(localTime(sys_days(year(2026) / November / day(25)), 9));
            UsageLogOptions options;
            options.databasePath = dir / "usage.db";
            options.flushInterval = hours(1);
            options.firstRetry = milliseconds(20);
            UsageSession session{*newUsageSessionId(), Assisted::No, 0};
            std::int64_t stored = 2;
            {
                UsageLog log(options, &logger, clock.function());
                log.record(UsageEvent::sessionStarted(session, Language::Vietnamese));
                log.flush();
                vfs.inject({fault.op, fault.error, "usage"});
                for (int i = 0; i < 3; ++i) {
                    log.record(UsageEvent::sessionStarted(session, Language::Vietnamese));
                    log.flush();
                }
                UsageAlert alert = log.alert();
                CHECK(alert.movedAsideTo.empty());
                CHECK_FALSE(anyMovedAside(dir.path()));
                if (fault.op == FaultOp::Sync) {
                    // synchronous=NORMAL: a usage commit needs no fsync (only a checkpoint
                    // does), so a failing fsync does not stop the batches.
                    CHECK(alert.droppedEvents == 0);
                    stored = 5;
                } else {
                    CHECK(alert.storage.fault == expectedFault(fault));
                    CHECK(alert.needsAttention());
                    CHECK(alert.droppedEvents == 3);
                    CHECK(occurrences(logText.str(), "\"storage_fault\"") == 1);
                }
                vfs.clear();
                log.record(UsageEvent::sessionStarted(session, Language::Vietnamese));
                log.flush();
                CHECK(log.alert().storage.ok());
                CHECK(log.health() == UsageHealth::Ok);
            }
            // The event before the fault and the one after it are both there.
            CHECK(queryCount(dir / "usage.db", "SELECT count(*) FROM usage_event") == stored);
            report("usage", label(fault),
                   fault.op == FaultOp::Sync
                       ? std::string("commits need no fsync (synchronous=NORMAL): all stored")
                       : "batch dropped and counted, usage." +
                             std::string(storeFaultName(expectedFault(fault))) +
                             " on maintainer screen, file kept, recovered, earlier rows kept");
        }
    }
}

TEST_CASE("a usage database that cannot be opened is left in place and opened once it can be",
          "[storage][usage]") {
    for (Fault fault : kOpenFaults) {
        DYNAMIC_SECTION(label(fault)) {
            TempDir dir;
            FakeWallClock clock(localTime(sys_days(year(2026) / November / day(25)), 9));
            UsageLogOptions options;
            options.databasePath = dir / "usage.db";
            options.flushInterval = milliseconds(30);
            options.firstRetry = milliseconds(20);
            UsageSession session{*newUsageSessionId(), Assisted::No, 0};
            {
                UsageLog log(options, nullptr, clock.function());
                log.record(UsageEvent::sessionStarted(session, Language::Vietnamese));
                log.flush();
            }
            std::ostringstream logText;
            Logger logger(logText);
            FaultVfs vfs;
            vfs.inject({fault.op, fault.error, "usage"});
            {
                UsageLog log(options, &logger, clock.function());
                log.record(UsageEvent::sessionStarted(session, Language::Vietnamese));
                log.flush();
                CHECK_FALSE(log.alert().storage.ok());
                CHECK_FALSE(anyMovedAside(dir.path()));
                CHECK(logText.str().find("usage_database_moved_aside") == std::string::npos);
                vfs.clear();
                bool recovered = false;
                for (int i = 0; i < 40 && !recovered; ++i) {
                    std::this_thread::sleep_for(milliseconds(50));
                    log.record(UsageEvent::sessionStarted(session, Language::Vietnamese));
                    log.flush();
                    recovered = log.health() == UsageHealth::Ok && log.alert().storage.ok();
                }
                CHECK(recovered);
            }
            CHECK(queryCount(dir / "usage.db", "SELECT count(*) FROM usage_event") >= 2);
            report("usage", label(fault),
                   "not opened (" + std::string(storeFaultName(expectedFault(fault))) +
                       "), events dropped and counted, file kept, reopened by itself");
        }
    }
}

TEST_CASE("the volunteer store refuses a change it cannot store and keeps every volunteer",
          "[storage][assist]") {
    VolunteerStoreOptions options;
    options.hashParams = PinHashParams{1 << 10, 8, 1};
    auto wall = [] { return system_clock::now(); };
    for (Fault fault : kFaults) {
        DYNAMIC_SECTION(label(fault)) {
            TempDir dir;
            FaultVfs vfs;
            std::set<std::string> added;
            {
                auto store = VolunteerStore::open(dir / "assist.db", options, nullptr, wall);
                REQUIRE(store.ok());
                added.insert((*store)->addVolunteer("Chị Lan", "2580")->id);
                vfs.inject({fault.op, fault.error, "assist"});
                auto refused = (*store)->addVolunteer("Anh Minh", "3691");
                REQUIRE_FALSE(refused.ok());
                CHECK(storeFaultOf(refused.error()) == expectedFault(fault));
                CHECK_FALSE((*store)->setMaintainerPin("802417").ok());
                CHECK_FALSE(anyMovedAside(dir.path()));
                vfs.clear();
                auto after = (*store)->addVolunteer("Anh Minh", "3691");
                REQUIRE(after.ok());
                added.insert(after->id);
            }
            auto store = VolunteerStore::open(dir / "assist.db", options, nullptr, wall);
            REQUIRE(store.ok());
            std::set<std::string> kept;
            auto listed = (*store)->listVolunteers();
            REQUIRE(listed.ok());
            for (const Volunteer& volunteer : *listed) {
                kept.insert(volunteer.id);
            }
            CHECK(kept == added);
            report("volunteers", label(fault),
                   "change refused (" + std::string(storeFaultName(expectedFault(fault))) +
                       "), file kept, next change stored, all volunteers kept");
        }
    }
}

TEST_CASE("a volunteer store that cannot be opened is left alone: a corrupt one is moved aside",
          "[storage][assist]") {
    VolunteerStoreOptions options;
    options.hashParams = PinHashParams{1 << 10, 8, 1};
    auto wall = [] { return system_clock::now(); };
    for (Fault fault : kOpenFaults) {
        DYNAMIC_SECTION(label(fault)) {
            TempDir dir;
            {
                auto store = VolunteerStore::open(dir / "assist.db", options, nullptr, wall);
                REQUIRE(store.ok());
                REQUIRE((*store)->addVolunteer("Chị Lan", "2580").ok());
            }
            std::ostringstream logText;
            Logger logger(logText);
            {
                FaultVfs vfs;
                vfs.inject({fault.op, fault.error, "assist"});
                auto store = VolunteerStore::open(dir / "assist.db", options, &logger, wall);
                if (store) {
                    // EROFS: opened read-only; reading works, writing is refused.
                    CHECK((*store)->listVolunteers()->size() == 1);
                    auto refused = (*store)->addVolunteer("Anh Minh", "3691");
                    REQUIRE_FALSE(refused.ok());
                    CHECK(storeFaultOf(refused.error()) == StoreFault::ReadOnly);
                } else {
                    CHECK(storeFaultOf(store.error()) == expectedFault(fault));
                    CHECK(logText.str().find("\"storage_fault\"") != std::string::npos);
                }
                CHECK_FALSE(anyMovedAside(dir.path()));
            }
            auto store = VolunteerStore::open(dir / "assist.db", options, nullptr, wall);
            REQUIRE(store.ok());
            CHECK((*store)->listVolunteers()->size() == 1);
            report("volunteers", label(fault),
                   "not opened or read-only, logged, file kept, "
                   "opens normally once the fault clears");
        }
    }
    SECTION("corrupt") {
        TempDir dir;
        std::string garbage(8192, '\x5a');
        writeFile(dir / "assist.db", garbage);
        std::ostringstream logText;
        Logger logger(logText);
        auto store = VolunteerStore::open(dir / "assist.db", options, &logger, wall);
        REQUIRE(store.ok());
        CHECK(anyMovedAside(dir.path()));
        CHECK(logText.str().find("\"storage_moved_aside\"") != std::string::npos);
        report("volunteers", "not a database", "moved aside, storage_moved_aside, fresh store");
    }
}

TEST_CASE("the gateway store refuses a dossier it cannot store and keeps every stored one",
          "[storage][gateway]") {
    auto request = [](int n) {
        SubmitRequest r;
        r.idempotencyKey = toHex(randomBytes(16), LetterCase::Lower);
        r.kioskId = "vinh-tuong-01";
        r.localReference = "VT-20261125-000" + std::to_string(n);
        r.procedureCode = "1.001193";
        r.submittedAt = "20261125100000";
        r.sealedPayload = randomBytes(300);
        return r;
    };
    for (Fault fault : kFaults) {
        DYNAMIC_SECTION(label(fault)) {
            TempDir dir;
            FaultVfs vfs;
            std::set<std::string> codes;
            {
                auto store = GatewayStore::open(dir / "gateway.db", "000.00.00.K01");
                REQUIRE(store.ok());
                auto first =
                    (*store)->storeOrReplay(request(1), "20261125100000", "20261126100000");
                REQUIRE(first.ok());
                codes.insert(first->second.dossierCode);
                vfs.inject({fault.op, fault.error, "gateway"});
                CHECK_FALSE(
                    (*store)->storeOrReplay(request(2), "20261125100100", "20261126100000").ok());
                CHECK_FALSE(anyMovedAside(dir.path()));
                vfs.clear();
                auto after =
                    (*store)->storeOrReplay(request(3), "20261125100200", "20261126100000");
                REQUIRE(after.ok());
                codes.insert(after->second.dossierCode);
            }
            auto store = GatewayStore::open(dir / "gateway.db", "000.00.00.K01");
            REQUIRE(store.ok());
            for (const std::string& code : codes) {
                auto found = (*store)->findByCode(code);
                REQUIRE(found.ok());
                CHECK(found->has_value());
            }
            report("gateway", label(fault),
                   "dossier refused (kiosk retries), file kept, next stored, all stored kept");
        }
    }
    for (Fault fault : kOpenFaults) {
        DYNAMIC_SECTION(label(fault)) {
            TempDir dir;
            REQUIRE(GatewayStore::open(dir / "gateway.db", "000.00.00.K01").ok());
            FaultVfs vfs;
            vfs.inject({fault.op, fault.error, "gateway"});
            auto store = GatewayStore::open(dir / "gateway.db", "000.00.00.K01");
            if (store) {
                CHECK(fault.error == EROFS); // opened read-only; its writes are refused
                CHECK_FALSE(
                    (*store)->storeOrReplay(request(1), "20261125100000", "20261126100000").ok());
            } else {
                CHECK(storeFaultOf(store.error()) == expectedFault(fault));
                CHECK(store.error().code.rfind("gateway.", 0) == 0);
            }
            CHECK_FALSE(anyMovedAside(dir.path()));
            report("gateway", label(fault), "open refused or read-only, file kept");
        }
    }
    SECTION("corrupt") {
        TempDir dir;
        writeFile(dir / "gateway.db", std::string(8192, '\x5a'));
        auto store = GatewayStore::open(dir / "gateway.db", "000.00.00.K01");
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().code == "gateway.corrupt");
        CHECK(readFile(dir / "gateway.db") == std::string(8192, '\x5a'));
        report("gateway", "not a database", "gateway.corrupt at open, file untouched");
    }
}

namespace {

// Counts the sender's requests and answers each as the network being down.
class CountingClient : public GatewayClient {
public:
    int submits = 0;
    GatewayOutcome<SubmitReceipt> submit(const SubmitRequest&) override {
        ++submits;
        GatewayOutcome<SubmitReceipt> outcome;
        outcome.failure = GatewayFailure{FailureKind::Offline, "offline", 0, std::nullopt};
        return outcome;
    }
    GatewayOutcome<StatusReply> status(const std::string&) override { return {}; }
    GatewayOutcome<bool> report(const std::string&, const std::string&) override { return {}; }
};

} // namespace

TEST_CASE("a storage error on the sender's path is logged once per change, and the sender "
          "carries on when it clears",
          "[storage][outbox]") {
    TempDir dir;
    std::ostringstream logText;
    Logger logger(logText);
    FaultVfs vfs;
    auto outbox = Outbox::openOrRetry(dir / "outbox.db", outboxOptions(&logger));
    REQUIRE(outbox->commit(dossier(kStoreFaultsMorning)).ok());
    CountingClient client;
    SenderOptions options;
    options.now = [] { return kStoreFaultsMorning + 10; };
    Sender sender(*outbox, client, options, &logger);
    // The attempt's outcome cannot be written: each pass stops there (no busy loop on the same
    // dossier), and the fault is one log line, not five.
    vfs.inject({FaultOp::Write, EIO, "outbox"});
    for (int i = 0; i < 5; ++i) {
        sender.deliverDueNow();
    }
    CHECK(client.submits == 5);
    CHECK(occurrences(logText.str(), "\"storage_fault\"") == 1);
    CHECK(outbox->health().fault == StoreFault::IoError);
    vfs.clear();
    DeliveryPass pass = sender.deliverDueNow();
    CHECK(client.submits == 6); // offline: tried, and rescheduled, which is a write
    CHECK(pass.failed == 1);
    CHECK(outbox->health().ok());
    CHECK(occurrences(logText.str(), "\"storage_recovered\"") == 1);
    report("outbox sender", "EIO at write (5 passes)",
           "1 storage_fault line for 5 passes, one attempt per pass, carries on when cleared");
}
