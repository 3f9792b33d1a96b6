// The volunteer's "reprint last receipt" on the services worker with the simulated printer: the
// same slip again, nothing before a receipt exists, and a paper-out that keeps the receipt.
#include "drivers/printer/simulated_printer.hpp"
#include "kiosk/app/kiosk_services.hpp"
#include "kiosk/app/scripted_resident.hpp"
#include "kiosk/outbox/sealed_box.hpp"
#include "kiosk/procedure/procedure_loader.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct KioskServicesReprintFixture {
    std::filesystem::path dir;
    Config config;
    std::ostringstream logs;
    Logger logger{logs, LogLevel::Debug};
    ProcedureCatalog catalog;

    KioskServicesReprintFixture() {
        dir = std::filesystem::temp_directory_path() /
              ("kiosk-reprint-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir / "data");
        // Dossiers are sealed for a gateway nobody runs: they wait in the outbox (queued), and
        // the receipt is printed all the same.
        auto keys = generateX25519KeyPair();
        REQUIRE(keys.ok());
        REQUIRE(writeKeyFile(dir / "gateway.pub", keys->publicKey, false).ok());
        std::ofstream(dir / "kiosk.secret") << "a-test-secret-of-enough-length\n";
        std::filesystem::permissions(dir / "kiosk.secret", std::filesystem::perms::owner_read |
                                                               std::filesystem::perms::owner_write);
        config.devices.printer = DeviceChoice::Simulated;
        config.devices.cardReader = DeviceChoice::Simulated;
        config.gateway.url = "http://127.0.0.1:9"; // the discard port: nothing answers
        config.gateway.gatewayPublicKeyFile = dir / "gateway.pub";
        config.gateway.credentialFile = dir / "kiosk.secret";
        config.paths.dataDir = dir / "data";
        auto loaded = loadProcedureCatalog(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
        REQUIRE(loaded.ok());
        catalog = std::move(loaded).value();
    }
    ~KioskServicesReprintFixture() {
        std::error_code error;
        std::filesystem::remove_all(dir, error);
    }
};

// The next result of type T from the worker (others are dropped).
template <class T> T next(ServiceQueue& events) {
    for (int i = 0; i < 3000; ++i) {
        for (ServiceEvent& result : events.take()) {
            if (auto* wanted = std::get_if<T>(&result)) {
                return *wanted;
            }
        }
        std::this_thread::sleep_for(5ms);
    }
    FAIL("the services worker did not answer");
    return T{};
}

std::string fileBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

using Outcome = service::ReprintDone::Outcome;

} // namespace

TEST_CASE("reprint prints the last receipt again, the same slip, and keeps it after paper-out",
          "[reprint]") {
    KioskServicesReprintFixture f;
    ServiceQueue events;
    KioskServices services(f.config, f.logger, true, events);
    auto printer = services.simulatedPrinter();
    REQUIRE(printer != nullptr);

    // Before any dossier there is nothing to reprint, and nothing is printed.
    services.reprintLastReceipt();
    CHECK(next<service::ReprintDone>(events).outcome == Outcome::NothingToPrint);
    CHECK(printer->printedPages().empty());

    const Procedure& birth = *f.catalog.findProcedure("1.001193");
    services.submit(effect::SubmitDossier{birth, syntheticAnswers(birth, f.catalog, {2026, 11, 25}),
                                          Language::Vietnamese});
    auto submitted = next<service::SubmitDone>(events);
    REQUIRE(submitted.outcome.state == SubmissionState::Queued);
    services.printReceipt(submitted.outcome.localReference);
    REQUIRE(next<service::PrintDone>(events).printed);
    REQUIRE(printer->printedPages().size() == 1);

    services.reprintLastReceipt();
    CHECK(next<service::ReprintDone>(events).outcome == Outcome::Printed);
    auto pages = printer->printedPages();
    REQUIRE(pages.size() == 2);
    CHECK_FALSE(pages[0].empty());
    CHECK(pages[1] == pages[0]);
    auto files = printer->writtenFiles();
    REQUIRE(files.size() == 2);
    CHECK(files[0] != files[1]);
    CHECK(fileBytes(files[1]) == fileBytes(files[0]));

    // Paper out: the reprint fails and says so; with paper back, the same slip comes out.
    printer->setPaper(SimulatedPaper::Out);
    services.reprintLastReceipt();
    CHECK(next<service::ReprintDone>(events).outcome == Outcome::Failed);
    CHECK(printer->printedPages().size() == 2);
    printer->setPaper(SimulatedPaper::Plenty);
    services.reprintLastReceipt();
    CHECK(next<service::ReprintDone>(events).outcome == Outcome::Printed);
    pages = printer->printedPages();
    REQUIRE(pages.size() == 3);
    CHECK(pages[2] == pages[0]);
}

TEST_CASE("the report summary prints on the simulated printer, and paper-out says so",
          "[report][reprint]") {
    KioskServicesReprintFixture f;
    ServiceQueue events;
    KioskServices services(f.config, f.logger, true, events);
    auto printer = services.simulatedPrinter();
    REQUIRE(printer != nullptr);
    UsageReport report;
    report.range = DateRange{std::chrono::sys_days(std::chrono::year(2026) / std::chrono::November /
                                                   std::chrono::day(1)),
                             std::chrono::sys_days(std::chrono::year(2026) / std::chrono::November /
                                                   std::chrono::day(25))};
    report.sessions = 42;
    report.assistedSessions = 3;
    auto lines = usageReportSummary(report, Language::Vietnamese);
    CHECK(services.printReportSummary(lines).get());
    auto pages = printer->printedPages();
    REQUIRE(pages.size() == 1);
    CHECK(pages[0].width() == printer->profile().widthDots);
    CHECK(pages[0].height() > 200);

    printer->setPaper(SimulatedPaper::Out);
    CHECK_FALSE(services.printReportSummary(lines).get());
}

TEST_CASE("the volunteer tools' outbox figures come from the outbox", "[reprint][assist]") {
    KioskServicesReprintFixture f;
    ServiceQueue events;
    KioskServices services(f.config, f.logger, true, events);
    CHECK(services.outboxCounts().pending == 0);

    const Procedure& birth = *f.catalog.findProcedure("1.001193");
    for (int i = 0; i < 2; ++i) {
        services.submit(effect::SubmitDossier{
            birth, syntheticAnswers(birth, f.catalog, {2026, 11, 25}), Language::Vietnamese});
        REQUIRE(next<service::SubmitDone>(events).outcome.state == SubmissionState::Queued);
    }
    KioskServices::OutboxCounts counts = services.outboxCounts();
    CHECK(counts.pending == 2); // nobody answers on the discard port
    CHECK(counts.delivered == 0);
    CHECK(counts.needsAttention == 0);
}
