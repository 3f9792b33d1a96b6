// Clip lookup in the content pack, with the synthesizer as the fallback.
#include "kiosk/audio/speech_source.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kiosk::audio {
namespace {

// Text keys become file names, so they may hold only what lesson ids and step numbers use.
bool safeKey(const std::string& key) {
    return !key.empty() && key.find("..") == std::string::npos &&
           std::all_of(key.begin(), key.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                      c == '_';
           });
}

} // namespace

std::optional<std::filesystem::path> findClip(const std::filesystem::path& contentDir,
                                              const SpeechRequest& request) {
    std::error_code ec;
    if (request.clip) {
        auto named = contentDir / *request.clip;
        if (std::filesystem::is_regular_file(named, ec)) {
            return named;
        }
    }
    if (!safeKey(request.textKey)) {
        return std::nullopt;
    }
    auto filed = contentDir / "audio" / std::string(languageCode(request.language)) /
                 (request.textKey + ".wav");
    if (std::filesystem::is_regular_file(filed, ec)) {
        return filed;
    }
    return std::nullopt;
}

Result<Speech> loadSpeech(const SpeechRequest& request, const std::filesystem::path& contentDir,
                          SpeechSynthesizer* synthesizer, int volumePercent) {
    Speech speech;
    if (auto clip = findClip(contentDir, request)) {
        std::ifstream in(*clip, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        auto pcm = decodeWav(bytes.str());
        if (!pcm) {
            return makeError(pcm.error().code, clip->string() + ": " + pcm.error().message);
        }
        speech.pcm = std::move(*pcm);
        speech.origin = SpeechOrigin::RecordedClip;
    } else if (synthesizer != nullptr && !request.text.empty()) {
        auto pcm = synthesizer->synthesize(request.text, request.language);
        if (!pcm) {
            return pcm.error();
        }
        speech.pcm = std::move(*pcm);
        speech.origin = SpeechOrigin::Synthesised;
    } else {
        return makeError("speech_unavailable", "no recorded clip and no speech synthesizer");
    }
    applyVolume(speech.pcm, volumePercent);
    return speech;
}

} // namespace kiosk::audio
