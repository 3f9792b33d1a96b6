// IdleWait: poll() over evdev nodes, an inotify watch of their folder and an eventfd.
#include "ui/platform/idle_wait.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace kiosk::ui {
namespace {

bool isEventNode(const std::string& name) {
    return name.rfind("event", 0) == 0;
}

// Reads until the descriptor is empty; false when it is gone (device unplugged) or failed.
bool drainDescriptor(int fd) {
    std::array<char, 4096> buffer{}; // 170 evdev events of 24 bytes: a long swipe's worth
    for (;;) {
        ssize_t got = read(fd, buffer.data(), buffer.size());
        if (got > 0) {
            continue;
        }
        if (got < 0 && errno == EINTR) {
            continue;
        }
        return got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
}

} // namespace

Result<std::unique_ptr<IdleWait>> IdleWait::open(const std::filesystem::path& inputDir) {
    int wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (wakeFd < 0) {
        return makeError("idle.eventfd", std::string("eventfd: ") + std::strerror(errno));
    }
    int watchFd = -1;
    if (!inputDir.empty()) {
        // Devices plugged in later (a touch panel re-enumerated after a brown-out) must wake the
        // loop too; without the watch they would only be found at the next deadline.
        watchFd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (watchFd >= 0 &&
            inotify_add_watch(watchFd, inputDir.c_str(), IN_CREATE | IN_ATTRIB | IN_DELETE) < 0) {
            close(watchFd);
            watchFd = -1;
        }
    }
    std::unique_ptr<IdleWait> wait(new IdleWait(inputDir, wakeFd, watchFd));
    wait->rescanInputs();
    return wait;
}

IdleWait::IdleWait(std::filesystem::path inputDir, int wakeFd, int watchFd)
    : inputDir_(std::move(inputDir))
    , wakeFd_(wakeFd)
    , watchFd_(watchFd) {}

IdleWait::~IdleWait() {
    for (const InputNode& input : inputs_) {
        close(input.fd);
    }
    if (watchFd_ >= 0) {
        close(watchFd_);
    }
    close(wakeFd_);
}

void IdleWait::wake() const {
    std::uint64_t one = 1;
    // A full counter (2^64 - 2 pending wake-ups) fails with EAGAIN and is still readable: the
    // wait ends either way, so the result needs no handling.
    [[maybe_unused]] ssize_t written = write(wakeFd_, &one, sizeof one);
}

void IdleWait::rescanInputs() {
    if (inputDir_.empty()) {
        return;
    }
    std::vector<std::string> present;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(inputDir_, error)) {
        std::string name = entry.path().filename().string();
        if (isEventNode(name)) {
            present.push_back(name);
        }
    }
    std::erase_if(inputs_, [&](const InputNode& input) {
        bool gone = std::find(present.begin(), present.end(), input.name) == present.end();
        if (gone) {
            close(input.fd);
        }
        return gone;
    });
    for (const std::string& name : present) {
        bool known = std::any_of(inputs_.begin(), inputs_.end(),
                                 [&](const InputNode& input) { return input.name == name; });
        if (known) {
            continue;
        }
        // A node we may not read (wrong group) is skipped: SDL cannot read it either, so no
        // input from it could be missed.
        int fd = ::open((inputDir_ / name).c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0) {
            inputs_.push_back({name, fd});
        }
    }
}

bool IdleWait::drainInputs(const std::vector<short>& revents) {
    bool input = false;
    bool lost = false;
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
        if (revents[i] == 0) {
            continue;
        }
        input = input || (revents[i] & POLLIN) != 0;
        if ((revents[i] & (POLLERR | POLLHUP | POLLNVAL)) != 0 || !drainDescriptor(inputs_[i].fd)) {
            lost = true; // unplugged: ENODEV from now on
        }
    }
    if (lost) {
        for (InputNode& node : inputs_) {
            close(node.fd);
        }
        inputs_.clear();
        rescanInputs();
    }
    return input;
}

WakeReason IdleWait::wait(int timeoutMs) {
    std::vector<pollfd> fds;
    fds.reserve(inputs_.size() + 2);
    for (const InputNode& input : inputs_) {
        fds.push_back({input.fd, POLLIN, 0});
    }
    fds.push_back({wakeFd_, POLLIN, 0});
    if (watchFd_ >= 0) {
        fds.push_back({watchFd_, POLLIN, 0});
    }
    int ready = 0;
    do {
        ready = poll(fds.data(), fds.size(), std::max(timeoutMs, 0));
    } while (ready < 0 && errno == EINTR);
    if (ready <= 0) {
        return WakeReason::Deadline;
    }
    std::vector<short> inputEvents;
    inputEvents.reserve(inputs_.size());
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
        inputEvents.push_back(fds[i].revents);
    }
    bool woken = fds[inputs_.size()].revents != 0;
    if (woken) {
        drainDescriptor(wakeFd_);
    }
    bool plugged = watchFd_ >= 0 && fds.back().revents != 0;
    bool input = drainInputs(inputEvents);
    if (plugged) {
        drainDescriptor(watchFd_);
        rescanInputs();
    }
    if (input) {
        return WakeReason::Input;
    }
    // A plugged device is news for SDL too (it adds the device on its next pump).
    return woken || plugged ? WakeReason::WokenUp : WakeReason::Deadline;
}

IdleMode idleModeFor(std::string_view videoDriver) {
    return videoDriver == "x11" || videoDriver == "wayland" ? IdleMode::SdlWait
                                                            : IdleMode::PollInput;
}

bool waitForSdlEvent(IdleWait* idle, SDL_Event& event, int timeoutMs) {
    if (idle == nullptr) {
        return SDL_WaitEventTimeout(&event, timeoutMs) != 0;
    }
    // Queued already (pushed by a worker, or read by SDL's last pump): no sleep. Anything that
    // arrives after this pump is still unread in our own copy of the input or the eventfd, so
    // the poll below returns at once: no wake-up can be lost between the two.
    if (SDL_PollEvent(&event) != 0) {
        return true;
    }
    idle->wait(timeoutMs);
    return SDL_PollEvent(&event) != 0;
}

} // namespace kiosk::ui
