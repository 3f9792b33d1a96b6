// SDL audio: one device opened at the clip's sample rate, fed by SDL_QueueAudio.
#include "ui/platform/audio_player.hpp"

#include <string>

namespace kiosk::ui {

Result<std::unique_ptr<AudioPlayer>> AudioPlayer::open() {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        return makeError("audio_unavailable", std::string("SDL audio: ") + SDL_GetError());
    }
    return std::unique_ptr<AudioPlayer>(new AudioPlayer());
}

AudioPlayer::~AudioPlayer() {
    if (device_ != 0) {
        SDL_CloseAudioDevice(device_);
    }
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

Status AudioPlayer::play(const audio::PcmBuffer& pcm) {
    stop();
    if (device_ == 0 || sampleRate_ != pcm.sampleRate) {
        if (device_ != 0) {
            SDL_CloseAudioDevice(device_);
            device_ = 0;
        }
        SDL_AudioSpec wanted{};
        wanted.freq = pcm.sampleRate;
        wanted.format = AUDIO_S16SYS;
        wanted.channels = 1;
        wanted.samples = 2048;
        // SDL converts to whatever the output supports, so the obtained spec is not needed.
        device_ = SDL_OpenAudioDevice(nullptr, 0, &wanted, nullptr, 0);
        if (device_ == 0) {
            return makeError("audio_unavailable", std::string("SDL audio: ") + SDL_GetError());
        }
        sampleRate_ = pcm.sampleRate;
    }
    if (SDL_QueueAudio(device_, pcm.samples.data(),
                       static_cast<Uint32>(pcm.samples.size() * sizeof(std::int16_t))) != 0) {
        return makeError("audio_failed", std::string("SDL audio: ") + SDL_GetError());
    }
    SDL_PauseAudioDevice(device_, 0);
    return ok();
}

void AudioPlayer::stop() {
    if (device_ != 0) {
        SDL_PauseAudioDevice(device_, 1);
        SDL_ClearQueuedAudio(device_);
    }
}

bool AudioPlayer::playing() const {
    return device_ != 0 && SDL_GetQueuedAudioSize(device_) > 0;
}

} // namespace kiosk::ui
