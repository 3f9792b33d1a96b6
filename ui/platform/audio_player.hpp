// Plays spoken guidance through SDL's audio queue. Implemented features: mono 16-bit PCM at the
// clip's own rate, stop at any time, volume applied before queueing (kiosk/audio/pcm.hpp).
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/audio/pcm.hpp"

#include <SDL.h>
#include <memory>

namespace kiosk::ui {

class AudioPlayer {
public:
    // Starts SDL's audio subsystem; fails when the board has no audio output.
    static Result<std::unique_ptr<AudioPlayer>> open();
    ~AudioPlayer();
    AudioPlayer(const AudioPlayer&) = delete;
    AudioPlayer& operator=(const AudioPlayer&) = delete;

    // Stops what is playing and plays `pcm` from its start.
    Status play(const audio::PcmBuffer& pcm);
    void stop();
    bool playing() const;

private:
    AudioPlayer() = default;
    SDL_AudioDeviceID device_ = 0;
    int sampleRate_ = 0;
};

} // namespace kiosk::ui
