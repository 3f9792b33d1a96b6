// EscPosPrinter over a scripted transport: status checks, refusals and faults at the seam.
#include "drivers/printer/escpos_decoder.hpp"
#include "drivers/printer/escpos_printer.hpp"
#include "tests/drivers/printer/scripted_transport.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>

using namespace kiosk;
using kiosk::test::ScriptedTransport;
using kiosk::test::ScriptedTransportLog;

namespace {

constexpr std::uint8_t kOk = 0x12;

// Opens a fresh scripted transport per connection, prepared by `setup`; counts connections.
struct Bench {
    ScriptedTransportLog log;
    int connections = 0;
    bool plugged = true;
    std::function<void(ScriptedTransport&)> setup = [](ScriptedTransport&) {};

    TransportConnector connector() {
        return [this]() -> Result<std::unique_ptr<UsbTransport>> {
            if (!plugged) {
                return makeError(usb_error::kNoDevice, "unplugged");
            }
            ++connections;
            auto transport = std::make_unique<ScriptedTransport>(log);
            setup(*transport);
            return std::unique_ptr<UsbTransport>(std::move(transport));
        };
    }
};

PrintJob smallJob() {
    PrintJob job;
    job.image = Bitmap(384, 600);
    job.image.fillRect(10, 10, 100, 500);
    return job;
}

bool contains(const Bytes& haystack, const Bytes& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
           haystack.end();
}

const PrinterProfile& generic58() {
    return *findPrinterProfile("generic-58");
}

} // namespace

TEST_CASE("a ready printer prints the job and cuts it", "[printer]") {
    Bench bench;
    bench.setup = [](ScriptedTransport& t) { t.replies = {kOk, kOk, kOk, kOk, kOk, kOk}; };
    EscPosPrinter printer(generic58(), bench.connector(), DeviceKind::Real);
    auto result = printer.print(smallJob());
    CHECK(result.outcome == PrintOutcome::Printed);
    CHECK(result.state == PrinterState::Ready);
    CHECK_FALSE(printer.hasHeldJob());
    // The job bytes sit between the status queries; decode only them.
    auto jobBytes = encodePrintJob(smallJob(), generic58());
    CHECK(contains(bench.log.written, jobBytes));
    CHECK(result.bytesSent == jobBytes.size());
    auto pages = escpos::decodeEscPos(jobBytes, 384);
    REQUIRE(pages);
    CHECK(pages->front().image.rows(0, 600) == smallJob().image);
}

TEST_CASE("printer refuses a job when the paper is out and sends no job bytes", "[printer]") {
    Bench bench;
    // printer offline, offline cause paper-end stop, roll paper end.
    bench.setup = [](ScriptedTransport& t) { t.replies = {0x1A, 0x32, 0x72}; };
    EscPosPrinter printer(generic58(), bench.connector(), DeviceKind::Real);
    auto result = printer.print(smallJob());
    CHECK(result.outcome == PrintOutcome::Refused);
    CHECK(result.state == PrinterState::NoPaper);
    CHECK(result.reason.code == "printer.no_paper");
    CHECK(result.bytesSent == 0);
    CHECK_FALSE(contains(bench.log.written, escpos::initialize()));
    CHECK(printer.hasHeldJob());
}

TEST_CASE("printer refuses a job while the cover is open", "[printer]") {
    Bench bench;
    bench.setup = [](ScriptedTransport& t) { t.replies = {0x1A, 0x16, kOk}; };
    EscPosPrinter printer(generic58(), bench.connector(), DeviceKind::Real);
    auto result = printer.print(smallJob());
    CHECK(result.outcome == PrintOutcome::Refused);
    CHECK(result.state == PrinterState::CoverOpen);
}

TEST_CASE("stale status bytes are drained before asking", "[printer]") {
    Bench bench;
    // A stale "paper out" reply is waiting; the fresh answers say all is well.
    bench.setup = [](ScriptedTransport& t) {
        t.stale = {0x72};
        t.replies = {kOk, kOk, kOk};
    };
    EscPosPrinter printer(generic58(), bench.connector(), DeviceKind::Real);
    CHECK(printer.status() == PrinterState::Ready);
}

TEST_CASE("a printer that never answers status is Unknown and still prints", "[printer]") {
    Bench bench;
    bench.setup = [](ScriptedTransport& t) { t.silent = true; };
    EscPosPrinter printer(generic58(), bench.connector(), DeviceKind::Real);
    CHECK(printer.status() == PrinterState::Unknown);
    auto result = printer.print(smallJob());
    CHECK(result.outcome == PrintOutcome::Printed);
    CHECK(result.state == PrinterState::Unknown);
}

TEST_CASE("a model without status support is not asked", "[printer]") {
    Bench bench;
    EscPosPrinter printer(*findPrinterProfile("xprinter-58"), bench.connector(), DeviceKind::Real);
    CHECK(printer.status() == PrinterState::Ready);
    CHECK(bench.log.written.empty());
    CHECK(printer.print(smallJob()).outcome == PrintOutcome::Printed);
    // Full cut only on this model, whatever the job asked for.
    CHECK(contains(bench.log.written, escpos::feedAndCut(escpos::CutMode::Full, 4)));
}

TEST_CASE("no printer plugged in is Disconnected and the job is held", "[printer]") {
    Bench bench;
    bench.plugged = false;
    EscPosPrinter printer(generic58(), bench.connector(), DeviceKind::Real);
    CHECK(printer.status() == PrinterState::Disconnected);
    auto result = printer.print(smallJob());
    CHECK(result.outcome == PrintOutcome::Failed);
    CHECK(result.state == PrinterState::Disconnected);
    CHECK(printer.hasHeldJob());
}

TEST_CASE("printer reports disconnected after a failed write and reconnects on the next poll",
          "[printer]") {
    for (const char* code : {usb_error::kTimeout, usb_error::kStall, usb_error::kNoDevice}) {
        DYNAMIC_SECTION("fault " << code) {
            Bench bench;
            int connection = 0;
            bench.setup = [&](ScriptedTransport& t) {
                t.replies = {kOk, kOk, kOk, kOk, kOk, kOk};
                if (++connection == 1) {
                    // Writes 1-3 are the status queries; the 5th is the second job slice.
                    t.failOnWrite = 5;
                    t.failCode = code;
                }
            };
            EscPosPrinter printer(generic58(), bench.connector(), DeviceKind::Real);
            auto result = printer.print(smallJob());
            CHECK(result.outcome == PrintOutcome::Failed);
            CHECK(result.state == PrinterState::Disconnected);
            CHECK(result.reason.code == code);
            CHECK(result.bytesSent == generic58().maxWriteSlice);
            CHECK(printer.hasHeldJob());
            CHECK_FALSE(printer.connected());

            CHECK(printer.status() == PrinterState::Ready);
            CHECK(bench.connections == 2);
            auto again = printer.printHeldJob();
            CHECK(again.outcome == PrintOutcome::Printed);
            CHECK_FALSE(printer.hasHeldJob());
        }
    }
}

TEST_CASE("a device gone during the status query is Disconnected", "[printer]") {
    Bench bench;
    bench.setup = [](ScriptedTransport& t) {
        t.failOnWrite = 2;
        t.failCode = usb_error::kNoDevice;
        t.replies = {kOk};
    };
    EscPosPrinter printer(generic58(), bench.connector(), DeviceKind::Real);
    CHECK(printer.status() == PrinterState::Disconnected);
    CHECK_FALSE(printer.connected());
}

TEST_CASE("paper running out during the job fails it and holds it for a reprint", "[printer]") {
    Bench bench;
    bench.setup = [](ScriptedTransport& t) { t.replies = {kOk, kOk, kOk, 0x1A, 0x32, 0x72}; };
    EscPosPrinter printer(generic58(), bench.connector(), DeviceKind::Real);
    auto result = printer.print(smallJob());
    CHECK(result.outcome == PrintOutcome::Failed);
    CHECK(result.state == PrinterState::NoPaper);
    CHECK(result.reason.code == "printer.paper_ran_out");
    CHECK(printer.hasHeldJob());
    printer.discardHeldJob();
    CHECK_FALSE(printer.hasHeldJob());
}

TEST_CASE("job bytes are written in slices no larger than the profile allows", "[printer]") {
    Bench bench;
    bench.setup = [](ScriptedTransport& t) { t.replies = {kOk, kOk, kOk, kOk, kOk, kOk}; };
    EscPosPrinter printer(generic58(), bench.connector(), DeviceKind::Real);
    auto bytes = encodePrintJob(smallJob(), generic58());
    REQUIRE(printer.print(smallJob()).outcome == PrintOutcome::Printed);
    auto slices = (bytes.size() + generic58().maxWriteSlice - 1) / generic58().maxWriteSlice;
    // Three status queries before and three after the job.
    CHECK(bench.log.writeCalls == static_cast<int>(slices) + 6);
}

TEST_CASE("copies repeat the whole job with a cut after each", "[printer]") {
    PrintJob job = smallJob();
    job.copies = 2;
    auto pages = escpos::decodeEscPos(encodePrintJob(job, generic58()), 384);
    REQUIRE(pages);
    CHECK(pages->size() == 2);
}
