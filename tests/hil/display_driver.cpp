// Runs the display test machine's qemu and plays the touchscreen's user: taps through QMP when
// the guest asks (a "HIL-DISPLAY tap" console line) and times taps to the kiosk's frame log.
//
//   kiosk-hil-display --out DIR -- qemu-system-x86_64 ARGS...
//
// The guest console (qemu's stdio) is copied to DIR/console.log; the kiosk's frame log arrives
// on the second serial port (DIR/frames.sock); QMP listens on DIR/qmp.sock. A "HIL-DISPLAY taps
// N X Y" line runs N taps and appends "HIL-BENCH taps ..." with the latency figures.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <optional>
#include <poll.h>
#include <signal.h>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// QMP's absolute axis range (INPUT_EVENT_ABS_MAX).
constexpr int kAbsMax = 0x7fff;

int connectUnix(const std::string& path) {
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s", path.c_str());
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

// Splits a byte stream into lines.
struct LineReader {
    std::string pending;
    std::vector<std::string> feed(const char* data, std::size_t size) {
        pending.append(data, size);
        std::vector<std::string> lines;
        std::size_t end = 0;
        while ((end = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, end);
            line.erase(std::remove(line.begin(), line.end(), '\r'), line.end());
            lines.push_back(line);
            pending.erase(0, end + 1);
        }
        return lines;
    }
};

// Where a "press" slides off to before it lifts: the header's empty middle, no button.
constexpr int kSlideOffX = 640;
constexpr int kSlideOffY = 20;

// The share of a screendump (binary PPM) that is not black, in percent: a panel that shows
// only what a frame repainted over black (back buffers that lost their picture) scores low.
int litPercent(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::string magic;
    int width = 0;
    int height = 0;
    int maxValue = 0;
    file >> magic >> width >> height >> maxValue;
    file.get();
    if (magic != "P6" || width <= 0 || height <= 0 || maxValue != 255) {
        return 0;
    }
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
    file.read(reinterpret_cast<char*>(pixels.data()), static_cast<std::streamsize>(pixels.size()));
    if (!file) {
        return 0;
    }
    std::size_t lit = 0;
    for (std::size_t i = 0; i < pixels.size(); i += 3) {
        lit += (pixels[i] > 16 || pixels[i + 1] > 16 || pixels[i + 2] > 16) ? 1 : 0;
    }
    return static_cast<int>(lit * 100 / (pixels.size() / 3));
}

// QEMU's machine protocol: one JSON command per line, answered by a "return" or "error" line
// (asynchronous "event" lines in between are skipped).
class Qmp {
public:
    explicit Qmp(const std::string& path) {
        for (int i = 0; i < 100 && fd_ < 0; ++i) {
            fd_ = connectUnix(path);
            if (fd_ < 0) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
        if (fd_ >= 0) {
            answer(); // the greeting
            command(R"({"execute":"qmp_capabilities"})");
        }
    }
    ~Qmp() {
        if (fd_ >= 0) {
            close(fd_);
        }
    }
    bool connected() const { return fd_ >= 0; }

    std::string command(const std::string& json) {
        std::string line = json + "\n";
        if (write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
            return "write failed";
        }
        return answer();
    }

    // The pointer to pixel (x, y). SDL 2.26's evdev code passes an absolute mouse's raw axis
    // values on as pixels (it scales only touchscreens to their range), so the pixel goes in
    // unscaled: QEMU's tablet reports QMP's value as it is.
    std::string move(int x, int y) {
        return command(R"({"execute":"input-send-event","arguments":{"events":[)"
                       R"({"type":"abs","data":{"axis":"x","value":)" +
                       std::to_string(std::clamp(x, 0, kAbsMax)) +
                       R"(}},{"type":"abs","data":{"axis":"y","value":)" +
                       std::to_string(std::clamp(y, 0, kAbsMax)) + R"(}}]}})");
    }
    // The left button down or up. Sent apart from the move: the tablet's report puts buttons
    // before axes, and SDL would press at the old position and release at the new one.
    std::string button(bool down) {
        return command(R"({"execute":"input-send-event","arguments":{"events":[)"
                       R"({"type":"btn","data":{"down":)" +
                       std::string(down ? "true" : "false") + R"(,"button":"left"}}]}})");
    }

private:
    std::string answer() {
        char buffer[4096];
        for (;;) {
            for (const std::string& line : reader_.feed("", 0)) {
                if (line.find("\"event\"") == std::string::npos) {
                    return line;
                }
            }
            ssize_t got = read(fd_, buffer, sizeof buffer);
            if (got <= 0) {
                return "closed";
            }
            for (const std::string& line : reader_.feed(buffer, static_cast<std::size_t>(got))) {
                if (line.find("\"event\"") == std::string::npos) {
                    return line;
                }
            }
        }
    }
    int fd_ = -1;
    LineReader reader_;
};

double percentile(std::vector<double> values, double p) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

struct TapRun {
    std::string name; // the idle wait the kiosk runs with, for the figures' line
    int left = 0;     // taps asked for; 0 when no run is going on
    int started = 0;
    int x = 0;
    int y = 0;
    std::optional<Clock::time_point> pressSent; // waiting for the frame that shows it
    Clock::time_point quietUntil{};             // after the release: let the frames settle
    Clock::time_point lastFrame{};
    int timeouts = 0;
    std::vector<double> latenciesMs;
};

} // namespace

int main(int argc, char** argv) {
    std::string out;
    int first = 1;
    for (; first < argc; ++first) {
        std::string arg = argv[first];
        if (arg == "--out" && first + 1 < argc) {
            out = argv[++first];
        } else if (arg == "--") {
            ++first;
            break;
        }
    }
    if (out.empty() || first >= argc) {
        std::cerr << "usage: kiosk-hil-display --out DIR -- QEMU ARGS...\n";
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    int toQemu[2];
    int fromQemu[2];
    if (pipe2(toQemu, O_CLOEXEC) != 0 || pipe2(fromQemu, O_CLOEXEC) != 0) {
        std::perror("pipe");
        return 1;
    }
    pid_t qemu = fork();
    if (qemu == 0) {
        dup2(toQemu[0], STDIN_FILENO);
        dup2(fromQemu[1], STDOUT_FILENO);
        dup2(fromQemu[1], STDERR_FILENO);
        execvp(argv[first], argv + first);
        std::perror("exec qemu");
        _exit(127);
    }
    close(toQemu[0]);
    close(fromQemu[1]);
    std::ofstream console(out + "/console.log");
    // Every frame-log line as it came (how much of each frame was repainted, and when).
    std::ofstream frameFile(out + "/frames.log");
    LineReader consoleLines;
    LineReader frameLines;
    std::optional<Qmp> qmp;
    int frames = -1;
    auto nextConnect = Clock::now();
    TapRun taps;
    long lastFrameNumber = 0;
    auto ensureQmp = [&] {
        if (!qmp) {
            qmp.emplace(out + "/qmp.sock");
        }
        return qmp->connected();
    };
    auto finishTaps = [&] {
        std::ostringstream line;
        line.setf(std::ios::fixed);
        line.precision(1);
        line << "HIL-BENCH taps " << taps.name
             << " path=kmsdrm-vm-tcg n=" << taps.latenciesMs.size() << " timeouts=" << taps.timeouts
             << " p50_ms=" << percentile(taps.latenciesMs, 50)
             << " p99_ms=" << percentile(taps.latenciesMs, 99)
             << " max_ms=" << percentile(taps.latenciesMs, 100);
        console << line.str() << std::endl;
        std::cout << line.str() << std::endl;
        const char done[] = "taps-done\n";
        [[maybe_unused]] ssize_t written = write(toQemu[1], done, sizeof done - 1);
    };
    // A finger's tap: down, and up 80 ms later, whether or not the press has been drawn yet
    // (under TCG a frame takes longer than a tap). The press is timed to the first frame after
    // it, which the frame log marks press=1.
    auto startTap = [&] {
        taps.pressSent = Clock::now();
        qmp->button(true);
        std::this_thread::sleep_for(std::chrono::milliseconds(80));
        qmp->button(false);
    };
    bool running = true;
    while (running) {
        auto now = Clock::now();
        if (frames < 0 && now >= nextConnect) {
            frames = connectUnix(out + "/frames.sock");
            nextConnect = now + std::chrono::milliseconds(200);
        }
        std::vector<pollfd> fds{{fromQemu[0], POLLIN, 0}};
        if (frames >= 0) {
            fds.push_back({frames, POLLIN, 0});
        }
        poll(fds.data(), fds.size(), 50);
        char buffer[4096];
        if (fds[0].revents != 0) {
            ssize_t got = read(fromQemu[0], buffer, sizeof buffer);
            if (got <= 0) {
                running = false;
            } else {
                for (const std::string& line :
                     consoleLines.feed(buffer, static_cast<std::size_t>(got))) {
                    console << line << '\n';
                    console.flush();
                    std::istringstream words(line);
                    std::string tag;
                    std::string verb;
                    words >> tag >> verb;
                    if (tag != "HIL-DISPLAY") {
                        continue;
                    }
                    if ((verb == "tap" || verb == "press") && ensureQmp()) {
                        // A tap lifts where it pressed. A press holds while the frame showing
                        // it comes (slow under TCG), then slides off before lifting: nothing
                        // is chosen.
                        int x = 0;
                        int y = 0;
                        words >> x >> y;
                        qmp->move(x, y);
                        std::this_thread::sleep_for(std::chrono::milliseconds(50));
                        qmp->button(true);
                        if (verb == "tap") {
                            std::this_thread::sleep_for(std::chrono::milliseconds(80));
                        } else {
                            std::this_thread::sleep_for(std::chrono::milliseconds(3000));
                            qmp->move(kSlideOffX, kSlideOffY);
                            std::this_thread::sleep_for(std::chrono::milliseconds(100));
                        }
                        qmp->button(false);
                    } else if (verb == "screendump" && ensureQmp()) {
                        // What the panel shows now, as QEMU scans it out: DIR/NAME.ppm.
                        std::string name;
                        words >> name;
                        std::string answer =
                            qmp->command(R"({"execute":"screendump","arguments":{"filename":")" +
                                         out + "/" + name + R"(.ppm"}})");
                        std::string reply =
                            "screendump " + name + " " +
                            (answer.find("\"return\"") != std::string::npos
                                 ? "ok " + std::to_string(litPercent(out + "/" + name + ".ppm"))
                                 : std::string("failed 0")) +
                            "\n";
                        [[maybe_unused]] ssize_t written =
                            write(toQemu[1], reply.data(), reply.size());
                    } else if (verb == "frames") {
                        // The frames the kiosk has drawn so far (its frame log's counter).
                        std::string reply = "frames " + std::to_string(lastFrameNumber) + "\n";
                        [[maybe_unused]] ssize_t written =
                            write(toQemu[1], reply.data(), reply.size());
                    } else if (verb == "taps" && ensureQmp()) {
                        taps = TapRun{};
                        words >> taps.left >> taps.x >> taps.y >> taps.name;
                        // Off the spot and back: a kiosk started since the last run of taps
                        // has seen no motion, and the tablet reports nothing when the pointer
                        // stays where it was, so SDL would press at (0, 0).
                        qmp->move(taps.x + 8, taps.y + 8);
                        std::this_thread::sleep_for(std::chrono::milliseconds(100));
                        qmp->move(taps.x, taps.y);
                        taps.quietUntil = Clock::now() + std::chrono::milliseconds(300);
                    }
                }
            }
        }
        if (frames >= 0 && fds.size() > 1 && fds[1].revents != 0) {
            ssize_t got = read(frames, buffer, sizeof buffer);
            if (got <= 0) {
                close(frames);
                frames = -1;
            } else {
                for (const std::string& line :
                     frameLines.feed(buffer, static_cast<std::size_t>(got))) {
                    taps.lastFrame = Clock::now();
                    frameFile << line << std::endl;
                    std::sscanf(line.c_str(), "frame %ld", &lastFrameNumber);
                    if (taps.pressSent && line.find("press=1") != std::string::npos) {
                        std::chrono::duration<double, std::milli> latency =
                            taps.lastFrame - *taps.pressSent;
                        taps.latenciesMs.push_back(latency.count());
                        taps.pressSent.reset();
                        taps.quietUntil = Clock::now() + std::chrono::milliseconds(300);
                    }
                }
            }
        }
        // A press that never shows (10 s) counts as a timeout; after each press frame the next
        // tap waits until no frame came for 300 ms, so taps never overlap the previous redraw.
        now = Clock::now();
        if (taps.pressSent && now - *taps.pressSent > std::chrono::seconds(10)) {
            ++taps.timeouts;
            taps.pressSent.reset();
            taps.quietUntil = now;
        }
        if (taps.left > 0 && !taps.pressSent && now >= taps.quietUntil &&
            now - taps.lastFrame > std::chrono::milliseconds(300)) {
            if (taps.started == taps.left) {
                finishTaps();
                taps.left = 0;
            } else {
                ++taps.started;
                startTap();
            }
        }
    }
    int status = 0;
    waitpid(qemu, &status, 0);
    if (frames >= 0) {
        close(frames);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
