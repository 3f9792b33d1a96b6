// Frame pacing against the steady clock: a frame is shown once its timestamp has been reached.
#include "ui/platform/video_playback.hpp"

#include "ui/platform/frame_damage.hpp"

#include <chrono>
#include <string>

namespace kiosk::ui {

Result<std::unique_ptr<VideoPlayback>>
VideoPlayback::open(SDL_Renderer* renderer, const std::filesystem::path& file, int maxWidth) {
    auto decoder = video::VideoDecoder::open(file, maxWidth);
    if (!decoder) {
        return decoder.error();
    }
    std::unique_ptr<VideoPlayback> playback(new VideoPlayback());
    playback->decoder_ = std::move(*decoder);
    playback->texture_ =
        SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STREAMING,
                          playback->decoder_->width(), playback->decoder_->height());
    if (playback->texture_ == nullptr) {
        return makeError("video_failed", std::string("SDL texture: ") + SDL_GetError());
    }
    return playback;
}

VideoPlayback::~VideoPlayback() {
    if (texture_ != nullptr) {
        SDL_DestroyTexture(texture_);
        noteTextureContentsChanged();
    }
}

double VideoPlayback::position(SteadyTime now) const {
    if (!playing_) {
        return pausedAt_;
    }
    return std::chrono::duration<double>(now - startedAt_).count();
}

void VideoPlayback::play(SteadyTime now) {
    if (playing_ || ended_) {
        return;
    }
    startedAt_ = now - std::chrono::duration_cast<SteadyTime::duration>(
                           std::chrono::duration<double>(pausedAt_));
    playing_ = true;
}

void VideoPlayback::pause(SteadyTime now) {
    if (!playing_) {
        return;
    }
    pausedAt_ = position(now);
    playing_ = false;
}

Status VideoPlayback::replay(SteadyTime now) {
    if (auto rewound = decoder_->rewind(); !rewound) {
        return rewound;
    }
    pending_.reset();
    ended_ = false;
    playing_ = false;
    pausedAt_ = 0;
    play(now);
    return ok();
}

Result<std::optional<SteadyTime>> VideoPlayback::update(SteadyTime now) {
    double at = position(now);
    bool shown = false;
    while (!ended_) {
        if (!pending_) {
            auto next = decoder_->next();
            if (!next) {
                return next.error();
            }
            if (!*next) {
                ended_ = true;
                playing_ = false;
                break;
            }
            pending_ = std::move(**next);
        }
        // Show the first frame even when paused, so the player never opens on black.
        bool due = pending_->seconds <= at || (!shown && at == 0 && !playing_);
        if (!due) {
            break;
        }
        SDL_UpdateTexture(texture_, nullptr, pending_->rgba.data(), pending_->width * 4);
        noteTextureContentsChanged();
        pending_.reset();
        shown = true;
        if (!playing_) {
            break;
        }
    }
    if (!playing_ || !pending_) {
        return std::optional<SteadyTime>{};
    }
    return std::optional<SteadyTime>(startedAt_ +
                                     std::chrono::duration_cast<SteadyTime::duration>(
                                         std::chrono::duration<double>(pending_->seconds)));
}

} // namespace kiosk::ui
