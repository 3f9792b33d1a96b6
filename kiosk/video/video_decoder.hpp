// Lesson videos decoded with FFmpeg into RGBA frames with timestamps; no display here.
#pragma once

#include "drivers/common/result.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace kiosk::video {

struct VideoFrame {
    int width = 0;
    int height = 0;
    double seconds = 0;             // presentation time from the start of the clip
    std::vector<std::uint8_t> rgba; // width * height * 4 bytes, rows top to bottom
};

class VideoDecoder {
public:
    // Opens the first video stream of `file`. `maxWidth` > 0 scales larger videos down (same
    // aspect), so a Raspberry Pi-class board never converts more pixels than the panel shows.
    static Result<std::unique_ptr<VideoDecoder>> open(const std::filesystem::path& file,
                                                      int maxWidth = 0);
    ~VideoDecoder();
    VideoDecoder(const VideoDecoder&) = delete;
    VideoDecoder& operator=(const VideoDecoder&) = delete;

    int width() const; // of the frames produced
    int height() const;
    double durationSeconds() const; // 0 when the container does not say

    // The next frame in presentation order; nullopt at the end of the clip.
    Result<std::optional<VideoFrame>> next();
    // Back to the first frame (the "replay" button).
    Status rewind();

    struct Impl;

private:
    explicit VideoDecoder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::video
