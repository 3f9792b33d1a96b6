// Mono 16-bit PCM sound as plain data: WAV reading and writing, loudness, volume.
#pragma once

#include "drivers/common/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::audio {

struct PcmBuffer {
    int sampleRate = 22050;            // espeak-ng's native rate
    std::vector<std::int16_t> samples; // mono
};

// Root mean square of the samples on a 0..1 scale (0 = silence, ~0.7 = a full-scale sine).
double rms(const PcmBuffer& pcm);
double durationSeconds(const PcmBuffer& pcm);
// Scales the samples; 0 mutes, 100 keeps them as they are.
void applyVolume(PcmBuffer& pcm, int percent);
// The same sound at `sampleRate` (linear interpolation: speech only, so no filter is needed to
// keep it intelligible); a copy when the rate already matches.
PcmBuffer resampled(const PcmBuffer& pcm, int sampleRate);

// A canonical RIFF/WAVE file: PCM (format 1), mono, 16 bits.
std::string encodeWav(const PcmBuffer& pcm);
// Reads a RIFF/WAVE file of 16-bit PCM, mono or stereo (stereo is mixed down). Content packs
// carry such files, so every length is checked against the bytes present.
Result<PcmBuffer> decodeWav(std::string_view bytes);

} // namespace kiosk::audio
