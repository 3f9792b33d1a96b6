// Finds *.kpack files on the USB stick mounted at the kiosk's mount place (inotify + mountinfo).
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/content/fs_util.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <vector>

namespace kiosk {

class Logger;

struct FoundPack {
    std::filesystem::path path;
    std::uint64_t size = 0;
};

// The stick is mounted read-only by systemd (systemd/kiosk-usb-mount@.service). A mount hides
// the directory an inotify watch was placed on, so the watcher also polls the kernel's mount
// table (/proc/self/mountinfo signals POLLPRI on every mount change) and re-arms its watch.
// Only top-level *.kpack regular files are reported, each once until it disappears or changes.
class UsbPackWatcher {
public:
    static Result<UsbPackWatcher>
    create(const std::filesystem::path& mountDir,
           const std::filesystem::path& mountInfo = "/proc/self/mountinfo",
           Logger* logger = nullptr);

    // Waits at most `timeout` (zero: never blocks) and returns packs that appeared since the
    // last call. The first call reports packs already present.
    std::vector<FoundPack> poll(std::chrono::milliseconds timeout = std::chrono::milliseconds{0});

    // Every pack present now, without changing what counts as already reported.
    std::vector<FoundPack> scan() const;

private:
    UsbPackWatcher() = default;
    void rearm();
    bool drainEvents();

    std::filesystem::path mountDir_;
    UniqueFd inotify_;
    UniqueFd mountInfo_;
    int dirWatch_ = -1;
    int parentWatch_ = -1;
    bool primed_ = false;
    Logger* logger_ = nullptr;
    std::map<std::filesystem::path, std::pair<std::uint64_t, std::int64_t>> reported_;
};

} // namespace kiosk
