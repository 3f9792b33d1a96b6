// kiosk-hil-probe: scenarios that need the kiosk's own device code running for a while in one
// process (hot-plug, paper out, cover open, reader choice), driving the virtual bus (kiosk-vusb)
// through its command FIFO. Prints "PASS" or the first "FAIL: ..." and exits 0 or 1.
#include "drivers/printer/printer_profile.hpp"
#include "kiosk/app/kiosk_services.hpp"
#include "kiosk/devices/printer_factory.hpp"
#include "kiosk/devices/usb_card_reader.hpp"
#include "kiosk/idcard/card_reader_setup.hpp"
#include "kiosk/receipt/receipt_printing.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

struct Probe {
    std::filesystem::path bus; // kiosk-vusb's command FIFO
    std::string failure;

    void send(const std::string& command) {
        std::ofstream out(bus);
        out << command << '\n';
        std::cout << "bus: " << command << std::endl;
    }
    bool check(bool condition, const std::string& what) {
        std::cout << (condition ? "ok: " : "FAIL: ") << what << std::endl;
        if (!condition && failure.empty()) {
            failure = what;
        }
        return condition;
    }
    int result() const {
        std::cout << (failure.empty() ? "PASS" : "FAIL: " + failure) << std::endl;
        return failure.empty() ? 0 : 1;
    }
};

double seconds(Clock::duration elapsed) {
    return std::chrono::duration<double>(elapsed).count();
}

// Waits until `condition` holds; returns the seconds it took, or -1 after `limit`.
template <class F> double waitFor(F condition, std::chrono::milliseconds limit) {
    auto start = Clock::now();
    while (Clock::now() - start < limit) {
        if (condition()) {
            return seconds(Clock::now() - start);
        }
        std::this_thread::sleep_for(50ms);
    }
    return -1;
}

template <class T> std::optional<T> nextResult(ServiceQueue& events) {
    auto start = Clock::now();
    while (Clock::now() - start < 60s) {
        for (ServiceEvent& result : events.take()) {
            if (auto* wanted = std::get_if<T>(&result)) {
                return *wanted;
            }
        }
        std::this_thread::sleep_for(20ms);
    }
    return std::nullopt;
}

Config autoConfig(const std::filesystem::path& csca, const std::filesystem::path& data) {
    Config config; // printer = auto, card_reader = auto
    config.devices.cscaDir = csca;
    config.paths.dataDir = data;
    std::filesystem::create_directories(data);
    return config;
}

// The kiosk's services with a reader plugged, pulled mid-read and plugged back: the status
// shows each change within 3 s, the read in progress fails as "unplugged", the next one works.
int hotplugReader(Probe& probe, const Config& config, const std::string& model,
                  const std::string& card, const std::string& idNumber) {
    std::ostringstream logs;
    Logger logger(logs);
    ServiceQueue events;
    KioskServices services(config, logger, false, events);
    probe.check(services.status().reader == ReaderState::Disconnected ||
                    services.status().reader == ReaderState::Unknown,
                "no reader at start: not connected");
    probe.send("plug r " + model + " " + card);
    auto connected = [&] {
        auto state = services.status().reader;
        return state == ReaderState::NoCard || state == ReaderState::CardPresent;
    };
    double seen = waitFor(connected, 10s);
    std::cout << "reader plugged: noticed after " << seen << " s" << std::endl;
    probe.check(seen >= 0 && seen <= 3.0, "plugging the reader is noticed within 3 s");
    // Pull it after the 12th CCID message: in the middle of the secure-messaging reads.
    probe.send("when r out +12 unplug");
    services.readCard(idNumber);
    auto failed = nextResult<service::CardReadDone>(events);
    auto failureText = [](const std::optional<service::CardReadDone>& done) {
        if (!done) {
            return std::string("no answer");
        }
        auto failure = done->failure();
        return failure ? std::string(cardReadFailureName(*failure)) : std::string("read");
    };
    probe.check(failed && failed->failure() == CardReadFailure::ReaderMissing,
                "a pull during the read ends it as 'reader unplugged', nothing pre-filled (got " +
                    failureText(failed) + ")");
    double gone =
        waitFor([&] { return services.status().reader == ReaderState::Disconnected; }, 10s);
    std::cout << "reader pulled: status disconnected after " << gone << " s" << std::endl;
    probe.check(gone >= 0 && gone <= 3.0, "the pull shows in the status within 3 s");
    probe.send("plug r " + model + " " + card);
    double back = waitFor(connected, 10s);
    std::cout << "reader replugged: noticed after " << back << " s" << std::endl;
    probe.check(back >= 0 && back <= 3.0, "the replug is noticed within 3 s, no restart");
    services.readCard(idNumber);
    auto read = nextResult<service::CardReadDone>(events);
    probe.check(read && read->holder() != nullptr && !read->holder()->idNumber.empty(),
                "the next read after the replug succeeds (" + failureText(read) + ")");
    bool simulated = logs.str().find("\"simulated\":true") != std::string::npos;
    probe.check(!simulated, "no simulated device in the log");
    std::cout << logs.str();
    return probe.result();
}

Bitmap testPage(int widthDots) {
    Bitmap page(widthDots, 600);
    for (int y = 0; y < page.height(); ++y) {
        for (int x = 0; x < widthDots; ++x) {
            page.setPixel(x, y, ((x / 16) + (y / 16)) % 2 == 0);
        }
    }
    return page;
}

// A pull in the middle of a print: the job is held (nothing lost), the status shows
// "disconnected" within 3 s, and after the replug the held job prints.
int hotplugPrinter(Probe& probe, const Config& config, const std::string& model) {
    std::ostringstream logs;
    Logger logger(logs);
    auto setup = makePrinter(config, DeviceChoice::Auto, logger);
    if (!probe.check(setup && setup->printer, "the auto printer exists")) {
        return probe.result();
    }
    Printer& printer = *setup->printer;
    probe.check(printer.status() == PrinterState::Disconnected, "no printer at start");
    probe.send("plug p " + model);
    double seen = waitFor([&] { return printer.status() == PrinterState::Ready; }, 10s);
    std::cout << "printer plugged: ready after " << seen << " s" << std::endl;
    probe.check(seen >= 0 && seen <= 3.0, "plugging the printer is noticed within 3 s");
    probe.send("when p bytes +6000 unplug");
    std::this_thread::sleep_for(300ms); // the FIFO is read between transfers
    auto result = printImage(printer, testPage(printer.widthDots()), logger);
    probe.check(result.outcome == PrintOutcome::Failed, "a pull during the print fails the job");
    probe.check(printer.hasHeldJob(), "the job is held: nothing lost");
    double gone = waitFor([&] { return printer.status() == PrinterState::Disconnected; }, 10s);
    probe.check(gone >= 0 && gone <= 3.0, "the pull shows within 3 s");
    probe.send("plug p " + model);
    double back = waitFor([&] { return printer.status() == PrinterState::Ready; }, 10s);
    std::cout << "printer replugged: ready after " << back << " s" << std::endl;
    probe.check(back >= 0 && back <= 3.0, "the replug is noticed within 3 s, no restart");
    auto again = printer.printHeldJob();
    probe.check(again.outcome == PrintOutcome::Printed, "the held job prints after the replug");
    std::cout << logs.str();
    return probe.result();
}

// Paper runs out in the middle of a receipt, then the cover is opened: both told, job held.
int paperAndCover(Probe& probe, const Config& config, const std::string& model) {
    std::ostringstream logs;
    Logger logger(logs);
    probe.send("plug p " + model);
    auto setup = makePrinter(config, DeviceChoice::Auto, logger);
    if (!probe.check(setup && setup->printer, "the auto printer exists")) {
        return probe.result();
    }
    Printer& printer = *setup->printer;
    double seen = waitFor([&] { return printer.status() == PrinterState::Ready; }, 10s);
    probe.check(seen >= 0, "the printer is ready");
    probe.send("when p bytes +4000 paper-out");
    std::this_thread::sleep_for(300ms);
    auto result = printImage(printer, testPage(printer.widthDots()), logger);
    probe.check(result.outcome != PrintOutcome::Printed && result.state == PrinterState::NoPaper,
                "paper out mid-receipt is told as 'no paper' (" + result.reason.message + ")");
    probe.check(printer.hasHeldJob(), "the receipt is held for a reprint");
    probe.check(printer.status() == PrinterState::NoPaper, "the status says no paper");
    probe.send("paper p plenty");
    probe.send("cover p open");
    std::this_thread::sleep_for(300ms);
    probe.check(printer.status() == PrinterState::CoverOpen, "the status says cover open");
    auto refused = printer.printHeldJob();
    probe.check(refused.outcome == PrintOutcome::Refused &&
                    refused.state == PrinterState::CoverOpen,
                "with the cover open the job is refused before a byte is sent");
    probe.send("cover p closed");
    std::this_thread::sleep_for(300ms);
    auto printed = printer.printHeldJob();
    probe.check(printed.outcome == PrintOutcome::Printed, "cover closed: the held job prints");
    std::cout << logs.str();
    return probe.result();
}

// A security token (class 0x0B, chip always present) plugged before the reader: the reader's
// contactless interface is chosen, and the log says why.
int readerChoice(Probe& probe, const std::string& model, const std::string& card,
                 std::uint16_t expectVendor, int expectInterface) {
    std::ostringstream logs;
    Logger logger(logs);
    probe.send("plug t token -");
    std::this_thread::sleep_for(1500ms);
    probe.send("plug r " + model + " " + card);
    std::this_thread::sleep_for(2000ms);
    auto transport = usbCardReaderOpener(&logger)();
    if (!probe.check(static_cast<bool>(transport), "a reader is opened")) {
        std::cout << transport.error().message << std::endl;
        return probe.result();
    }
    const auto& info = (*transport)->info();
    std::cout << "chosen: " << std::hex << info.vendorId << ':' << info.productId << std::dec
              << " interface " << static_cast<int>(info.interfaceNumber) << std::endl;
    probe.check(info.vendorId == expectVendor && info.interfaceNumber == expectInterface,
                "the contactless reader interface is chosen, not the token");
    probe.check(logs.str().find("card_reader_chosen") != std::string::npos, "the choice is logged");
    std::cout << logs.str();
    return probe.result();
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() < 4) {
        std::cerr << "usage: kiosk-hil-probe BUS_FIFO CSCA_DIR DATA_DIR SCENARIO [ARGS...]\n"
                     "  hotplug-reader MODEL CARD ID | hotplug-printer MODEL |\n"
                     "  paper-cover MODEL | reader-choice MODEL CARD VENDOR_HEX INTERFACE\n";
        return 2;
    }
    Probe probe{args[0], {}};
    Config config = autoConfig(args[1], args[2]);
    const std::string& scenario = args[3];
    if (scenario == "hotplug-reader" && args.size() == 7) {
        return hotplugReader(probe, config, args[4], args[5], args[6]);
    }
    if (scenario == "hotplug-printer" && args.size() == 5) {
        return hotplugPrinter(probe, config, args[4]);
    }
    if (scenario == "paper-cover" && args.size() == 5) {
        return paperAndCover(probe, config, args[4]);
    }
    if (scenario == "reader-choice" && args.size() == 8) {
        return readerChoice(probe, args[4], args[5],
                            static_cast<std::uint16_t>(std::stoi(args[6], nullptr, 16)),
                            std::stoi(args[7]));
    }
    std::cerr << "kiosk-hil-probe: unknown scenario or wrong arguments\n";
    return 2;
}
