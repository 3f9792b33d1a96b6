// Chaos: 200 dossiers from a client process SIGKILLed at random while the gateway misbehaves.
#include "tests/kiosk/gateway/gateway_rig.hpp"

#include <csignal>
#include <cstdio>
#include <iostream>
#include <random>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk;

namespace {

pid_t spawnClient(const std::vector<std::string>& args) {
    // Buffered test output would otherwise be printed again by the child.
    std::cout.flush();
    std::fflush(stdout);
    pid_t child = ::fork();
    if (child == 0) {
        std::vector<char*> argv;
        for (const std::string& arg : args) {
            argv.push_back(const_cast<char*>(arg.c_str()));
        }
        argv.push_back(nullptr);
        // Keep the test's output clean; the client prints one line when it finishes.
        std::freopen("/dev/null", "w", stdout);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return child;
}

} // namespace

TEST_CASE("chaos: every dossier is delivered exactly once despite kills and faults",
          "[outbox][gateway][chaos]") {
    constexpr int kDossiers = 200;
    constexpr int kMaxKills = 25;
    testing::GatewayRig rig(testing::GatewayRig::Transport::Http, [](GatewayServerOptions& o) {
        o.randomFaultRate = 0.3;
        o.seed = 2026;
        o.slowDelay = std::chrono::milliseconds(1500); // the client gives up after 1000 ms
        o.retryAfterSeconds = 1;
    });
    REQUIRE(writeKeyFile(rig.dir / "gateway.pub", rig.keys.publicKey, false).ok());
    std::vector<std::string> args = {KIOSK_CHAOS_CLIENT,
                                     "--db",
                                     (rig.dir / "chaos-outbox.db").string(),
                                     "--url",
                                     rig.endpoint.baseUrl,
                                     "--pub",
                                     (rig.dir / "gateway.pub").string(),
                                     "--kiosk",
                                     testing::kKioskId,
                                     "--secret",
                                     testing::kKioskSecret,
                                     "--count",
                                     std::to_string(kDossiers)};
    std::mt19937 random(42);
    std::uniform_int_distribution<int> killAfterMs(30, 1200);
    int kills = 0;
    int runs = 0;
    int exitCode = -1;
    for (;;) {
        ++runs;
        pid_t child = spawnClient(args);
        REQUIRE(child > 0);
        int status = 0;
        bool finished = false;
        if (kills < kMaxKills) {
            auto deadline =
                std::chrono::steady_clock::now() + std::chrono::milliseconds(killAfterMs(random));
            while (std::chrono::steady_clock::now() < deadline) {
                if (::waitpid(child, &status, WNOHANG) == child) {
                    finished = true;
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
            if (!finished) {
                ::kill(child, SIGKILL);
                ::waitpid(child, &status, 0);
                ++kills;
                continue;
            }
        } else {
            // Enough chaos: let this run finish (bounded by the test's own timeout).
            REQUIRE(::waitpid(child, &status, 0) == child);
            finished = true;
        }
        REQUIRE(WIFEXITED(status));
        exitCode = WEXITSTATUS(status);
        break;
    }
    CHECK(exitCode == 0);

    auto arrived = rig.received();
    std::set<std::string> keys;
    std::set<std::string> references;
    std::set<int> indexes;
    int undecryptable = 0;
    for (const OpenedDossier& dossier : arrived) {
        keys.insert(dossier.stored.idempotencyKey);
        references.insert(dossier.stored.localReference);
        if (!dossier.payload) {
            ++undecryptable;
            continue;
        }
        indexes.insert((*dossier.payload)["ChaosIndex"].get<int>());
    }
    OutboxOptions outboxOptions;
    outboxOptions.gatewayPublicKey = rig.keys.publicKey;
    auto clientOutbox = Outbox::open(rig.dir / "chaos-outbox.db", outboxOptions).value();
    auto rows = clientOutbox->list().value();
    std::map<std::string, std::string> codeByReference;
    for (const OpenedDossier& dossier : arrived) {
        codeByReference[dossier.stored.localReference] = dossier.stored.dossierCode;
    }
    int delivered = 0;
    int codesMatch = 0;
    for (const OutboxEntry& row : rows) {
        delivered += row.state == OutboxState::Delivered ? 1 : 0;
        codesMatch += codeByReference[row.localReference] == row.dossierCode ? 1 : 0;
    }
    auto stats = rig.server->stats();
    std::cout << "chaos: " << runs << " client runs, " << kills << " SIGKILLs, " << stats.faults
              << " injected faults, " << stats.stored << " stored, " << stats.replayed
              << " replays answered, " << arrived.size() << " dossiers at the gateway, "
              << delivered << " delivered in the outbox\n";

    CHECK(rows.size() == kDossiers);
    CHECK(arrived.size() == kDossiers);
    CHECK(keys.size() == kDossiers);
    CHECK(references.size() == kDossiers);
    CHECK(indexes.size() == kDossiers);
    CHECK(*indexes.begin() == 0);
    CHECK(*indexes.rbegin() == kDossiers - 1);
    CHECK(undecryptable == 0);
    CHECK(delivered == kDossiers);
    CHECK(codesMatch == kDossiers);
    CHECK(stats.stored == kDossiers);
    CHECK(kills > 0);
    CHECK(stats.faults > 0);
}
