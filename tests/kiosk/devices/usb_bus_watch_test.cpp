// Device nodes coming and going under a bus folder are heard at once, with no polling; a
// simulated printer's switches are heard the same way by the services (they no longer poll it).
#include "drivers/printer/simulated_printer.hpp"
#include "kiosk/app/kiosk_services.hpp"
#include "kiosk/devices/usb_bus_watch.hpp"

#include <catch2/catch.hpp>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

// Counts the watch's calls; `waitFor` answers whether the count reached `count` in time.
class Calls {
public:
    void note() {
        {
            std::lock_guard lock(mutex_);
            ++count_;
        }
        changed_.notify_all();
    }
    bool waitFor(int count) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, 10s, [&] { return count_ >= count; });
    }
    int count() {
        std::lock_guard lock(mutex_);
        return count_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int count_ = 0;
};

std::filesystem::path freshDirectory(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("kiosk-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace

TEST_CASE("the bus watch hears device nodes come and go, and new buses", "[devices]") {
    auto root = freshDirectory("usb-bus-watch");
    std::filesystem::create_directories(root / "001");
    Calls calls;
    auto watch = UsbBusWatch::open(root, [&] { calls.note(); });
    REQUIRE(watch != nullptr);
    CHECK(calls.count() == 0); // nothing is told at start: the caller looks once anyway

    std::ofstream(root / "001" / "002").put('\0'); // a device plugged in on bus 1
    REQUIRE(calls.waitFor(1));
    std::filesystem::remove(root / "001" / "002"); // pulled out
    REQUIRE(calls.waitFor(2));

    // A bus that appears later is watched from then on.
    std::filesystem::create_directories(root / "002");
    REQUIRE(calls.waitFor(3));
    int before = calls.count();
    std::ofstream(root / "002" / "005").put('\0');
    REQUIRE(calls.waitFor(before + 1));

    watch.reset(); // stops its thread: no call after this
    int after = calls.count();
    std::filesystem::remove(root / "002" / "005");
    std::this_thread::sleep_for(50ms);
    CHECK(calls.count() == after);
    std::filesystem::remove_all(root);
}

TEST_CASE("no bus folder: no watch, so the services keep polling", "[devices]") {
    auto root = freshDirectory("usb-bus-none") / "missing";
    CHECK(UsbBusWatch::open(root, [] {}) == nullptr);
}

TEST_CASE("the services hear a simulated printer's switch without polling it", "[devices]") {
    auto dir = freshDirectory("sim-switch");
    Config config;
    config.paths.dataDir = dir / "data";
    std::filesystem::create_directories(config.paths.dataDir);
    std::ostringstream logs;
    Logger logger(logs, LogLevel::Debug);
    ServiceQueue events;
    {
        KioskServices services(config, logger, true, events);
        auto printer = services.simulatedPrinter();
        REQUIRE(printer != nullptr);
        // Simulated devices are never polled now (an idle kiosk's one-second wake-up is gone):
        // only the switch's own notice can bring the change.
        printer->setPaper(SimulatedPaper::Out);
        bool heard = false;
        for (int i = 0; i < 300 && !heard; ++i) {
            for (ServiceEvent& event : events.take()) {
                if (auto* changed = std::get_if<service::DevicesChanged>(&event)) {
                    heard = heard || changed->status.printer == PrinterState::NoPaper;
                }
            }
            std::this_thread::sleep_for(10ms);
        }
        CHECK(heard);
        CHECK(services.status().printer == PrinterState::NoPaper);
    }
    std::filesystem::remove_all(dir);
}
