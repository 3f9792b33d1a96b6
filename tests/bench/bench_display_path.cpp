// Prints the idle cost and tap-to-frame latency of the kiosk's production display path (SDL
// kmsdrm + evdev in the test VM, tests/hil/run-display-vm.sh) beside the host's offscreen path,
// each with SDL's own event wait and with the kiosk's poll on input and wake-ups (IdleWait).
//
//   bench_display_path [--idle-seconds N] [--taps N] [--no-vm] [--with-chromium]
//
// Host offscreen: the kiosk program for idle figures; taps in-process (offscreen has no input
// device), pushed as SDL events from another thread and timed to the KIOSK_FRAME_LOG line of
// the frame that shows the press. VM kmsdrm: taps through QMP on an evdev tablet, timed on the
// host to the frame log line's arrival on a serial port; CPU is the emulated CPU's (TCG).
// --with-chromium runs bench_ui_startup after it (the kiosk beside Chromium under Xvfb).
#include "tests/bench/bench_figures.hpp"
#include "ui/kiosk_app.hpp"
#include "ui/platform/idle_wait.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <poll.h>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// Where every tap lands, host and VM alike (tests/hil/display.sh taps the same pixel).
constexpr int kTapX = 82;
constexpr int kTapY = 656;

struct IdleFigures {
    double cpuPercent = -1;
    double wakeupsPerSecond = -1;
    long frames = -1;                   // drawn in the window (the minute clock's)
    std::vector<std::string> perThread; // "name: CPU, wake-ups" of each thread that woke
};

struct LatencyFigures {
    double p50 = -1;
    double p99 = -1;
    int taps = 0;
};

// CPU ticks and context switches (voluntary + involuntary: every time a thread left the CPU)
// of all threads of `pid`.
std::pair<double, double> cpuAndSwitches(pid_t pid) {
    double ticks = 0;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    auto close = text.rfind(')');
    if (close != std::string::npos) {
        std::istringstream fields(text.substr(close + 2));
        std::vector<std::string> all;
        for (std::string field; fields >> field;) {
            all.push_back(field);
        }
        if (all.size() > 12) {
            ticks = std::stod(all[11]) + std::stod(all[12]); // utime, stime (fields 14, 15)
        }
    }
    double switches = 0;
    std::error_code error;
    for (const auto& task :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", error)) {
        std::ifstream status(task.path() / "status");
        for (std::string line; std::getline(status, line);) {
            if (line.find("voluntary_ctxt_switches:") != std::string::npos) {
                switches += std::stod(line.substr(line.find(':') + 1));
            }
        }
    }
    return {ticks / static_cast<double>(sysconf(_SC_CLK_TCK)), switches};
}

// CPU seconds and context switches of each thread of `pid`, by thread id.
std::map<std::string, std::pair<std::string, std::pair<double, double>>> threadsOf(pid_t pid) {
    std::map<std::string, std::pair<std::string, std::pair<double, double>>> threads;
    std::error_code error;
    for (const auto& task :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", error)) {
        std::ifstream comm(task.path() / "comm");
        std::string name;
        std::getline(comm, name);
        std::ifstream stat(task.path() / "stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        double ticks = 0;
        if (auto close = text.rfind(')'); close != std::string::npos) {
            std::istringstream fields(text.substr(close + 2));
            std::vector<std::string> all;
            for (std::string field; fields >> field;) {
                all.push_back(field);
            }
            if (all.size() > 12) {
                ticks = std::stod(all[11]) + std::stod(all[12]);
            }
        }
        double switches = 0;
        std::ifstream status(task.path() / "status");
        for (std::string line; std::getline(status, line);) {
            if (line.find("voluntary_ctxt_switches:") != std::string::npos) {
                switches += std::stod(line.substr(line.find(':') + 1));
            }
        }
        threads[task.path().filename().string()] = {
            name, {ticks / static_cast<double>(sysconf(_SC_CLK_TCK)), switches}};
    }
    return threads;
}

long linesIn(const std::filesystem::path& path) {
    std::ifstream file(path);
    return std::count(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>(), '\n');
}

// The kiosk program on the offscreen driver, idle on its home screen.
IdleFigures hostIdle(const std::string& kiosk, const std::string& idleWait,
                     const std::string& redraw, int seconds) {
    auto home = std::filesystem::temp_directory_path() / "bench-display-home";
    std::filesystem::create_directories(home);
    auto frameLog = home / ("frames-" + idleWait + "-" + redraw + ".log");
    std::filesystem::remove(frameLog);
    pid_t pid = fork();
    if (pid == 0) {
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
        setenv("SDL_AUDIODRIVER", "dummy", 1);
        setenv("HOME", home.c_str(), 1);
        setenv("KIOSK_IDLE_WAIT", idleWait.c_str(), 1);
        setenv("KIOSK_REDRAW", redraw.c_str(), 1);
        // The software renderer, as in the screenshots: its surface keeps its pixels, so a
        // frame can repaint in part (offscreen's EGL pbuffer cannot tell its buffer's age).
        setenv("SDL_RENDER_DRIVER", "software", 1);
        setenv("KIOSK_FRAME_LOG", frameLog.c_str(), 1);
        int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execl(kiosk.c_str(), kiosk.c_str(), "--sim", static_cast<char*>(nullptr));
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::seconds(5)); // start-up work done
    auto threads0 = threadsOf(pid);
    long frames0 = linesIn(frameLog);
    auto [cpu0, switches0] = cpuAndSwitches(pid);
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    auto [cpu1, switches1] = cpuAndSwitches(pid);
    long frames1 = linesIn(frameLog);
    auto threads1 = threadsOf(pid);
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
    IdleFigures figures{
        (cpu1 - cpu0) / seconds * 100.0, (switches1 - switches0) / seconds, frames1 - frames0, {}};
    for (const auto& [tid, thread] : threads1) {
        auto before = threads0.find(tid);
        auto [cpuBefore, switchesBefore] =
            before == threads0.end() ? std::pair<double, double>{0, 0} : before->second.second;
        double cpu = thread.second.first - cpuBefore;
        double switches = thread.second.second - switchesBefore;
        if (cpu > 0 || switches > 0) {
            figures.perThread.push_back(thread.first + " " + tid + ": " +
                                        kiosk::bench::fixedFigure(cpu * 1000, 0) + " ms CPU, " +
                                        kiosk::bench::fixedFigure(switches, 0) + " wake-ups");
        }
    }
    return figures;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) {
        return -1;
    }
    std::sort(values.begin(), values.end());
    auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

// Lines of the frame log FIFO, each within a timeout.
struct FrameLines {
    int fd;
    std::string pending;
    std::optional<std::string> next(int timeoutMs) {
        auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
        for (;;) {
            auto end = pending.find('\n');
            if (end != std::string::npos) {
                std::string line = pending.substr(0, end);
                pending.erase(0, end + 1);
                return line;
            }
            auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            pollfd readable{fd, POLLIN, 0};
            if (left.count() <= 0 || poll(&readable, 1, static_cast<int>(left.count())) <= 0) {
                return std::nullopt;
            }
            char buffer[1024];
            ssize_t got = read(fd, buffer, sizeof buffer);
            if (got <= 0) {
                return std::nullopt;
            }
            pending.append(buffer, static_cast<std::size_t>(got));
        }
    }
};

// In-process on offscreen: the kiosk's own loop (KioskApp::run with IdleWait), taps pushed as
// SDL mouse events by another thread; each timed to its frame's line in the frame log.
LatencyFigures hostTaps(int taps, kiosk::ui::IdleMode mode, const std::string& redraw) {
    auto fifo = std::filesystem::temp_directory_path() /
                ("bench-display-frames-" + std::to_string(getpid()));
    std::filesystem::remove(fifo);
    mkfifo(fifo.c_str(), 0600);
    int frames = open(fifo.c_str(), O_RDWR | O_CLOEXEC); // RDWR: opens without a writer
    setenv("KIOSK_FRAME_LOG", fifo.c_str(), 1);
    setenv("KIOSK_REDRAW", redraw.c_str(), 1);
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
    std::ostringstream logs;
    kiosk::Logger logger(logs);
    kiosk::KioskOptions options;
    Uint32 terminate = SDL_RegisterEvents(2);
    kiosk::KioskRuntime runtime(kiosk::Config{}, logger, kiosk::RuntimeOptions{});
    kiosk::ui::KioskApp app(runtime, options, terminate);
    auto idle = kiosk::ui::IdleWait::open({});
    app.useIdleWait(mode == kiosk::ui::IdleMode::PollInput ? idle->get() : nullptr);
    std::vector<double> latencies;
    if (app.start(kiosk::ui::WindowMode::Offscreen, 1280, 800)) {
        std::thread tapper([&] {
            auto push = [&](Uint32 type, Uint8 state) {
                SDL_Event event{};
                event.type = type;
                event.button.windowID = 1;
                event.button.which = 0;
                event.button.button = SDL_BUTTON_LEFT;
                event.button.state = state;
                event.button.clicks = 1;
                // The chosen text size "A" (home screen, 1280x800): each press shows on the
                // button, and the release chooses the size already chosen.
                event.button.x = kTapX;
                event.button.y = kTapY;
                SDL_PushEvent(&event);
                (*idle)->wake();
            };
            FrameLines lines{frames, {}};
            for (int i = 0; i < taps; ++i) {
                // Each tap on a settled screen: no frame for 200 ms.
                while (lines.next(200)) {
                }
                auto sent = Clock::now();
                push(SDL_MOUSEBUTTONDOWN, SDL_PRESSED);
                while (auto line = lines.next(10'000)) {
                    long frame = 0;
                    long long micros = 0;
                    int press = 0;
                    if (std::sscanf(line->c_str(), "frame %ld %lld press=%d", &frame, &micros,
                                    &press) == 3 &&
                        press == 1) {
                        // The frame log's clock is CLOCK_MONOTONIC, as steady_clock's here.
                        auto shown = Clock::time_point(std::chrono::microseconds(micros));
                        latencies.push_back(
                            std::chrono::duration<double, std::milli>(shown - sent).count());
                        break;
                    }
                }
                push(SDL_MOUSEBUTTONUP, SDL_RELEASED);
            }
            SDL_Event quit{};
            quit.type = terminate;
            SDL_PushEvent(&quit);
            (*idle)->wake();
        });
        app.run();
        tapper.join();
    }
    SDL_Quit();
    close(frames);
    std::filesystem::remove(fifo);
    unsetenv("KIOSK_FRAME_LOG");
    unsetenv("KIOSK_REDRAW");
    return {percentile(latencies, 50), percentile(latencies, 99),
            static_cast<int>(latencies.size())};
}

// "key=value" fields of the HIL-BENCH lines the display VM printed.
std::map<std::string, std::string> fieldsOf(const std::string& line) {
    std::map<std::string, std::string> fields;
    std::istringstream words(line);
    for (std::string word; words >> word;) {
        auto eq = word.find('=');
        if (eq != std::string::npos) {
            fields[word.substr(0, eq)] = word.substr(eq + 1);
        }
    }
    return fields;
}

} // namespace

int main(int argc, char** argv) {
    // A whole minute: the window holds exactly one minute-clock frame whatever its phase.
    int idleSeconds = 60;
    int taps = 200;
    bool vm = true;
    bool chromium = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--idle-seconds" && i + 1 < argc) {
            idleSeconds = std::stoi(argv[++i]);
        } else if (arg == "--taps" && i + 1 < argc) {
            taps = std::stoi(argv[++i]);
        } else if (arg == "--no-vm") {
            vm = false;
        } else if (arg == "--with-chromium") {
            chromium = true;
        }
    }
    auto here = std::filesystem::canonical("/proc/self/exe").parent_path();
    auto build = (here / "../..").lexically_normal();
    std::string kiosk = build / "kiosk/programs/kiosk";

    // The loop, redraw and present of each configuration: SDL's own wait drawing every frame
    // whole (the first loop), the poll drawing whole, the poll repainting changes into a canvas
    // that OpenGL copies to the screen, and the same repainting straight into a KMS buffer (what
    // the kiosk runs on kmsdrm with a software OpenGL). The host's offscreen window has neither
    // OpenGL nor KMS: its software renderer keeps the picture, so only three setups apply there.
    struct Setup {
        const char* name; // as display.sh names its HIL-BENCH lines
        const char* wait;
        const char* redraw;
        const char* present; // on kmsdrm
        kiosk::ui::IdleMode mode;
        const char* idleWait; // KIOSK_IDLE_WAIT
        bool onHost;
    };
    const std::vector<Setup> setups = {
        {"sdl_wait", "SDL_WaitEventTimeout", "whole", "OpenGL", kiosk::ui::IdleMode::SdlWait, "sdl",
         true},
        {"poll_whole", "IdleWait (poll)", "whole", "OpenGL", kiosk::ui::IdleMode::PollInput, "poll",
         true},
        {"poll_part_gl", "IdleWait (poll)", "changes", "OpenGL (canvas copied whole)",
         kiosk::ui::IdleMode::PollInput, "poll", false},
        {"poll_part", "IdleWait (poll)", "changes", "KMS buffer (rows changed)",
         kiosk::ui::IdleMode::PollInput, "poll", true},
    };
    std::map<std::string, IdleFigures> hostIdleOf;
    std::map<std::string, LatencyFigures> hostLatencyOf;
    for (const Setup& setup : setups) {
        if (!setup.onHost) {
            continue;
        }
        hostIdleOf[setup.name] = hostIdle(kiosk, setup.idleWait, setup.redraw, idleSeconds);
        hostLatencyOf[setup.name] = hostTaps(taps, setup.mode, setup.redraw);
    }

    std::map<std::string, IdleFigures> vmIdleOf;
    std::map<std::string, LatencyFigures> vmLatencyOf;
    std::string vmNote = "not run (--no-vm)";
    if (vm) {
        // The VM runs its own idle windows and the taps for each setup (tests/hil/display.sh);
        // under TCG a tap takes seconds (its frames, settling).
        auto out = build / "bench-display";
        std::string command = std::string(KIOSK_SOURCE_DIR) + "/tests/hil/run-display-vm.sh " +
                              KIOSK_SOURCE_DIR + " " + build.string() + " " + out.string() +
                              " bench " + std::to_string(taps) + " " + std::to_string(idleSeconds) +
                              " > " + (out / "run.log").string() + " 2>&1";
        std::filesystem::create_directories(out);
        int status = std::system(command.c_str());
        vmNote = status == 0 ? "ran" : "failed (see " + (out / "run.log").string() + ")";
        std::ifstream bench(out / "bench.txt");
        for (std::string line; std::getline(bench, line);) {
            auto fields = fieldsOf(line);
            std::istringstream words(line);
            std::string tag, kind, name;
            words >> tag >> kind >> name;
            if (kind == "idle") {
                double seconds = std::stod(fields["seconds"]);
                IdleFigures& figures = vmIdleOf[name];
                figures.cpuPercent =
                    std::stod(fields["cpu_ticks"]) / std::stod(fields["hz"]) / seconds * 100.0;
                figures.wakeupsPerSecond = std::stod(fields["switches"]) / seconds;
                figures.frames = std::stol(fields["frames"]);
            } else if (kind == "thread") {
                // Threads that woke in the window: where the emulated CPU and wake-ups went.
                if (fields["ticks"] != "0" || fields["switches"] != "0") {
                    vmIdleOf[name].perThread.push_back(fields["name"] + " " + fields["tid"] + ": " +
                                                       fields["run_ms"] + " ms CPU, " +
                                                       fields["switches"] + " wake-ups");
                }
            } else if (kind == "taps") {
                vmLatencyOf[name] = {std::stod(fields["p50_ms"]), std::stod(fields["p99_ms"]),
                                     std::stoi(fields["n"])};
            }
        }
    }

    std::cout
        << "| path (where measured) | idle wait | redraw | present | idle CPU (% of a core) | "
           "wake-ups/s | frames in idle window | tap-to-frame p50 (ms) | p99 (ms) | taps |\n"
           "|---|---|---|---|---|---|---|---|---|---|\n";
    auto row = [](const char* path, const char* wait, const char* redraw, const char* present,
                  const IdleFigures& idle, const LatencyFigures& latency) {
        std::cout << "| " << path << " | " << wait << " | " << redraw << " | " << present << " | "
                  << kiosk::bench::fixedFigure(idle.cpuPercent, 3) << " | "
                  << kiosk::bench::fixedFigure(idle.wakeupsPerSecond, 2) << " | "
                  << (idle.frames >= 0 ? std::to_string(idle.frames) : "-") << " | "
                  << kiosk::bench::fixedFigure(latency.p50, 1) << " | "
                  << kiosk::bench::fixedFigure(latency.p99, 1) << " | "
                  << (latency.taps > 0 ? std::to_string(latency.taps) : "-") << " |\n";
    };
    for (const Setup& setup : setups) {
        if (setup.onHost) {
            row("offscreen, host", setup.wait, setup.redraw, "software window",
                hostIdleOf[setup.name], hostLatencyOf[setup.name]);
        }
    }
    for (const Setup& setup : setups) {
        row("kmsdrm + evdev, VM (TCG)", setup.wait, setup.redraw, setup.present,
            vmIdleOf[setup.name], vmLatencyOf[setup.name]);
    }
    // The first minute after start-up, apart: it holds one-off costs (the renderer's first
    // clipped frame), which the steady window after it does not.
    row("kmsdrm + evdev, VM (TCG), first minute", "IdleWait (poll)", "changes",
        "KMS buffer (rows changed)", vmIdleOf["poll_part_first"], {});
    std::cout << "\nPer thread in the idle window (threads that woke):\n";
    for (const Setup& setup : setups) {
        for (const std::string& thread : hostIdleOf[setup.name].perThread) {
            std::cout << "  offscreen host, " << setup.name << ": " << thread << "\n";
        }
    }
    for (const Setup& setup : setups) {
        for (const std::string& thread : vmIdleOf[setup.name].perThread) {
            std::cout << "  kmsdrm VM, " << setup.name << ": " << thread << "\n";
        }
    }
    std::cout << "\nidle: " << idleSeconds
              << " s on the home screen; wake-ups = context switches of all the "
                 "kiosk's threads; VM "
              << vmNote
              << ". Taps on the chosen text-size button (a press that shows, a release that "
                 "changes nothing). Host taps: SDL events pushed in-process (offscreen has no "
                 "input device). VM taps: QMP -> USB tablet -> evdev -> SDL, timed to the frame "
                 "log on a serial port; every VM figure is under TCG emulation (a software "
                 "CPU; its OpenGL is llvmpipe), many times slower than the box.\n";
    if (chromium) {
        std::cout << "\nChromium comparison (bench_ui_startup, under Xvfb):\n" << std::flush;
        std::system((here / "bench_ui_startup").string().c_str());
    }
    return 0;
}
