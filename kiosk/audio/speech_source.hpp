// Where a spoken text comes from: a recorded clip in the content pack, else synthesised speech.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/audio/pcm.hpp"
#include "kiosk/audio/speech_synthesizer.hpp"
#include "kiosk/i18n/language.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::audio {

struct SpeechRequest {
    std::string textKey; // "vneid-activation-01.step03"
    Language language = Language::Vietnamese;
    std::string text;                // spoken by the synthesizer when there is no clip
    std::optional<std::string> clip; // a clip the content names for this text, pack-relative
};

enum class SpeechOrigin { RecordedClip, Synthesised };

struct Speech {
    PcmBuffer pcm;
    SpeechOrigin origin = SpeechOrigin::RecordedClip;
};

// The clip for a request: the one the content names, else <contentDir>/audio/<lang>/<key>.wav;
// nullopt when neither file exists (or the key could name a path outside the pack).
std::optional<std::filesystem::path> findClip(const std::filesystem::path& contentDir,
                                              const SpeechRequest& request);

// The sound to play at `volumePercent` (0-100). `synthesizer` may be null (speech disabled);
// then only recorded clips play.
Result<Speech> loadSpeech(const SpeechRequest& request, const std::filesystem::path& contentDir,
                          SpeechSynthesizer* synthesizer, int volumePercent);

} // namespace kiosk::audio
