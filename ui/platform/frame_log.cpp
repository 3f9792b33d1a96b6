// FrameLog: one unbuffered line per presented frame.
#include "ui/platform/frame_log.hpp"

#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace kiosk::ui {

namespace {

long long threadMicros() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<long long>(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000;
}

} // namespace

void FrameCost::start() {
    micros_.fill(0);
    if (on_) {
        last_ = threadMicros();
    }
}

void FrameCost::mark(Phase phase) {
    if (!on_) {
        return;
    }
    long long now = threadMicros();
    micros_[static_cast<int>(phase)] += now - last_;
    last_ = now;
}

std::string FrameCost::describe() const {
    std::string text = "cpu_us=";
    for (std::size_t i = 0; i < micros_.size(); ++i) {
        text += (i == 0 ? "" : "/") + std::to_string(micros_[i]);
    }
    return text;
}

std::unique_ptr<FrameLog> FrameLog::fromEnvironment() {
    const char* path = std::getenv("KIOSK_FRAME_LOG");
    if (path == nullptr || *path == '\0') {
        return nullptr;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOCTTY, 0644);
    if (fd < 0) {
        return nullptr; // a measurement aid: the kiosk runs the same without it
    }
    return std::unique_ptr<FrameLog>(new FrameLog(fd));
}

FrameLog::~FrameLog() {
    close(fd_);
}

void FrameLog::presented(const std::string& repaint) {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long micros = static_cast<long long>(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000;
    std::string line = "frame " + std::to_string(++frames_) + " " + std::to_string(micros) +
                       " press=" + (pressPending_ ? "1" : "0") + " " + repaint + "\n";
    pressPending_ = false;
    [[maybe_unused]] ssize_t written = write(fd_, line.data(), line.size());
}

} // namespace kiosk::ui
