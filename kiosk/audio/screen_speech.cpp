// Collecting a screen's spoken lines and turning them into one sound.
#include "kiosk/audio/screen_speech.hpp"

#include "kiosk/audio/speech_source.hpp"
#include "kiosk/input/utf8.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace kiosk::audio {
namespace {

// A line worth speaking has a letter or digit: Latin with its accents (Vietnamese lives in
// U+00C0-U+1EFF); punctuation, arrows and shapes ("›", "▼", U+2000 and up) alone are not.
bool hasSomethingToSay(std::string_view text) {
    std::size_t pos = 0;
    bool valid = true;
    while (pos < text.size()) {
        char32_t c = input::decodeUtf8At(text, pos, valid);
        if ((c < 0x80 && std::isalnum(static_cast<int>(c)) != 0) || (c >= 0xC0 && c < 0x2000)) {
            return true;
        }
    }
    return false;
}

bool endsSentence(std::string_view text) {
    if (text.empty()) {
        return true;
    }
    char last = text.back();
    return last == '.' || last == '?' || last == '!' || last == ':';
}

} // namespace

void ScreenSpeech::add(SpeechRole role, std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) {
        text.remove_suffix(1);
    }
    if (!hasSomethingToSay(text)) {
        return;
    }
    if (!lines.empty() && lines.back().text == text) {
        return;
    }
    lines.push_back(SpokenLine{role, std::string(text)});
}

std::string spokenText(const ScreenSpeech& speech) {
    std::string text;
    for (const SpokenLine& line : speech.lines) {
        if (!text.empty()) {
            text += ' ';
        }
        text += line.text;
        if (!endsSentence(line.text)) {
            text += '.';
        }
    }
    return text;
}

std::string clipKeyForText(std::string_view text) {
    // FNV-1a, 64 bits: stable across builds and machines, which std::hash is not.
    std::uint64_t hash = 14695981039346656037ull;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    char key[32];
    std::snprintf(key, sizeof key, "say.%016llx", static_cast<unsigned long long>(hash));
    return key;
}

Result<ScreenAudio> renderScreenSpeech(const ScreenSpeech& speech, Language language,
                                       const std::filesystem::path& contentDir,
                                       SpeechSynthesizer* synthesizer, int volumePercent) {
    ScreenAudio audio;
    audio.pcm.samples.clear();
    bool rateChosen = false;
    std::string lastProblem = "the screen has nothing to read";
    for (const SpokenLine& line : speech.lines) {
        SpeechRequest request{clipKeyForText(line.text), language, line.text, std::nullopt};
        auto sound = loadSpeech(request, contentDir, synthesizer, volumePercent);
        if (!sound) {
            lastProblem = sound.error().message;
            continue; // one bad clip must not silence the whole screen
        }
        if (!rateChosen) {
            audio.pcm.sampleRate = sound->pcm.sampleRate;
            rateChosen = true;
        } else {
            audio.pcm.samples.insert(
                audio.pcm.samples.end(),
                static_cast<std::size_t>(kPauseBetweenLinesSeconds * audio.pcm.sampleRate), 0);
        }
        PcmBuffer part = resampled(sound->pcm, audio.pcm.sampleRate);
        audio.pcm.samples.insert(audio.pcm.samples.end(), part.samples.begin(), part.samples.end());
        if (sound->origin == SpeechOrigin::RecordedClip) {
            ++audio.recordedLines;
        } else {
            ++audio.synthesisedLines;
        }
    }
    if (audio.recordedLines + audio.synthesisedLines == 0) {
        return makeError("speech_unavailable", lastProblem);
    }
    return audio;
}

} // namespace kiosk::audio
