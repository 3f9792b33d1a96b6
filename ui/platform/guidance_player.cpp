// Opens the speaker and the synthesizer lazily and turns speech requests into sound.
#include "ui/platform/guidance_player.hpp"

#include "kiosk/audio/screen_speech.hpp"

namespace kiosk::ui {

GuidancePlayer::GuidancePlayer(const AudioConfig& config, std::filesystem::path contentDir,
                               Logger& logger)
    : config_(config)
    , contentDir_(std::move(contentDir))
    , logger_(logger) {}

GuidancePlayer::~GuidancePlayer() = default;

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

void GuidancePlayer::play(const effect::PlayAudio& request) {
    if (!openDevices()) {
        return;
    }
    audio::SpeechRequest speech{request.textKey, request.language, request.text, request.clip};
    auto sound = audio::loadSpeech(speech, contentDir_, synthesizer_.get(), request.volumePercent);
    if (!sound) {
        logger_.log(LogEvent::AudioFailed, {{"reason", SystemText{sound.error().message}}});
        return;
    }
    if (auto played = player_->play(sound->pcm); !played) {
        logger_.log(LogEvent::AudioFailed, {{"reason", SystemText{played.error().message}}});
    }
}

std::chrono::milliseconds GuidancePlayer::speak(const effect::SpeakScreen& request) {
    if (!openDevices()) {
        return std::chrono::milliseconds(0);
    }
    auto sound = audio::renderScreenSpeech(request.speech, request.language, contentDir_,
                                           synthesizer_.get(), request.volumePercent);
    if (!sound) {
        logger_.log(LogEvent::AudioFailed, {{"reason", SystemText{sound.error().message}}});
        return std::chrono::milliseconds(0);
    }
    if (auto played = player_->play(sound->pcm); !played) {
        logger_.log(LogEvent::AudioFailed, {{"reason", SystemText{played.error().message}}});
        return std::chrono::milliseconds(0);
    }
    return std::chrono::milliseconds(
        static_cast<long>(audio::durationSeconds(sound->pcm) * 1000.0));
}

void GuidancePlayer::stop() {
    if (player_ != nullptr) {
        player_->stop();
    }
}

} // namespace kiosk::ui
