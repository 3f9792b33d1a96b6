// The sound and video of lessons for the app's effect loop: one call per effect, one per frame.
#pragma once

#include "kiosk/config/config.hpp"
#include "kiosk/flow/effect.hpp"
#include "kiosk/log/logger.hpp"
#include "ui/platform/guidance_player.hpp"
#include "ui/platform/video_playback.hpp"

#include <SDL.h>
#include <filesystem>
#include <memory>
#include <optional>

namespace kiosk::ui {

class LessonMedia {
public:
    LessonMedia(const AudioConfig& audio, std::filesystem::path contentDir, Logger& logger);

    // PlayAudio, StopAudio, OpenVideo, ControlVideo, CloseVideo.
    void handle(const MediaEffect& effect, SDL_Renderer* renderer, int maxVideoWidth,
                SteadyTime now);
    // Advances the video; returns when the next frame is due (for the frame clock).
    std::optional<SteadyTime> update(SteadyTime now);
    // The open video for the lesson screen to draw; null when none.
    VideoPlayback* video() const { return video_.get(); }

private:
    std::filesystem::path contentDir_;
    Logger& logger_;
    GuidancePlayer guidance_;
    std::unique_ptr<VideoPlayback> video_;
};

} // namespace kiosk::ui
