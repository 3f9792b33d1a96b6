// A line per presented frame (KIOSK_FRAME_LOG=FILE), so benchmarks can time a tap to the frame
// that shows it; off unless asked for.
#pragma once

#include <array>
#include <memory>
#include <string>

namespace kiosk::ui {

// The main thread's CPU time in each phase of one frame, so a slow frame on the box says where
// its time went (a software GL's own threads are not in it: they show per thread in schedstat).
class FrameCost {
public:
    enum class Phase { Build, Compare, Draw, Present, Count };

    // Off, it reads no clock: a thread's CPU time is a system call, five a frame for nothing
    // when no frame log asks.
    explicit FrameCost(bool on = true)
        : on_(on) {}

    void start();
    // The CPU time since the previous mark (or start) goes to `phase`.
    void mark(Phase phase);
    // "cpu_us=BUILD/COMPARE/DRAW/PRESENT".
    std::string describe() const;

private:
    bool on_;
    long long last_ = 0;
    std::array<long long, static_cast<int>(Phase::Count)> micros_{};
};

class FrameLog {
public:
    // The log named by KIOSK_FRAME_LOG, or null when unset or unopenable. A serial port or a
    // FIFO works as well as a file: each line is one write(2), seen by a reader at once.
    static std::unique_ptr<FrameLog> fromEnvironment();
    ~FrameLog();
    FrameLog(const FrameLog&) = delete;
    FrameLog& operator=(const FrameLog&) = delete;

    // A touch or button press went in: the next presented frame is the one that shows it.
    void notePress() { pressPending_ = true; }
    // "frame N MONOTONIC_US press=0|1 REPAINT": the frame just presented, and how much of it
    // was drawn ("whole", or "part=WxH age=A").
    void presented(const std::string& repaint);

private:
    explicit FrameLog(int fd)
        : fd_(fd) {}
    int fd_;
    long frames_ = 0;
    bool pressPending_ = false;
};

} // namespace kiosk::ui
