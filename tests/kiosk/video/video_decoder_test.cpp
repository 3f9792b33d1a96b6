// Lesson video decoding: frame count, size and timing of a small shipped clip.
#include "kiosk/video/video_decoder.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::video;

namespace {

// 2 s of FFmpeg's test pattern at 10 frames/s, 160x120, MPEG-4 part 2 in MP4 (13 KB), made with
// ffmpeg -f lavfi -i testsrc=size=160x120:rate=10 -t 2 -c:v mpeg4 -q:v 8 -pix_fmt yuv420p
const std::filesystem::path kClip =
    std::filesystem::path(KIOSK_TEST_FIXTURES) / "video" / "testsrc-160x120-10fps-2s.mp4";

} // namespace

TEST_CASE("a lesson clip decodes to every frame with its size and time", "[video]") {
    auto decoder = VideoDecoder::open(kClip);
    REQUIRE(decoder);
    CHECK((*decoder)->width() == 160);
    CHECK((*decoder)->height() == 120);
    CHECK((*decoder)->durationSeconds() == Approx(2.0).margin(0.05));
    std::vector<double> times;
    bool coloured = false;
    while (true) {
        auto frame = (*decoder)->next();
        REQUIRE(frame);
        if (!*frame) {
            break;
        }
        CHECK((*frame)->width == 160);
        CHECK((*frame)->height == 120);
        REQUIRE((*frame)->rgba.size() == 160u * 120u * 4u);
        CHECK((*frame)->rgba[3] == 255); // opaque
        // The test pattern has coloured bars: some pixel's channels differ.
        const auto& px = (*frame)->rgba;
        for (std::size_t i = 0; i < px.size() && !coloured; i += 4 * 37) {
            coloured = px[i] != px[i + 1] || px[i + 1] != px[i + 2];
        }
        times.push_back((*frame)->seconds);
    }
    REQUIRE(times.size() == 20);
    CHECK(times.front() == Approx(0.0).margin(0.001));
    for (std::size_t i = 1; i < times.size(); ++i) {
        CHECK(times[i] - times[i - 1] == Approx(0.1).margin(0.001));
    }
    CHECK(coloured);
}

TEST_CASE("replay starts the clip again from its first frame", "[video]") {
    auto decoder = VideoDecoder::open(kClip);
    REQUIRE(decoder);
    for (int i = 0; i < 7; ++i) {
        REQUIRE((*decoder)->next());
    }
    REQUIRE((*decoder)->rewind());
    auto first = (*decoder)->next();
    REQUIRE(first);
    REQUIRE(*first);
    CHECK((*first)->seconds == Approx(0.0).margin(0.001));
}

TEST_CASE("a wide video is scaled down to the width asked for", "[video]") {
    auto decoder = VideoDecoder::open(kClip, 80);
    REQUIRE(decoder);
    CHECK((*decoder)->width() == 80);
    CHECK((*decoder)->height() == 60);
    auto frame = (*decoder)->next();
    REQUIRE(frame);
    REQUIRE(*frame);
    CHECK((*frame)->rgba.size() == 80u * 60u * 4u);
}

TEST_CASE("a missing or broken video file is refused with a reason", "[video]") {
    auto missing = VideoDecoder::open("/nonexistent/clip.mp4");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == "video_unreadable");
    auto notVideo =
        VideoDecoder::open(std::filesystem::path(KIOSK_SOURCE_DIR) / "content" / "pack.json");
    CHECK_FALSE(notVideo);
}

TEST_CASE("the shipped lesson guide decodes at its size, length and frame rate", "[video]") {
    auto decoder = VideoDecoder::open(std::filesystem::path(KIOSK_SOURCE_DIR) / "content" /
                                      "videos" / "vneid-activation.mp4");
    REQUIRE(decoder);
    CHECK((*decoder)->width() == 960);
    CHECK((*decoder)->height() == 540);
    CHECK((*decoder)->durationSeconds() == Approx(16.0).margin(0.2));
    int frames = 0;
    double lastSeconds = 0;
    while (true) {
        auto frame = (*decoder)->next();
        REQUIRE(frame);
        if (!*frame) {
            break;
        }
        lastSeconds = (*frame)->seconds;
        ++frames;
    }
    CHECK(frames == 160); // 10 frames/s
    CHECK(lastSeconds == Approx(15.9).margin(0.05));
}
