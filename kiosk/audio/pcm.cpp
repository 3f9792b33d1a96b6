// WAV encoding and decoding (RIFF chunks, "fmt " and "data") and simple sample arithmetic.
#include "kiosk/audio/pcm.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::audio {
namespace {

void putU32(std::string& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) {
        out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
    }
}

void putU16(std::string& out, std::uint16_t value) {
    out.push_back(static_cast<char>(value & 0xff));
    out.push_back(static_cast<char>(value >> 8));
}

std::uint32_t getU32(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) {
        value = value << 8 | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    }
    return value;
}

std::uint16_t getU16(std::string_view bytes, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                      static_cast<unsigned char>(bytes[at + 1]) << 8);
}

} // namespace

double rms(const PcmBuffer& pcm) {
    if (pcm.samples.empty()) {
        return 0;
    }
    double sum = 0;
    for (std::int16_t sample : pcm.samples) {
        double x = sample / 32768.0;
        sum += x * x;
    }
    return std::sqrt(sum / static_cast<double>(pcm.samples.size()));
}

double durationSeconds(const PcmBuffer& pcm) {
    return pcm.sampleRate > 0 ? static_cast<double>(pcm.samples.size()) / pcm.sampleRate : 0;
}

void applyVolume(PcmBuffer& pcm, int percent) {
    int clamped = std::clamp(percent, 0, 100);
    for (std::int16_t& sample : pcm.samples) {
        sample = static_cast<std::int16_t>(sample * clamped / 100);
    }
}

PcmBuffer resampled(const PcmBuffer& pcm, int sampleRate) {
    if (pcm.sampleRate == sampleRate || pcm.sampleRate <= 0 || sampleRate <= 0 ||
        pcm.samples.empty()) {
        PcmBuffer copy = pcm;
        copy.sampleRate = sampleRate > 0 ? sampleRate : pcm.sampleRate;
        return copy;
    }
    PcmBuffer out;
    out.sampleRate = sampleRate;
    auto count = static_cast<std::size_t>(static_cast<double>(pcm.samples.size()) * sampleRate /
                                          pcm.sampleRate);
    out.samples.reserve(count);
    double step = static_cast<double>(pcm.sampleRate) / sampleRate;
    for (std::size_t i = 0; i < count; ++i) {
        double at = static_cast<double>(i) * step;
        auto left = static_cast<std::size_t>(at);
        std::size_t right = std::min(left + 1, pcm.samples.size() - 1);
        double share = at - static_cast<double>(left);
        out.samples.push_back(static_cast<std::int16_t>(
            std::lround(pcm.samples[left] * (1 - share) + pcm.samples[right] * share)));
    }
    return out;
}

std::string encodeWav(const PcmBuffer& pcm) {
    auto dataBytes = static_cast<std::uint32_t>(pcm.samples.size() * 2);
    std::string out;
    out.reserve(44 + dataBytes);
    out += "RIFF";
    putU32(out, 36 + dataBytes);
    out += "WAVE";
    out += "fmt ";
    putU32(out, 16);
    putU16(out, 1); // PCM
    putU16(out, 1); // mono
    putU32(out, static_cast<std::uint32_t>(pcm.sampleRate));
    putU32(out, static_cast<std::uint32_t>(pcm.sampleRate) * 2); // byte rate
    putU16(out, 2);                                              // block align
    putU16(out, 16);                                             // bits per sample
    out += "data";
    putU32(out, dataBytes);
    for (std::int16_t sample : pcm.samples) {
        putU16(out, static_cast<std::uint16_t>(sample));
    }
    return out;
}

Result<PcmBuffer> decodeWav(std::string_view bytes) {
    if (bytes.size() < 12 || bytes.substr(0, 4) != "RIFF" || bytes.substr(8, 4) != "WAVE") {
        return makeError("wav_invalid", "not a RIFF/WAVE file");
    }
    int channels = 0;
    int bits = 0;
    int rate = 0;
    std::size_t at = 12;
    while (at + 8 <= bytes.size()) {
        std::string_view id = bytes.substr(at, 4);
        std::uint32_t size = getU32(bytes, at + 4);
        std::size_t body = at + 8;
        if (size > bytes.size() - body) {
            return makeError("wav_invalid", "chunk runs past the end of the file");
        }
        if (id == "fmt ") {
            if (size < 16) {
                return makeError("wav_invalid", "fmt chunk too short");
            }
            if (getU16(bytes, body) != 1) {
                return makeError("wav_unsupported", "only PCM WAV files are played");
            }
            channels = getU16(bytes, body + 2);
            rate = static_cast<int>(getU32(bytes, body + 4));
            bits = getU16(bytes, body + 14);
        } else if (id == "data") {
            if (channels < 1 || channels > 2 || bits != 16 || rate <= 0 || rate > 192000) {
                return makeError("wav_unsupported", "only 16-bit mono or stereo PCM is played");
            }
            PcmBuffer pcm;
            pcm.sampleRate = rate;
            std::size_t frame = 2 * static_cast<std::size_t>(channels);
            std::size_t frames = size / frame;
            pcm.samples.reserve(frames);
            for (std::size_t i = 0; i < frames; ++i) {
                int sum = 0;
                for (int c = 0; c < channels; ++c) {
                    sum += static_cast<std::int16_t>(
                        getU16(bytes, body + i * frame + 2 * static_cast<std::size_t>(c)));
                }
                pcm.samples.push_back(static_cast<std::int16_t>(sum / channels));
            }
            return pcm;
        }
        at = body + size + (size & 1); // chunks are padded to even sizes
    }
    return makeError("wav_invalid", "no data chunk");
}

} // namespace kiosk::audio
