// Prints the kiosk's start-up, idle CPU, memory and frame-time figures, and the same figures for
// Chromium in kiosk mode showing an equivalent Vietnamese page, side by side with ratios.
//
//   bench_ui_startup [--idle-seconds N] [--no-chromium]
//
// Both programs run under one Xvfb screen (software rendering, like a Pi without GPU drivers).
// "First frame" is measured the same way for both: from spawn until the X screen first shows
// non-uniform content, polled with xwd. The kiosk also reports its own first-frame time.
#include "tests/bench/bench_figures.hpp"
#include "ui/kiosk_app.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kDisplay = ":97";

pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::string>& extraEnv,
            const char* stdoutFile = "/dev/null") {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        env.emplace_back(*e);
    }
    env.insert(env.end(), extraEnv.begin(), extraEnv.end());
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& e : env) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdoutFile,
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // Its own process group, so the whole tree (Chromium's helpers) can be stopped at once.
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    pid_t pid = 0;
    if (posix_spawnp(&pid, args[0], &actions, &attributes, args.data(), envp.data()) != 0) {
        pid = -1;
    }
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    return pid;
}

void stopTree(pid_t pid) {
    kill(-pid, SIGTERM);
    for (int i = 0; i < 50; ++i) {
        if (waitpid(pid, nullptr, WNOHANG) == pid) {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(-pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

// Every process whose ancestry includes `root`.
std::vector<pid_t> processTree(pid_t root) {
    std::map<pid_t, pid_t> parent;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        std::string name = entry.path().filename();
        if (name.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        std::ifstream stat(entry.path() / "stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        auto close = text.rfind(')');
        if (close == std::string::npos) {
            continue;
        }
        std::istringstream fields(text.substr(close + 2));
        std::string state;
        pid_t ppid = 0;
        fields >> state >> ppid;
        parent[std::stoi(name)] = ppid;
    }
    std::vector<pid_t> tree;
    for (auto [pid, ppid] : parent) {
        for (pid_t p = pid; p > 1; p = parent.count(p) ? parent[p] : 0) {
            if (p == root) {
                tree.push_back(pid);
                break;
            }
        }
    }
    return tree;
}

double cpuSeconds(const std::vector<pid_t>& pids) {
    double ticks = 0;
    for (pid_t pid : pids) {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        auto close = text.rfind(')');
        if (close == std::string::npos) {
            continue;
        }
        std::istringstream fields(text.substr(close + 2));
        std::string field;
        std::vector<std::string> all;
        while (fields >> field) {
            all.push_back(field);
        }
        if (all.size() > 12) {
            ticks += std::stod(all[11]) + std::stod(all[12]); // utime, stime (fields 14, 15)
        }
    }
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double pssMegabytes(const std::vector<pid_t>& pids) {
    double kilobytes = 0;
    for (pid_t pid : pids) {
        std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
        std::string line;
        while (std::getline(rollup, line)) {
            if (line.rfind("Pss:", 0) == 0) {
                kilobytes += std::stod(line.substr(4));
                break;
            }
        }
    }
    return kilobytes / 1024.0;
}

// Distinct pixel values of the whole X screen (an XWD dump), sampled.
std::size_t screenColours() {
    FILE* pipe = popen(
        (std::string("xwd -root -silent -display ") + kDisplay + " 2>/dev/null").c_str(), "r");
    if (pipe == nullptr) {
        return 0;
    }
    std::vector<unsigned char> data;
    std::array<unsigned char, 65536> chunk{};
    std::size_t n = 0;
    while ((n = fread(chunk.data(), 1, chunk.size(), pipe)) > 0) {
        data.insert(data.end(), chunk.begin(), chunk.begin() + static_cast<long>(n));
    }
    pclose(pipe);
    if (data.size() < 100) {
        return 0;
    }
    auto be32 = [&](std::size_t at) {
        return static_cast<std::uint32_t>(data[at] << 24 | data[at + 1] << 16 | data[at + 2] << 8 |
                                          data[at + 3]);
    };
    std::size_t offset = be32(0) + be32(76) * 12; // header, then the colour map
    std::set<std::uint32_t> colours;
    for (std::size_t i = offset; i + 4 <= data.size(); i += 4 * 97) {
        colours.insert(be32(i));
    }
    return colours.size();
}

struct Figures {
    double firstFrameMs = -1;
    double idleCpuPercent = -1;
    double pssMb = -1;
};

Figures measure(const std::vector<std::string>& argv, int idleSeconds) {
    Figures figures;
    auto started = Clock::now();
    pid_t pid = spawn(argv, {std::string("DISPLAY=") + kDisplay, "SDL_RENDER_DRIVER=software"});
    if (pid < 0) {
        std::cerr << "cannot start " << argv[0] << "\n";
        return figures;
    }
    while (Clock::now() - started < std::chrono::seconds(60)) {
        if (screenColours() > 8) {
            figures.firstFrameMs =
                std::chrono::duration<double, std::milli>(Clock::now() - started).count();
            break;
        }
    }
    // Let start-up work finish before measuring the idle cost.
    std::this_thread::sleep_for(std::chrono::seconds(5));
    auto tree = processTree(pid);
    double before = cpuSeconds(tree);
    std::this_thread::sleep_for(std::chrono::seconds(idleSeconds));
    tree = processTree(pid);
    double after = cpuSeconds(tree);
    figures.idleCpuPercent = (after - before) / idleSeconds * 100.0;
    figures.pssMb = pssMegabytes(tree);
    stopTree(pid);
    return figures;
}

// In-process with the software renderer: the home screen drawn whole each frame
// (KIOSK_REDRAW=whole), or, with `minuteTicks`, the frame the header clock's minute makes,
// repainted in part as the kiosk does.
std::pair<double, double> frameTimes(bool minuteTicks) {
    setenv("KIOSK_REDRAW", minuteTicks ? "changes" : "whole", 1);
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
    std::ostringstream logs;
    kiosk::Logger logger(logs);
    kiosk::KioskOptions options;
    kiosk::KioskRuntime runtime(kiosk::Config{}, logger, kiosk::RuntimeOptions{});
    kiosk::ui::KioskApp app(runtime, options, SDL_RegisterEvents(1));
    std::vector<double> samples;
    if (app.start(kiosk::ui::WindowMode::Offscreen, 1280, 800)) {
        std::time_t wall = 1'796'000'000;
        app.fixWallClock(wall);
        app.frame(Clock::now());
        for (int i = 0; i < 300; ++i) {
            if (minuteTicks) {
                app.fixWallClock(wall + 60 * (i + 1));
            }
            auto t0 = Clock::now();
            app.frame(Clock::now());
            samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
    }
    SDL_Quit();
    unsetenv("KIOSK_REDRAW");
    // The programs measured next must open real windows on the Xvfb screen.
    unsetenv("SDL_VIDEODRIVER");
    if (samples.empty()) {
        return {-1, -1};
    }
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples[samples.size() * 99 / 100]};
}

} // namespace

int main(int argc, char** argv) {
    int idleSeconds = 30;
    bool chromium = true;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--idle-seconds" && i + 1 < argc) {
            idleSeconds = std::stoi(argv[++i]);
        } else if (arg == "--no-chromium") {
            chromium = false;
        }
    }
    auto here = std::filesystem::canonical("/proc/self/exe").parent_path();
    std::string kiosk = (here / "../../kiosk/programs/kiosk").lexically_normal();
    std::string page =
        std::filesystem::path(KIOSK_SOURCE_DIR) / "tests/bench/fixtures/kiosk_form.html";

    auto [p50, p99] = frameTimes(false);
    std::cout << "frame build+render, drawn whole (home, 1280x800, software renderer): p50 "
              << kiosk::bench::fixedFigure(p50, 2) << " ms, p99 "
              << kiosk::bench::fixedFigure(p99, 2) << " ms\n";
    auto [minuteP50, minuteP99] = frameTimes(true);
    std::cout << "minute-clock frame, repainted in part (same screen and renderer): p50 "
              << kiosk::bench::fixedFigure(minuteP50, 2) << " ms, p99 "
              << kiosk::bench::fixedFigure(minuteP99, 2) << " ms\n";

    pid_t xvfb = spawn({"Xvfb", kDisplay, "-screen", "0", "1280x800x24", "-nolisten", "tcp"}, {});
    // Ready when a screen capture works (a blank screen has one colour).
    for (int i = 0; i < 150 && screenColours() == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    Figures ours = measure({kiosk, "--sim"}, idleSeconds);
    Figures theirs;
    if (chromium) {
        auto profile = std::filesystem::temp_directory_path() / "bench-chromium-profile";
        std::filesystem::remove_all(profile);
        theirs = measure({"chromium", "--kiosk", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update",
                          "--disable-sync", "--disable-quic", "--user-data-dir=" + profile.string(),
                          "--window-size=1280,800", "file://" + page},
                         idleSeconds);
        std::filesystem::remove_all(profile);
    }
    stopTree(xvfb);

    std::cout << "\n| figure | kiosk | Chromium kiosk | Chromium / kiosk |\n|---|---|---|---|\n";
    auto row = [&](const char* name, double a, double b) {
        std::cout << "| " << name << " | " << kiosk::bench::fixedFigure(a, 2) << " | "
                  << kiosk::bench::fixedFigure(b, 2) << " | "
                  << (a > 0 && b > 0 ? kiosk::bench::fixedFigure(b / a, 1) + "x" : "n/a") << " |\n";
    };
    row("start to first frame (ms)", ours.firstFrameMs, theirs.firstFrameMs);
    row("idle CPU (% of one core)", ours.idleCpuPercent, theirs.idleCpuPercent);
    row("memory PSS (MB)", ours.pssMb, theirs.pssMb);
    std::cout << "\nidle window: " << idleSeconds
              << " s on the home screen; targets: first frame < 150 ms, "
              << "idle CPU < 0.5 %, PSS < 60 MB\n";
    return 0;
}
