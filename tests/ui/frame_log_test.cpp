// The frame log's lines: what benchmarks parse (frame number, time, press) and the main
// thread's CPU per phase, which says where a slow frame on the box went.
#include "ui/platform/frame_log.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using kiosk::ui::FrameCost;
using kiosk::ui::FrameLog;

namespace {

// Burns some CPU on this thread, so a phase has something to count.
void work() {
    volatile double sink = 0;
    for (int i = 0; i < 2'000'000; ++i) {
        sink = sink + i * 0.5;
    }
}

} // namespace

TEST_CASE("frame cost counts each phase's CPU apart and starts afresh each frame", "[ui]") {
    FrameCost cost;
    cost.start();
    work();
    cost.mark(FrameCost::Phase::Build);
    cost.mark(FrameCost::Phase::Compare); // nothing done in between
    work();
    cost.mark(FrameCost::Phase::Draw);
    long long build = 0;
    long long compare = 0;
    long long draw = 0;
    long long present = 0;
    REQUIRE(std::sscanf(cost.describe().c_str(), "cpu_us=%lld/%lld/%lld/%lld", &build, &compare,
                        &draw, &present) == 4);
    CHECK(build > 0);
    CHECK(draw > 0);
    CHECK(compare < build);
    CHECK(present == 0);

    cost.start();
    CHECK(cost.describe() == "cpu_us=0/0/0/0");

    FrameCost off(false); // no frame log: no clock read, nothing counted
    off.start();
    work();
    off.mark(FrameCost::Phase::Build);
    CHECK(off.describe() == "cpu_us=0/0/0/0");
}

TEST_CASE("frame log lines say the frame, its time, a press and what was drawn", "[ui]") {
    auto path = std::filesystem::temp_directory_path() /
                ("kiosk-frame-log-" + std::to_string(::getpid()));
    std::filesystem::remove(path);
    setenv("KIOSK_FRAME_LOG", path.c_str(), 1);
    {
        auto log = FrameLog::fromEnvironment();
        REQUIRE(log != nullptr);
        log->presented("whole cpu_us=1/2/3/4");
        log->notePress();
        log->presented("part=20x26 cpu_us=5/6/7/8");
    }
    unsetenv("KIOSK_FRAME_LOG");
    std::ifstream file(path);
    std::string first;
    std::string second;
    std::getline(file, first);
    std::getline(file, second);
    long frame = 0;
    long long micros = 0;
    int press = -1;
    char rest[64] = {};
    REQUIRE(std::sscanf(first.c_str(), "frame %ld %lld press=%d %63[^\n]", &frame, &micros, &press,
                        rest) == 4);
    CHECK(frame == 1);
    CHECK(press == 0);
    CHECK(std::string(rest) == "whole cpu_us=1/2/3/4");
    REQUIRE(std::sscanf(second.c_str(), "frame %ld %lld press=%d %63[^\n]", &frame, &micros,
                        &press, rest) == 4);
    CHECK(frame == 2);
    CHECK(press == 1);
    CHECK(std::string(rest) == "part=20x26 cpu_us=5/6/7/8");
    std::filesystem::remove(path);
}
