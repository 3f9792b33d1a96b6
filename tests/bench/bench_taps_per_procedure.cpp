// Prints how many taps, keystrokes and screens the scripted resident needs for each sample
// procedure, from the home screen to the dossier code, typing everything or reading the chip ID
// card first. A figure to lower over time, not a pass/fail test.
//
//   bench_taps_per_procedure
//
// The journey runs through KioskRuntime without SDL: simulated card reader and printer, a real
// outbox in a temporary folder, and the reference gateway on loopback, which answers with the
// dossier code. The resident answers every field (optional ones too) with the synthetic
// answers and ticks no document; a "screen" is each new screen shown, each form step counting
// as one (Bước 1/4, 2/4...) and each opening of a field's editor as one.
#include "kiosk/app/scripted_resident.hpp"
#include "kiosk/dossier/card_prefill.hpp"
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/gateway_client.hpp"
#include "kiosk/outbox/sealed_box.hpp"
#include "kiosk/programs/gateway/gateway_server.hpp"
#include "kiosk/runtime/kiosk_runtime.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace kiosk;

namespace {

// The synthetic resident on the simulated card (content/cards/nguyen-thi-anh-tuyet.json).
constexpr const char* kSimulatedCardIdNumber = "026168004817";
constexpr const char* kBenchKioskId = "bench-taps";
constexpr const char* kBenchKioskSecret = "bench-taps-secret-0123456789";

struct Journey {
    bool reachedCode = false;
    std::string stopped; // where and why it stopped short (ids only, never values)
    TapTally tally;
    int screens = 0;
    int prefilled = 0;
};

// The runtime's loop, as the window runs it, until `done` or a few seconds.
template <typename Done> bool settleUntil(KioskRuntime& runtime, Done done) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (!done() && std::chrono::steady_clock::now() < deadline) {
        runtime.update(std::chrono::steady_clock::now());
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return done();
}

Journey runJourney(KioskRuntime& runtime, const Procedure& procedure, IdentitySource identity) {
    Journey journey;
    const Flow& flow = runtime.flow();
    auto place = [&] { return std::pair(flow.state().screen, flow.state().dossier.groupIndex); };
    auto shown = place();
    journey.screens = 1; // home
    ScriptedResident resident(runtime.flow(), std::chrono::steady_clock::now(), [&] {
        runtime.update(std::chrono::steady_clock::now());
        if (place() != shown) {
            shown = place();
            ++journey.screens;
        }
    });
    auto stop = [&](const std::string& why) {
        journey.stopped = why + " on " + std::string(screenName(flow.state().screen).text());
        journey.tally = resident.tally();
        return journey;
    };

    resident.startProcedure(procedure, identity);
    if (identity == IdentitySource::Card) {
        resident.type(kSimulatedCardIdNumber);
        resident.tap(intent::EditDone{});
        if (!settleUntil(runtime,
                         [&] { return flow.state().dossier.cardStep != CardStep::Reading; }) ||
            flow.state().dossier.cardStep != CardStep::Read) {
            return stop("card not read");
        }
        resident.tap(intent::Next{}); // the details from the card are right
    }
    FieldValues answers =
        syntheticAnswers(procedure, *runtime.catalog(), vietnamTimeFromUnix(nowUnixSeconds()).date);
    // The resident is the person a conditional pre-fill names (the simulated card holder
    // registers her child's birth as the mother), on both journeys so they stay comparable.
    // An answer the card itself gives (the applicant's sex) is left as it is.
    std::set<std::string> chosen;
    for (const FieldGroup& group : procedure.groups) {
        for (const Field& field : group.fields) {
            const Field* asked =
                field.prefillWhen ? procedure.findField(field.prefillWhen->field) : nullptr;
            if (asked != nullptr && !asked->prefill && chosen.insert(asked->id).second) {
                answers[asked->id] = field.prefillWhen->anyOf.front();
            }
        }
    }
    for (int guard = 0; flow.state().screen == Screen::FormGroup; ++guard) {
        if (guard > 20) {
            std::string problems;
            for (const FieldProblem& problem : flow.state().dossier.problems) {
                problems += " " + problem.fieldId + ":" + problem.messageId;
            }
            return stop("form refused" + problems);
        }
        resident.fillCurrentGroup(procedure, answers);
        resident.tap(intent::Next{});
    }
    if (flow.state().screen == Screen::Documents) {
        resident.tap(intent::Next{});
    }
    if (flow.state().screen == Screen::Review) {
        resident.tap(intent::Next{});
    }
    if (flow.state().screen != Screen::Consent) {
        return stop("no consent screen");
    }
    // Counted at the end: some fields fill only once the resident says who they are.
    journey.prefilled = static_cast<int>(flow.state().dossier.prefilled.size());
    resident.tap(intent::SetConsent{true});
    resident.tap(intent::Submit{});
    const SubmissionOutcome& outcome = flow.state().dossier.outcome;
    if (!settleUntil(runtime, [&] {
            return flow.state().screen == Screen::Result &&
                   outcome.state != SubmissionState::Sending;
        })) {
        return stop("no result");
    }
    if (flow.state().screen != shown.first) {
        ++journey.screens;
    }
    journey.reachedCode = !outcome.dossierCode.empty();
    journey.tally = resident.tally();
    if (!journey.reachedCode) {
        return stop("no dossier code (queued or failed)");
    }
    resident.tap(intent::Finish{}); // wiped, back home for the next journey
    return journey;
}

std::string cells(const Journey& j) {
    char text[64];
    if (!j.stopped.empty() && !j.reachedCode) {
        return "stopped";
    }
    std::snprintf(text, sizeof text, "%5d %5d %5d %6d", j.tally.taps, j.tally.keystrokes,
                  j.tally.taps + j.tally.keystrokes, j.screens);
    return text;
}

} // namespace

int main() {
    initialiseHttp();
    testing::TempDir dir;
    X25519KeyPair keys = generateX25519KeyPair().value();
    GatewayServerOptions serverOptions;
    serverOptions.database = dir / "gateway.db";
    serverOptions.privateKey = keys.privateKey;
    serverOptions.kioskSecrets[kBenchKioskId] = kBenchKioskSecret;
    auto server = GatewayServer::create(serverOptions, nullptr).value();
    int port = server->start("127.0.0.1", 0).value();

    if (!writeKeyFile(dir / "gateway.pub", keys.publicKey, false)) {
        std::fprintf(stderr, "cannot write the gateway key\n");
        return 1;
    }
    std::ofstream(dir / "kiosk.secret") << kBenchKioskSecret << "\n";
    std::filesystem::permissions(dir / "kiosk.secret", std::filesystem::perms::owner_read |
                                                           std::filesystem::perms::owner_write);
    Config config;
    config.devices.printer = DeviceChoice::Simulated;
    config.devices.cardReader = DeviceChoice::Simulated;
    config.gateway.url = "http://127.0.0.1:" + std::to_string(port);
    config.gateway.kioskId = kBenchKioskId;
    config.gateway.gatewayPublicKeyFile = dir / "gateway.pub";
    config.gateway.credentialFile = dir / "kiosk.secret";
    config.paths.dataDir = dir / "data";
    config.paths.contentDir = dir / "content"; // no pack there: the source tree's sample content
    std::filesystem::create_directories(config.paths.dataDir);
    std::ostringstream logs;
    Logger logger(logs);
    KioskRuntime runtime(config, logger, simulatedRuntimeOptions());
    runtime.startServices();
    const ProcedureCatalog* catalog = runtime.catalog();
    if (catalog == nullptr) {
        std::fprintf(stderr, "no content: %s\n", runtime.contentProblem().c_str());
        return 1;
    }

    std::printf("taps per procedure: scripted resident, home screen to dossier code\n");
    std::printf("(taps = buttons/rows/pickers; keys = on-screen keyboard; screens shown)\n\n");
    std::printf("%-16s | %-24s | %-24s | %s\n", "", "typed by hand", "chip ID card first", "");
    std::printf("%-9s %-6s | %5s %5s %5s %6s | %5s %5s %5s %6s | %s\n", "procedure", "fields",
                "taps", "keys", "total", "screens", "taps", "keys", "total", "screens",
                "pre-filled");
    int totalTyped = 0;
    int totalCard = 0;
    std::vector<std::string> notes;
    for (const Procedure& procedure : catalog->procedures) {
        int fields = 0;
        for (const FieldGroup& group : procedure.groups) {
            fields += static_cast<int>(group.fields.size());
        }
        Journey typed = runJourney(runtime, procedure, IdentitySource::Typed);
        if (runtime.state().active) {
            runtime.apply(intent::StartOver{}, std::chrono::steady_clock::now());
        }
        Journey card = runJourney(runtime, procedure, IdentitySource::Card);
        if (runtime.state().active) {
            runtime.apply(intent::StartOver{}, std::chrono::steady_clock::now());
        }
        std::printf("%-9s %6d | %s | %s | %d\n", procedure.code.c_str(), fields,
                    cells(typed).c_str(), cells(card).c_str(), card.prefilled);
        for (const Journey* j : {&typed, &card}) {
            if (!j->stopped.empty()) {
                notes.push_back(procedure.code + (j == &typed ? " typed: " : " card: ") +
                                j->stopped);
            }
        }
        totalTyped += typed.tally.taps + typed.tally.keystrokes;
        totalCard += card.tally.taps + card.tally.keystrokes;
    }
    std::printf("\nall procedures: %d touches typed, %d with the card (%+d)\n", totalTyped,
                totalCard, totalCard - totalTyped);
    for (const std::string& note : notes) {
        std::printf("note: %s\n", note.c_str());
    }
    server->stop();
    return 0;
}
