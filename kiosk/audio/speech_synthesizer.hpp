// Vietnamese and English speech from text with espeak-ng, rendered into memory (no playback).
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/audio/pcm.hpp"
#include "kiosk/i18n/language.hpp"

#include <filesystem>
#include <memory>
#include <string_view>

namespace kiosk::audio {

// espeak-ng keeps its state in the library itself, so at most one synthesizer may be open at a
// time; open() refuses a second one. The app owns it and passes it by reference. The library is
// initialised by the first open() and stays so until the process ends (it cannot restart), so
// `dataDir` only counts the first time.
class SpeechSynthesizer {
public:
    // `dataDir` is espeak-ng's data folder; empty means the system's
    // (/usr/lib/<arch>/espeak-ng-data from the espeak-ng-data package).
    static Result<std::unique_ptr<SpeechSynthesizer>>
    open(const std::filesystem::path& dataDir = {});
    ~SpeechSynthesizer();
    SpeechSynthesizer(const SpeechSynthesizer&) = delete;
    SpeechSynthesizer& operator=(const SpeechSynthesizer&) = delete;

    // Speaks `text` (UTF-8) at `wordsPerMinute`; elderly listeners follow ~130-150 better than
    // espeak's default 175.
    Result<PcmBuffer> synthesize(std::string_view text, Language language,
                                 int wordsPerMinute = 140);

private:
    explicit SpeechSynthesizer(int sampleRate)
        : sampleRate_(sampleRate) {}
    int sampleRate_;
};

} // namespace kiosk::audio
