// The shipped lesson video plays through the app's own path: intent, effect, decoder, texture.
#include "tests/kiosk/outbox/temp_dir.hpp"
#include "ui/kiosk_app.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>
#include <stb_image.h>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

// Pixels near the drawn phone's border colour (#26303b) in the shipped video's pictures; the
// kiosk's own palettes do not use it, so they come from a decoded video frame.
std::size_t phoneBorderPixels(const std::filesystem::path& file) {
    int width = 0;
    int height = 0;
    int channels = 0;
    unsigned char* data = stbi_load(file.c_str(), &width, &height, &channels, 3);
    REQUIRE(data != nullptr);
    std::size_t count = 0;
    for (std::size_t i = 0; i < static_cast<std::size_t>(width) * height; ++i) {
        const unsigned char* px = data + i * 3;
        if (std::abs(px[0] - 0x26) < 10 && std::abs(px[1] - 0x30) < 10 &&
            std::abs(px[2] - 0x3b) < 10) {
            ++count;
        }
    }
    stbi_image_free(data);
    return count;
}

} // namespace

TEST_CASE("the lesson video guide opens full screen on its first picture", "[video][images]") {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    kiosk::testing::TempDir temp; // unique: another checkout may run this test at the same time
    const std::filesystem::path& dir = temp.path();
    std::filesystem::create_directories(dir / "data");
    Config config;
    config.devices.printer = DeviceChoice::Simulated;
    config.devices.cardReader = DeviceChoice::Simulated;
    config.gateway.url = "http://127.0.0.1:9"; // discard port: nothing listens
    config.paths.dataDir = dir / "data";
    // No pack installed there: the kiosk shows the source tree's sample content, and the content
    // store keeps its lock file in the temporary folder rather than in the source tree.
    config.paths.contentDir = dir / "content";
    std::ostringstream logs;
    Logger logger(logs);
    KioskOptions options;
    options.simulatedDevices = true;
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    {
        KioskRuntime runtime(config, logger,
                             options.simulatedDevices ? simulatedRuntimeOptions()
                                                      : RuntimeOptions{});
        KioskApp app(runtime, options, SDL_RegisterEvents(2));
        REQUIRE(app.start(WindowMode::Offscreen, 1280, 800).ok());
        app.startServices();
        SteadyTime now = std::chrono::steady_clock::now();
        app.apply(intent::Open{Screen::Lessons}, now);
        app.apply(intent::ChooseLesson{"vneid-activation-01"}, now);
        app.apply(intent::LessonNext{}, now);
        app.apply(intent::LessonNext{}, now);
        REQUIRE(
            app.flow().currentLesson()->steps[app.flow().state().lesson.step].video.has_value());
        app.renderLive(now);
        REQUIRE(app.writeScreenshot(dir / "step.png"));
        CHECK(phoneBorderPixels(dir / "step.png") > 500); // the step's picture

        app.apply(intent::WatchVideo{}, now); // OpenVideo reaches the lesson media at once
        app.renderLive(now);
        REQUIRE(app.writeScreenshot(dir / "player.png"));
        CHECK(phoneBorderPixels(dir / "player.png") > 500);
    }
    SDL_Quit();
    INFO(logs.str());
    CHECK(logs.str().find("video_failed") == std::string::npos);
    CHECK(logs.str().find("image_unreadable") == std::string::npos);
}
