// USB pack discovery: inotify on the mount place and its parent, POLLPRI on the mount table.
#include "kiosk/content/usb_pack_watcher.hpp"

#include "kiosk/log/logger.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {
namespace {

constexpr std::uint32_t kDirMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE |
                                   IN_DELETE_SELF | IN_UNMOUNT | IN_CREATE;
constexpr std::uint32_t kParentMask = IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM;

} // namespace

Result<UsbPackWatcher> UsbPackWatcher::create(const std::filesystem::path& mountDir,
                                              const std::filesystem::path& mountInfo,
                                              Logger* logger) {
    UsbPackWatcher watcher;
    watcher.logger_ = logger;
    watcher.mountDir_ = mountDir;
    watcher.inotify_ = UniqueFd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
    if (!watcher.inotify_) {
        return makeError("io_error", "cannot start inotify: " + errnoText(errno));
    }
    // The mount table is optional: tests and laptops watch a plain folder.
    watcher.mountInfo_ = UniqueFd(::open(mountInfo.c_str(), O_RDONLY | O_CLOEXEC));
    watcher.rearm();
    return watcher;
}

void UsbPackWatcher::rearm() {
    if (dirWatch_ >= 0) {
        ::inotify_rm_watch(inotify_.get(), dirWatch_);
    }
    dirWatch_ = ::inotify_add_watch(inotify_.get(), mountDir_.c_str(), kDirMask);
    if (parentWatch_ < 0) {
        parentWatch_ =
            ::inotify_add_watch(inotify_.get(), mountDir_.parent_path().c_str(), kParentMask);
    }
}

bool UsbPackWatcher::drainEvents() {
    bool changed = false;
    alignas(inotify_event) char buffer[4096];
    while (true) {
        ssize_t n = ::read(inotify_.get(), buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        for (char* at = buffer; at < buffer + n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(at);
            at += sizeof(inotify_event) + event->len;
            if (event->wd == parentWatch_) {
                std::string_view name = event->len > 0 ? event->name : "";
                if (name.substr(0, name.find('\0')) != mountDir_.filename().string()) {
                    continue;
                }
                rearm(); // the mount place itself appeared or went away
            }
            if (event->mask & (IN_DELETE_SELF | IN_UNMOUNT | IN_IGNORED)) {
                if (event->wd == dirWatch_) {
                    dirWatch_ = -1;
                }
            }
            changed = true;
        }
    }
    return changed;
}

std::vector<FoundPack> UsbPackWatcher::poll(std::chrono::milliseconds timeout) {
    pollfd fds[2] = {{inotify_.get(), POLLIN, 0}, {mountInfo_.get(), POLLPRI, 0}};
    nfds_t count = mountInfo_ ? 2 : 1;
    int ready = ::poll(fds, count, primed_ ? static_cast<int>(timeout.count()) : 0);
    bool changed = !primed_;
    primed_ = true;
    if (ready > 0 && count == 2 && (fds[1].revents & (POLLPRI | POLLERR))) {
        // Reading the table acknowledges the change; the next mount signals again.
        char sink[4096];
        ::lseek(mountInfo_.get(), 0, SEEK_SET);
        while (::read(mountInfo_.get(), sink, sizeof sink) > 0) {
        }
        rearm();
        changed = true;
    }
    if (ready > 0 && (fds[0].revents & POLLIN)) {
        changed = drainEvents() || changed;
    }
    if (dirWatch_ < 0) {
        rearm();
    }
    if (!changed) {
        return {};
    }
    std::vector<FoundPack> present = scan();
    std::vector<FoundPack> fresh;
    decltype(reported_) now;
    for (const FoundPack& pack : present) {
        struct stat info {};
        ::stat(pack.path.c_str(), &info);
        auto key = std::make_pair(pack.size, static_cast<std::int64_t>(info.st_mtime));
        auto it = reported_.find(pack.path);
        if (it == reported_.end() || it->second != key) {
            fresh.push_back(pack);
            if (logger_ != nullptr) {
                logger_->log(LogEvent::UsbPackFound,
                             {{"file", SystemText{pack.path.filename().string()}},
                              {"bytes", static_cast<std::int64_t>(pack.size)}});
            }
        }
        now[pack.path] = key;
    }
    reported_ = std::move(now);
    return fresh;
}

std::vector<FoundPack> UsbPackWatcher::scan() const {
    std::vector<FoundPack> packs;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(mountDir_, error)) {
        std::error_code statError;
        if (entry.path().extension() != ".kpack" || !entry.is_regular_file(statError) ||
            entry.is_symlink(statError) || entry.path().filename().string().front() == '.') {
            continue;
        }
        packs.push_back(FoundPack{entry.path(), entry.file_size(statError)});
    }
    std::sort(packs.begin(), packs.end(),
              [](const FoundPack& a, const FoundPack& b) { return a.path < b.path; });
    return packs;
}

} // namespace kiosk
