// Sleeps the main loop until input, a deadline or a worker's wake-up on video drivers whose
// SDL_WaitEventTimeout cannot block (kmsdrm, offscreen), instead of SDL's 1 ms polling.
#pragma once

#include "drivers/common/result.hpp"

#include <SDL.h>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// Why a wait ended. Input and wake-ups may arrive together; Input wins (it is the one a
// resident feels).
enum class WakeReason { Input, WokenUp, Deadline };

// How the loop sleeps on a video driver: SDL blocks in the kernel (x11, wayland) or we poll()
// the input devices and an eventfd ourselves.
enum class IdleMode { SdlWait, PollInput };

class IdleWait {
public:
    // Watches the evdev nodes `event*` in `inputDir` (/dev/input on a kiosk: the nodes SDL's
    // evdev input reads) and devices plugged in later. An empty path watches no input.
    static Result<std::unique_ptr<IdleWait>> open(const std::filesystem::path& inputDir);
    ~IdleWait();
    IdleWait(const IdleWait&) = delete;
    IdleWait& operator=(const IdleWait&) = delete;

    // Ends the current wait, or the next one if none is running. Safe from any thread and from
    // a signal handler (one write to an eventfd).
    void wake() const;
    // Sleeps up to `timeoutMs` (0 = only look). Drains what woke it: our copies of the input
    // events (each reader of an evdev node gets its own, so SDL still sees every one) and the
    // eventfd, so the next wait sleeps again.
    WakeReason wait(int timeoutMs);
    // Input device nodes currently watched.
    std::size_t inputDevices() const { return inputs_.size(); }

private:
    IdleWait(std::filesystem::path inputDir, int wakeFd, int watchFd);
    void rescanInputs();
    bool drainInputs(const std::vector<short>& revents);

    struct InputNode {
        std::string name;
        int fd;
    };
    std::filesystem::path inputDir_;
    int wakeFd_;
    int watchFd_; // inotify on inputDir_, -1 without one
    std::vector<InputNode> inputs_;
};

// The idle mode for an SDL video driver by name: only drivers with a blocking event wait in
// SDL 2.26 (x11, wayland) sleep in SDL; every other one polls through IdleWait.
IdleMode idleModeFor(std::string_view videoDriver);

// The loop's sleep: SDL_WaitEventTimeout when `idle` is null (SDL blocks by itself), else an
// IdleWait before SDL's queue is read. True with `event` filled when an event came.
bool waitForSdlEvent(IdleWait* idle, SDL_Event& event, int timeoutMs);

} // namespace kiosk::ui
