// The loop's own sleep on drivers that cannot block: input nodes, wake-ups and deadlines.
#include "ui/platform/idle_wait.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using kiosk::ui::IdleWait;
using kiosk::ui::WakeReason;

// A folder standing in for /dev/input: FIFOs named like evdev nodes, each held open for
// writing by the test (as the kernel holds a device), so bytes written are "input events".
struct FakeInputDir {
    fs::path dir = fs::temp_directory_path() / ("idle_wait_" + std::to_string(getpid()));
    std::vector<int> writers;

    FakeInputDir() {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~FakeInputDir() {
        for (int fd : writers) {
            close(fd);
        }
        fs::remove_all(dir);
    }
    int addNode(const std::string& name) {
        fs::path node = dir / name;
        REQUIRE(mkfifo(node.c_str(), 0600) == 0);
        int fd = open(node.c_str(), O_RDWR | O_NONBLOCK); // O_RDWR: never blocks on a FIFO
        REQUIRE(fd >= 0);
        writers.push_back(fd);
        return fd;
    }
};

void sendInput(int fd) {
    char event[24] = {}; // the size of one struct input_event on a 64-bit kernel
    REQUIRE(write(fd, event, sizeof event) == static_cast<ssize_t>(sizeof event));
}

std::unique_ptr<IdleWait> openWait(const fs::path& dir) {
    auto opened = IdleWait::open(dir);
    REQUIRE(opened);
    return std::move(*opened);
}

} // namespace

TEST_CASE("idle wait: a wake-up from another thread ends a long wait", "[idle_wait]") {
    auto idle = openWait({});
    std::thread worker([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        idle->wake();
    });
    // A minute-long wait that ends only through the wake-up (the test would otherwise time out
    // or see Deadline).
    CHECK(idle->wait(60'000) == WakeReason::WokenUp);
    worker.join();
}

TEST_CASE("idle wait: a wake-up before the wait is not lost, and counts once", "[idle_wait]") {
    auto idle = openWait({});
    idle->wake();
    idle->wake();
    CHECK(idle->wait(60'000) == WakeReason::WokenUp);
    CHECK(idle->wait(10) == WakeReason::Deadline);
}

TEST_CASE("idle wait: with nothing happening only the deadline ends the wait", "[idle_wait]") {
    FakeInputDir input;
    input.addNode("event0");
    auto idle = openWait(input.dir);
    // Loop iterations, not timing: a waiter that polled would go round many times in 300 ms.
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
    int iterations = 0;
    WakeReason last = WakeReason::Input;
    for (auto now = std::chrono::steady_clock::now(); now < end;
         now = std::chrono::steady_clock::now()) {
        auto left = std::chrono::ceil<std::chrono::milliseconds>(end - now);
        last = idle->wait(static_cast<int>(left.count()));
        ++iterations;
    }
    CHECK(iterations <= 2); // poll() never returns early; 2 allows one clock-rounding step
    CHECK(last == WakeReason::Deadline);
}

TEST_CASE("idle wait: input on an event node ends the wait and is drained", "[idle_wait]") {
    FakeInputDir input;
    int touch = input.addNode("event0");
    input.addNode("mouse0"); // the legacy mousedev node: SDL reads evdev only
    auto idle = openWait(input.dir);
    CHECK(idle->inputDevices() == 1);
    sendInput(touch);
    CHECK(idle->wait(60'000) == WakeReason::Input);
    // Drained: the next wait sleeps again instead of spinning on the same event.
    CHECK(idle->wait(10) == WakeReason::Deadline);
}

TEST_CASE("idle wait: a device plugged in later wakes the loop and is watched", "[idle_wait]") {
    FakeInputDir input;
    input.addNode("event0");
    auto idle = openWait(input.dir);
    REQUIRE(idle->inputDevices() == 1);
    int panel = input.addNode("event3");
    CHECK(idle->wait(60'000) == WakeReason::WokenUp);
    CHECK(idle->inputDevices() == 2);
    sendInput(panel);
    CHECK(idle->wait(60'000) == WakeReason::Input);
}

TEST_CASE("idle wait: SDL blocks by itself only on x11 and wayland", "[idle_wait]") {
    using kiosk::ui::IdleMode;
    using kiosk::ui::idleModeFor;
    CHECK(idleModeFor("x11") == IdleMode::SdlWait);
    CHECK(idleModeFor("wayland") == IdleMode::SdlWait);
    CHECK(idleModeFor("kmsdrm") == IdleMode::PollInput);
    CHECK(idleModeFor("offscreen") == IdleMode::PollInput);
}
