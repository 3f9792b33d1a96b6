// The guidance voice prepares speech on its own worker: the newest request wins, a stopped or
// replaced reading is never reported, and the loop is woken when a reading starts.
#include "kiosk/audio/screen_speech.hpp"
#include "ui/platform/guidance_player.hpp"
#include "ui/platform/lesson_media.hpp"

#include <SDL.h>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>
#include <thread>

namespace {

namespace ku = kiosk::ui;

// SDL's dummy audio driver (ctest sets SDL_AUDIODRIVER=dummy) stands in for the speaker.
struct GuidanceRig {
    std::ostringstream logs;
    kiosk::Logger logger{logs};
    kiosk::AudioConfig audio;
    std::atomic<int> wakes{0};
    ku::GuidancePlayer player{audio, std::filesystem::path{}, logger, [this] { ++wakes; }};

    // Waits for the worker by its state, not by a time budget; the bound only stops a hang.
    bool settle() {
        for (int i = 0; i < 6000 && player.busy(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return !player.busy();
    }
};

kiosk::effect::SpeakScreen guidanceScreen(std::initializer_list<const char*> lines) {
    kiosk::effect::SpeakScreen speak;
    for (const char* line : lines) {
        speak.speech.add(kiosk::audio::SpeechRole::Instruction, line);
    }
    return speak;
}

const kiosk::effect::SpeakScreen kLongGuidance = guidanceScreen({
    "Bác hãy chọn thủ tục muốn làm hôm nay",
    "Đăng ký khai sinh cho trẻ mới sinh",
    "Đăng ký thường trú tại nơi ở mới",
    "Chứng thực bản sao từ bản chính giấy tờ",
    "Cần giúp đỡ thì bấm nút gọi tình nguyện viên",
});
const kiosk::effect::SpeakScreen kShortGuidance = guidanceScreen({"Xin chào"});

} // namespace

TEST_CASE("a screen read aloud is prepared off the caller's thread and reported once, with a "
          "wake-up",
          "[ui][speech][guidance]") {
    GuidanceRig rig;
    rig.player.speak(kLongGuidance);
    REQUIRE(rig.settle());
    auto length = rig.player.takeSpeechStarted();
    INFO(rig.logs.str());
    REQUIRE(length.has_value());
    // Five lines of about eight words at 140 words a minute, with pauses: several seconds.
    CHECK(*length > std::chrono::seconds(5));
    CHECK(*length < std::chrono::seconds(60));
    CHECK(rig.wakes == 1);
    CHECK_FALSE(rig.player.takeSpeechStarted()); // once
}

TEST_CASE("a reading stopped or replaced while it is prepared is never reported",
          "[ui][speech][guidance]") {
    GuidanceRig rig;
    SECTION("stopped") {
        rig.player.speak(kLongGuidance);
        rig.player.stop(); // the resident tapped "Dừng" at once
        REQUIRE(rig.settle());
        CHECK_FALSE(rig.player.takeSpeechStarted());
    }
    SECTION("replaced by the next screen's reading") {
        rig.player.speak(kLongGuidance);
        rig.player.speak(kShortGuidance);
        REQUIRE(rig.settle());
        auto length = rig.player.takeSpeechStarted();
        REQUIRE(length.has_value());
        CHECK(*length < std::chrono::seconds(3)); // "Xin chào", not the five long lines
    }
    SECTION("replaced by a lesson's own audio") {
        rig.player.speak(kLongGuidance);
        kiosk::effect::PlayAudio lesson;
        lesson.textKey = "lesson.step01";
        lesson.text = "Bước một";
        rig.player.play(lesson);
        REQUIRE(rig.settle());
        CHECK_FALSE(rig.player.takeSpeechStarted());
    }
}

TEST_CASE("the lesson media learns when a screen reading starts from the worker's wake-up and "
          "ends it on time",
          "[ui][speech][guidance]") {
    std::ostringstream logs;
    kiosk::Logger logger(logs);
    kiosk::AudioConfig audio;
    std::atomic<int> wakes{0};
    ku::LessonMedia media(audio, std::filesystem::path{}, logger, [&] { ++wakes; });
    auto start = std::chrono::steady_clock::now();
    media.handle(kShortGuidance, nullptr, 1280, start);
    // While the voice is prepared there is no deadline: the loop sleeps until the wake-up.
    CHECK_FALSE(media.update(start).has_value());
    for (int i = 0; i < 6000 && wakes == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(wakes == 1);
    auto woken = std::chrono::steady_clock::now();
    auto ends = media.update(woken);
    REQUIRE(ends.has_value());
    CHECK(*ends > woken);
    CHECK_FALSE(media.takeSpeechFinished());
    CHECK_FALSE(media.update(*ends).has_value());
    CHECK(media.takeSpeechFinished()); // "Dừng" turns back into "Nghe"
}
