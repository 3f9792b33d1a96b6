// Routes lesson effects to the guidance player and the video playback.
#include "ui/platform/lesson_media.hpp"

#include "drivers/common/overloaded.hpp"

namespace kiosk::ui {

LessonMedia::LessonMedia(const AudioConfig& audio, std::filesystem::path contentDir, Logger& logger,
                         std::function<void()> wake)
    : contentDir_(contentDir)
    , logger_(logger)
    , guidance_(audio, std::move(contentDir), logger, wake)
    , wakes_(static_cast<bool>(wake)) {}

void LessonMedia::handle(const MediaEffect& effect, SDL_Renderer* renderer, int maxVideoWidth,
                         SteadyTime now) {
    std::visit(Overloaded{
                   [&](const effect::PlayAudio& play) {
                       // The same speaker: it replaces a screen's reading.
                       speechPreparing_ = false;
                       speechEndsAt_.reset();
                       guidance_.play(play);
                   },
                   [&](const effect::StopAudio&) {
                       speechPreparing_ = false;
                       speechEndsAt_.reset();
                       guidance_.stop();
                   },
                   [&](const effect::SpeakScreen& speak) {
                       speechPreparing_ = true;
                       speechEndsAt_.reset();
                       guidance_.speak(speak);
                   },
                   [&](const effect::OpenVideo& open) {
                       video_.reset();
                       auto playback =
                           VideoPlayback::open(renderer, contentDir_ / open.path, maxVideoWidth);
                       if (!playback) {
                           logger_.log(LogEvent::VideoFailed,
                                       {{"reason", SystemText{playback.error().message}}});
                           return;
                       }
                       video_ = std::move(*playback);
                       video_->play(now);
                       // Show the first frame now rather than on the loop's next wake, so the
                       // player never opens on an empty texture.
                       if (auto first = video_->update(now); !first) {
                           logger_.log(LogEvent::VideoFailed,
                                       {{"reason", SystemText{first.error().message}}});
                           video_.reset();
                       }
                   },
                   [&](const effect::ControlVideo& control) {
                       if (video_ == nullptr) {
                           return;
                       }
                       switch (control.command) {
                       case VideoCommand::Play:
                           video_->play(now);
                           break;
                       case VideoCommand::Pause:
                           video_->pause(now);
                           break;
                       case VideoCommand::Replay:
                           if (auto replayed = video_->replay(now); !replayed) {
                               logger_.log(LogEvent::VideoFailed,
                                           {{"reason", SystemText{replayed.error().message}}});
                           }
                           break;
                       }
                   },
                   [&](const effect::CloseVideo&) { video_.reset(); },
               },
               effect);
}

bool LessonMedia::takeSpeechFinished() {
    bool finished = speechFinished_;
    speechFinished_ = false;
    return finished;
}

std::optional<SteadyTime> LessonMedia::update(SteadyTime now) {
    if (speechPreparing_) {
        // Nothing playable (no speaker, no voice) starts with length 0 and so ends at once:
        // the button does not stay on "Dừng" over silence.
        if (auto length = guidance_.takeSpeechStarted()) {
            speechPreparing_ = false;
            speechEndsAt_ = now + *length;
        } else if (!wakes_) {
            // No one to wake the loop: look again shortly while the voice is prepared.
            return now + std::chrono::milliseconds(50);
        }
    }
    if (speechEndsAt_ && now >= *speechEndsAt_) {
        speechEndsAt_.reset();
        speechFinished_ = true;
    }
    if (video_ == nullptr) {
        return speechEndsAt_;
    }
    auto next = video_->update(now);
    if (!next) {
        logger_.log(LogEvent::VideoFailed, {{"reason", SystemText{next.error().message}}});
        video_.reset();
        return speechEndsAt_;
    }
    if (speechEndsAt_ && *speechEndsAt_ < *next) {
        return speechEndsAt_;
    }
    return *next;
}

} // namespace kiosk::ui
