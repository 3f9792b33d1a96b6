// A lesson video on screen. Implemented features: decoding ahead of the clock by one frame,
// upload into one streaming SDL texture, pause/resume/replay, a deadline for the frame clock.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/flow/session_state.hpp"
#include "kiosk/video/video_decoder.hpp"

#include <SDL.h>
#include <filesystem>
#include <memory>
#include <optional>

namespace kiosk::ui {

class VideoPlayback {
public:
    static Result<std::unique_ptr<VideoPlayback>>
    open(SDL_Renderer* renderer, const std::filesystem::path& file, int maxWidth);
    ~VideoPlayback();
    VideoPlayback(const VideoPlayback&) = delete;
    VideoPlayback& operator=(const VideoPlayback&) = delete;

    void play(SteadyTime now);
    void pause(SteadyTime now);
    Status replay(SteadyTime now);
    bool playing() const { return playing_; }
    bool ended() const { return ended_; }

    // Shows the frame due at `now`; returns when the next one is due (nullopt when paused or
    // ended), for the frame clock's sleep.
    Result<std::optional<SteadyTime>> update(SteadyTime now);

    SDL_Texture* texture() const { return texture_; }
    int width() const { return decoder_->width(); }
    int height() const { return decoder_->height(); }

private:
    VideoPlayback() = default;
    double position(SteadyTime now) const;

    std::unique_ptr<video::VideoDecoder> decoder_;
    SDL_Texture* texture_ = nullptr;
    std::optional<video::VideoFrame> pending_; // decoded, not shown yet
    bool playing_ = false;
    bool ended_ = false;
    double pausedAt_ = 0;    // clip seconds where playback stopped
    SteadyTime startedAt_{}; // wall time that corresponds to clip second 0
};

} // namespace kiosk::ui
