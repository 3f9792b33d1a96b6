// espeak-ng in synchronous mode: its callback appends samples to the buffer being rendered.
#include "kiosk/audio/speech_synthesizer.hpp"

#include <atomic>
#include <espeak-ng/speak_lib.h>
#include <string>

namespace kiosk::audio {
namespace {

// espeak-ng is process-wide; this flag (trivially destructible) keeps a second open() out.
std::atomic<bool> gOpen{false};
// espeak-ng hangs when initialised again after espeak_Terminate, so it is initialised once per
// process and left running; this holds its sample rate once done.
std::atomic<int> gSampleRate{0};

int appendSamples(short* samples, int count, espeak_EVENT* events) {
    if (samples == nullptr || count <= 0 || events == nullptr) {
        return 0;
    }
    auto* target = static_cast<PcmBuffer*>(events->user_data);
    if (target != nullptr) {
        target->samples.insert(target->samples.end(), samples, samples + count);
    }
    return 0; // keep going
}

} // namespace

Result<std::unique_ptr<SpeechSynthesizer>>
SpeechSynthesizer::open(const std::filesystem::path& dataDir) {
    if (gOpen.exchange(true)) {
        return makeError("speech_busy", "a speech synthesizer is already open");
    }
    if (gSampleRate == 0) {
        std::string path = dataDir.string();
        int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0,
                                     path.empty() ? nullptr : path.c_str(), 0);
        if (rate <= 0) {
            gOpen = false;
            return makeError("speech_unavailable",
                             "espeak-ng could not start (is espeak-ng-data installed?)");
        }
        gSampleRate = rate;
    }
    espeak_SetSynthCallback(appendSamples);
    return std::unique_ptr<SpeechSynthesizer>(new SpeechSynthesizer(gSampleRate));
}

SpeechSynthesizer::~SpeechSynthesizer() {
    gOpen = false;
}

Result<PcmBuffer> SpeechSynthesizer::synthesize(std::string_view text, Language language,
                                                int wordsPerMinute) {
    const char* voice = language == Language::Vietnamese ? "vi" : "en";
    if (espeak_SetVoiceByName(voice) != EE_OK) {
        return makeError("speech_unavailable",
                         std::string("espeak-ng has no voice \"") + voice + "\"");
    }
    espeak_SetParameter(espeakRATE, wordsPerMinute, 0);
    PcmBuffer pcm;
    pcm.sampleRate = sampleRate_;
    std::string copy(text); // espeak wants a terminated string
    espeak_ERROR status = espeak_Synth(copy.c_str(), copy.size() + 1, 0, POS_CHARACTER, 0,
                                       espeakCHARS_UTF8, nullptr, &pcm);
    if (status != EE_OK || espeak_Synchronize() != EE_OK) {
        return makeError("speech_failed", "espeak-ng could not speak the text");
    }
    return pcm;
}

} // namespace kiosk::audio
