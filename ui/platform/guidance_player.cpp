// Opens the speaker and the synthesizer lazily, on the guidance worker, and turns speech
// requests into sound there.
#include "ui/platform/guidance_player.hpp"

#include "drivers/common/overloaded.hpp"
#include "kiosk/audio/screen_speech.hpp"

namespace kiosk::ui {

GuidancePlayer::GuidancePlayer(const AudioConfig& config, std::filesystem::path contentDir,
                               Logger& logger, std::function<void()> wake)
    : config_(config)
    , contentDir_(std::move(contentDir))
    , logger_(logger)
    , wake_(std::move(wake))
    , worker_([this](std::stop_token stop) { run(stop); }) {}

GuidancePlayer::~GuidancePlayer() {
    worker_.request_stop();
    changed_.notify_all();
    if (worker_.joinable()) {
        worker_.join();
    }
}

void GuidancePlayer::submit(Job job) {
    {
        std::lock_guard lock(mutex_);
        ++generation_;
        started_.reset();
        pending_ = std::move(job);
    }
    changed_.notify_all();
}

void GuidancePlayer::play(const effect::PlayAudio& request) {
    submit(request);
}

void GuidancePlayer::speak(const effect::SpeakScreen& request) {
    submit(request);
}

void GuidancePlayer::stop() {
    submit(StopJob{});
}

std::optional<std::chrono::milliseconds> GuidancePlayer::takeSpeechStarted() {
    std::lock_guard lock(mutex_);
    if (!started_ || started_->generation != generation_) {
        return std::nullopt;
    }
    auto length = started_->length;
    started_.reset();
    return length;
}

bool GuidancePlayer::busy() const {
    std::lock_guard lock(mutex_);
    return working_ || pending_.has_value();
}

void GuidancePlayer::run(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (changed_.wait(lock, stop, [this] { return pending_.has_value(); })) {
        Job job = std::move(*pending_);
        pending_.reset();
        std::uint64_t generation = generation_;
        working_ = true;
        lock.unlock();
        carryOut(job, generation);
        lock.lock();
        working_ = false;
    }
}

void GuidancePlayer::carryOut(const Job& job, std::uint64_t generation) {
    // Rendering runs unlocked; only a result that is still the newest request reaches the
    // speaker, so a resident who tapped "Dừng" or moved on never hears the old screen.
    auto stillWanted = [&] {
        std::lock_guard lock(mutex_);
        return generation == generation_;
    };
    std::visit(Overloaded{
                   [&](const StopJob&) {
                       if (player_ != nullptr) {
                           player_->stop();
                       }
                   },
                   [&](const effect::PlayAudio& request) {
                       if (!openDevices()) {
                           return;
                       }
                       audio::SpeechRequest speech{request.textKey, request.language, request.text,
                                                   request.clip};
                       auto sound = audio::loadSpeech(speech, contentDir_, synthesizer_.get(),
                                                      request.volumePercent);
                       if (!sound) {
                           logger_.log(LogEvent::AudioFailed,
                                       {{"reason", SystemText{sound.error().message}}});
                           return;
                       }
                       if (!stillWanted()) {
                           return;
                       }
                       if (auto played = player_->play(sound->pcm); !played) {
                           logger_.log(LogEvent::AudioFailed,
                                       {{"reason", SystemText{played.error().message}}});
                       }
                   },
                   [&](const effect::SpeakScreen& request) {
                       std::chrono::milliseconds length{0};
                       if (openDevices()) {
                           auto sound = audio::renderScreenSpeech(request.speech, request.language,
                                                                  contentDir_, synthesizer_.get(),
                                                                  request.volumePercent);
                           if (!sound) {
                               logger_.log(LogEvent::AudioFailed,
                                           {{"reason", SystemText{sound.error().message}}});
                           } else if (!stillWanted()) {
                               return;
                           } else if (auto played = player_->play(sound->pcm); !played) {
                               logger_.log(LogEvent::AudioFailed,
                                           {{"reason", SystemText{played.error().message}}});
                           } else {
                               length = std::chrono::milliseconds(
                                   static_cast<long>(audio::durationSeconds(sound->pcm) * 1000.0));
                           }
                       }
                       // Nothing playable is reported too (length 0), so "Dừng" turns back into
                       // "Nghe" instead of staying over silence.
                       {
                           std::lock_guard lock(mutex_);
                           if (generation != generation_) {
                               return;
                           }
                           started_ = Started{generation, length};
                       }
                       if (wake_) {
                           wake_();
                       }
                   },
               },
               job);
}

bool GuidancePlayer::openDevices() {
    if (!opened_) {
        opened_ = true;
        if (auto player = AudioPlayer::open()) {
            player_ = std::move(*player);
        } else {
            logger_.log(LogEvent::AudioFailed, {{"reason", SystemText{player.error().message}}});
        }
        if (config_.speechSynthesis) {
            if (auto synthesizer = audio::SpeechSynthesizer::open()) {
                synthesizer_ = std::move(*synthesizer);
            } else {
                logger_.log(LogEvent::AudioFailed,
                            {{"reason", SystemText{synthesizer.error().message}}});
            }
        }
    }
    return player_ != nullptr;
}

} // namespace kiosk::ui
