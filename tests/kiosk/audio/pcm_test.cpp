// WAV encoding and decoding, loudness and volume of PCM buffers.
#include "kiosk/audio/pcm.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace kiosk::audio;

namespace {

PcmBuffer tone(int hz, double seconds, double amplitude) {
    PcmBuffer pcm;
    pcm.sampleRate = 16000;
    auto count = static_cast<std::size_t>(seconds * pcm.sampleRate);
    for (std::size_t i = 0; i < count; ++i) {
        pcm.samples.push_back(static_cast<std::int16_t>(
            amplitude * 32767 * std::sin(2 * M_PI * hz * static_cast<double>(i) / pcm.sampleRate)));
    }
    return pcm;
}

} // namespace

TEST_CASE("a WAV file written and read back holds the same samples", "[audio]") {
    PcmBuffer pcm = tone(440, 0.25, 0.5);
    auto decoded = decodeWav(encodeWav(pcm));
    REQUIRE(decoded);
    CHECK(decoded->sampleRate == 16000);
    CHECK(decoded->samples == pcm.samples);
    CHECK(durationSeconds(*decoded) == Approx(0.25));
}

TEST_CASE("loudness tells a tone from silence", "[audio]") {
    CHECK(rms(tone(440, 0.1, 0.5)) == Approx(0.5 / std::sqrt(2.0)).margin(0.01));
    PcmBuffer silence;
    silence.samples.assign(1000, 0);
    CHECK(rms(silence) == 0);
}

TEST_CASE("volume scales the samples and zero mutes", "[audio]") {
    PcmBuffer pcm = tone(440, 0.1, 0.8);
    double full = rms(pcm);
    applyVolume(pcm, 50);
    CHECK(rms(pcm) == Approx(full / 2).margin(0.01));
    applyVolume(pcm, 0);
    CHECK(rms(pcm) == 0);
}

TEST_CASE("stereo WAV clips are mixed down to mono", "[audio]") {
    std::string wav = encodeWav(tone(440, 0.01, 0.5));
    // Rewrite the header as stereo: channels 2, byte rate and block align doubled.
    wav[22] = 2;
    wav[32] = 4;
    auto decoded = decodeWav(wav);
    REQUIRE(decoded);
    CHECK(decoded->samples.size() == tone(440, 0.01, 0.5).samples.size() / 2);
}

TEST_CASE("broken WAV files are refused with a reason", "[audio]") {
    CHECK(decodeWav("hello").error().code == "wav_invalid");
    std::string wav = encodeWav(tone(440, 0.01, 0.5));
    CHECK_FALSE(decodeWav(wav.substr(0, 50))); // data chunk cut short
    std::string eightBit = wav;
    eightBit[34] = 8;
    CHECK(decodeWav(eightBit).error().code == "wav_unsupported");
    std::string noData = wav.substr(0, 36);
    CHECK(decodeWav(noData).error().message == "no data chunk");
}
