// The sound and video of lessons for the app's effect loop: one call per effect, one per frame.
#pragma once

#include "kiosk/config/config.hpp"
#include "kiosk/flow/effect.hpp"
#include "kiosk/log/logger.hpp"
#include "ui/platform/guidance_player.hpp"
#include "ui/platform/video_playback.hpp"

#include <SDL.h>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

namespace kiosk::ui {

class LessonMedia {
public:
    // `wake` is called from the guidance worker when a screen reading starts; may be empty.
    LessonMedia(const AudioConfig& audio, std::filesystem::path contentDir, Logger& logger,
                std::function<void()> wake = {});

    // PlayAudio, StopAudio, SpeakScreen, OpenVideo, ControlVideo, CloseVideo.
    void handle(const MediaEffect& effect, SDL_Renderer* renderer, int maxVideoWidth,
                SteadyTime now);
    // Advances the video and notes the end of a screen read aloud; returns when the next video
    // frame or that end is due (for the frame clock).
    std::optional<SteadyTime> update(SteadyTime now);
    // True once after a screen read aloud played to its end (the app tells the flow).
    bool takeSpeechFinished();
    // The open video for the lesson screen to draw; null when none.
    VideoPlayback* video() const { return video_.get(); }

private:
    std::filesystem::path contentDir_;
    Logger& logger_;
    GuidancePlayer guidance_;
    std::unique_ptr<VideoPlayback> video_;
    bool speechPreparing_ = false;           // asked for, not yet playing
    bool wakes_ = false;                     // the worker wakes the loop when it starts
    std::optional<SteadyTime> speechEndsAt_; // while a screen is read aloud
    bool speechFinished_ = false;
};

} // namespace kiosk::ui
