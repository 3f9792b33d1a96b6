// Renders every screen offscreen in both languages and checks each picture is a real screen.
#include "tests/kiosk/outbox/temp_dir.hpp"
#include "ui/display_screenshots.hpp"
#include "ui/kiosk_app.hpp"
#include "ui/screenshot_pass.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <stb_image.h>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

struct Picture {
    int width = 0;
    int height = 0;
    std::size_t distinctColours = 0;
    double darkShare = 0; // share of pixels much darker than the background
};

Picture inspect(const std::filesystem::path& file) {
    Picture picture;
    int channels = 0;
    unsigned char* data = stbi_load(file.c_str(), &picture.width, &picture.height, &channels, 3);
    REQUIRE(data != nullptr);
    std::set<unsigned> colours;
    std::size_t pixels = static_cast<std::size_t>(picture.width) * picture.height;
    for (std::size_t i = 0; i < pixels; i += 7) {
        colours.insert(data[i * 3] << 16 | data[i * 3 + 1] << 8 | data[i * 3 + 2]);
    }
    picture.distinctColours = colours.size();
    stbi_image_free(data);
    return picture;
}

} // namespace

// One resolution: most of the pass is PNG compression, and `kiosk --screenshots` renders both
// resolutions for people to look at.
TEST_CASE("every screen renders offscreen in both languages", "[screenshots]") {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    testing::TempDir temp;
    const std::filesystem::path& dir = temp.path();
    std::ostringstream logs;
    Logger logger(logs);
    KioskOptions options;
    options.mode = RunMode::Screenshots;
    const std::vector<Resolution> resolutions{screenshotResolutions().front()};
    REQUIRE(runScreenshotPass(options, Config{}, logger, SDL_RegisterEvents(1), dir, resolutions) ==
            0);
    SDL_Quit();

    int checked = 0;
    for (const Resolution& resolution : resolutions) {
        std::string folder =
            std::to_string(resolution.width) + "x" + std::to_string(resolution.height);
        for (Language language : {Language::Vietnamese, Language::English}) {
            for (const ScreenshotScene& scene : screenshotScenes()) {
                if (scene.vietnameseOnly && language != Language::Vietnamese) {
                    continue;
                }
                auto file =
                    dir / folder / std::string(languageCode(language)) / (scene.name + ".png");
                INFO(file.string());
                REQUIRE(std::filesystem::exists(file));
                Picture picture = inspect(file);
                CHECK(picture.width == resolution.width);
                CHECK(picture.height == resolution.height);
                // A blank or single-colour frame has a handful of colours; anti-aliased text,
                // icons and buttons give hundreds.
                CHECK(picture.distinctColours > 50);
                ++checked;
            }
        }
    }
    CHECK(checked >= 100);
    // Turned and dimmed scenes show the panel's own 1280x800 pixels.
    for (const DisplayShot& shot : displayShots()) {
        auto file = dir / "display" / "vi" / (shot.file + ".png");
        INFO(file.string());
        REQUIRE(std::filesystem::exists(file));
        Picture picture = inspect(file);
        CHECK(picture.width == 1280);
        CHECK(picture.height == 800);
        CHECK(picture.distinctColours > 50);
    }
}
