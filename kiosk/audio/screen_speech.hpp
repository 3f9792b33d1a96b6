// What a screen says when the resident taps "Nghe": its heading, instruction and choices, in the
// order they are drawn, as plain data the UI collects each frame and the flow hands on.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/audio/pcm.hpp"
#include "kiosk/audio/speech_synthesizer.hpp"
#include "kiosk/i18n/language.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::audio {

// ReadBack is the only role that may carry what the resident typed or the card held, and only
// when the resident asked for that one field to be read back.
enum class SpeechRole { Heading, Instruction, Choice, ReadBack };

struct SpokenLine {
    SpeechRole role = SpeechRole::Instruction;
    std::string text;
    bool operator==(const SpokenLine&) const = default;
};

struct ScreenSpeech {
    std::vector<SpokenLine> lines;

    // Skips text with nothing to pronounce and a line equal to the one before it (a label drawn
    // twice in one frame).
    void add(SpeechRole role, std::string_view text);
    bool empty() const { return lines.empty(); }
    bool operator==(const ScreenSpeech&) const = default;
};

// The lines as one text, each ending in a full stop so the voice pauses between them.
std::string spokenText(const ScreenSpeech& speech);

// The name of the recorded clip for a line: <pack>/audio/<vi|en>/<key>.wav. Screen texts have no
// ids of their own, so the key is a hash of the exact text ("say.0123456789abcdef"): a pack
// records the texts it wants and the rest are synthesised (docs/content-pack-format.md).
std::string clipKeyForText(std::string_view text);

// Silence between two lines, so a heading and the first choice do not run together.
inline constexpr double kPauseBetweenLinesSeconds = 0.35;

struct ScreenAudio {
    PcmBuffer pcm;
    int recordedLines = 0;    // lines that came from the pack's clips
    int synthesisedLines = 0; // lines spoken by espeak-ng
};

// Every line as sound, one after the other at the synthesizer's rate: a pack's clip when it has
// one for the text, else espeak-ng. `synthesizer` may be null (only clips then). Fails when no
// line could be voiced.
Result<ScreenAudio> renderScreenSpeech(const ScreenSpeech& speech, Language language,
                                       const std::filesystem::path& contentDir,
                                       SpeechSynthesizer* synthesizer, int volumePercent);

} // namespace kiosk::audio
