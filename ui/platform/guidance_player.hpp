// Spoken guidance for the app's effect loop: PlayAudio -> clip or espeak-ng speech -> speaker.
#pragma once

#include "kiosk/audio/speech_source.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/flow/effect.hpp"
#include "kiosk/log/logger.hpp"
#include "ui/platform/audio_player.hpp"

#include <chrono>
#include <filesystem>
#include <memory>

namespace kiosk::ui {

class GuidancePlayer {
public:
    GuidancePlayer(const AudioConfig& config, std::filesystem::path contentDir, Logger& logger);
    ~GuidancePlayer();

    // Failures (no speaker, no voice, bad clip) are logged; the lesson goes on without sound.
    void play(const effect::PlayAudio& request);
    // Reads a screen aloud; returns how long it lasts (0 when nothing could be played).
    std::chrono::milliseconds speak(const effect::SpeakScreen& request);
    void stop();

private:
    bool openDevices(); // true when there is a speaker to play on
    const AudioConfig& config_;
    std::filesystem::path contentDir_;
    Logger& logger_;
    // Both opened on first use: many sessions never press "Listen".
    std::unique_ptr<AudioPlayer> player_;
    std::unique_ptr<audio::SpeechSynthesizer> synthesizer_;
    bool opened_ = false;
};

} // namespace kiosk::ui
