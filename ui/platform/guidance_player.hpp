// Spoken guidance for the app's effect loop: PlayAudio -> clip or espeak-ng speech -> speaker,
// prepared on a thread of its own so the screen never waits for the voice.
#pragma once

#include "kiosk/audio/speech_source.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/flow/effect.hpp"
#include "kiosk/log/logger.hpp"
#include "ui/platform/audio_player.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

namespace kiosk::ui {

// Synthesising a screen takes a good fraction of a second on a Pi-class board; done on the UI
// thread it froze the "Dừng" button and every tap behind it. Every call here only hands the
// request to the worker, which owns the speaker and the synthesizer (espeak-ng keeps its state
// per process and is driven from that one thread). The newest request wins: a request or a
// stop made while another is being prepared means the older one is never heard.
class GuidancePlayer {
public:
    // `wake` is called from the worker when a screen reading has started (so the UI learns its
    // length without polling); it may be empty for callers that poll.
    GuidancePlayer(const AudioConfig& config, std::filesystem::path contentDir, Logger& logger,
                   std::function<void()> wake = {});
    ~GuidancePlayer();
    GuidancePlayer(const GuidancePlayer&) = delete;
    GuidancePlayer& operator=(const GuidancePlayer&) = delete;

    // Failures (no speaker, no voice, bad clip) are logged; the lesson goes on without sound.
    void play(const effect::PlayAudio& request);
    // Reads a screen aloud; takeSpeechStarted() then says how long it lasts.
    void speak(const effect::SpeakScreen& request);
    void stop();

    // Once for the latest speak(): how long the reading plays, 0 when nothing could be played.
    // Nothing for a reading that a later request or stop() replaced.
    std::optional<std::chrono::milliseconds> takeSpeechStarted();
    // True while a request is still being prepared or carried out (tests wait on it).
    bool busy() const;

private:
    struct StopJob {};
    using Job = std::variant<effect::PlayAudio, effect::SpeakScreen, StopJob>;

    void run(std::stop_token stop);
    void carryOut(const Job& job, std::uint64_t generation);
    bool openDevices(); // worker only; true when there is a speaker to play on
    void submit(Job job);

    const AudioConfig& config_;
    std::filesystem::path contentDir_;
    Logger& logger_;
    std::function<void()> wake_;

    mutable std::mutex mutex_;
    std::condition_variable_any changed_;
    std::optional<Job> pending_;
    std::uint64_t generation_ = 0; // bumped by every request; a stale result is dropped
    bool working_ = false;
    struct Started {
        std::uint64_t generation;
        std::chrono::milliseconds length;
    };
    std::optional<Started> started_;

    // Worker only. Both opened on first use: many sessions never press "Nghe".
    std::unique_ptr<AudioPlayer> player_;
    std::unique_ptr<audio::SpeechSynthesizer> synthesizer_;
    bool opened_ = false;

    std::jthread worker_; // last: it starts after everything it uses
};

} // namespace kiosk::ui
