// UsbBusWatch: inotify on the bus folders, a thread that sleeps in poll() until they change.
#include "kiosk/devices/usb_bus_watch.hpp"

#include <array>
#include <cerrno>
#include <cstdint>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace kiosk {

namespace {

constexpr std::uint32_t kNodeEvents = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO;

} // namespace

std::unique_ptr<UsbBusWatch> UsbBusWatch::open(const std::filesystem::path& root,
                                               std::function<void()> changed) {
    int inotifyFd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotifyFd < 0) {
        return nullptr;
    }
    // A new bus (a controller bound late) appears as a folder in the root.
    if (inotify_add_watch(inotifyFd, root.c_str(), kNodeEvents | IN_ONLYDIR) < 0) {
        close(inotifyFd);
        return nullptr;
    }
    int stopFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (stopFd < 0) {
        close(inotifyFd);
        return nullptr;
    }
    std::unique_ptr<UsbBusWatch> watch(
        new UsbBusWatch(inotifyFd, stopFd, root, std::move(changed)));
    watch->watchBuses();
    watch->thread_ = std::thread([raw = watch.get()] { raw->run(); });
    return watch;
}

UsbBusWatch::UsbBusWatch(int inotifyFd, int stopFd, std::filesystem::path root,
                         std::function<void()> changed)
    : inotifyFd_(inotifyFd)
    , stopFd_(stopFd)
    , root_(std::move(root))
    , changed_(std::move(changed)) {}

UsbBusWatch::~UsbBusWatch() {
    std::uint64_t one = 1;
    [[maybe_unused]] ssize_t written = write(stopFd_, &one, sizeof one);
    if (thread_.joinable()) {
        thread_.join();
    }
    close(stopFd_);
    close(inotifyFd_);
}

void UsbBusWatch::watchBuses() {
    std::error_code error;
    // Adding a folder watched already only returns its descriptor again. A root gone meanwhile
    // leaves nothing to add (the watch on it has ended too).
    for (const auto& bus : std::filesystem::directory_iterator(root_, error)) {
        if (bus.is_directory(error)) {
            inotify_add_watch(inotifyFd_, bus.path().c_str(), kNodeEvents);
        }
    }
}

void UsbBusWatch::run() {
    std::array<pollfd, 2> fds{pollfd{inotifyFd_, POLLIN, 0}, pollfd{stopFd_, POLLIN, 0}};
    alignas(inotify_event) std::array<char, 4096> buffer{};
    while (true) {
        if (poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;
        }
        if (fds[1].revents != 0) {
            return;
        }
        bool newBus = false;
        ssize_t length = 0;
        while ((length = read(inotifyFd_, buffer.data(), buffer.size())) > 0) {
            for (ssize_t offset = 0; offset < length;) {
                const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + offset);
                newBus = newBus || (event->mask & IN_ISDIR) != 0;
                offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            }
        }
        if (newBus) {
            // Its devices may have arrived before the folder was watched: the caller looks
            // anyway, since it is told of the change below.
            watchBuses();
        }
        changed_();
    }
}

} // namespace kiosk
