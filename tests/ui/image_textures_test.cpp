// Content pictures: decoding, shrinking huge ones, placeholders for broken ones, eviction.
#include "ui/platform/image_decode.hpp"
#include "ui/platform/image_textures.hpp"
#include "ui/widgets/content_picture.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <stb_image_write.h>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

const std::filesystem::path kContent = std::filesystem::path(KIOSK_SOURCE_DIR) / "content";

std::filesystem::path scratchDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("kiosk-images-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "images");
    return dir;
}

void writePng(const std::filesystem::path& file, int width, int height) {
    std::vector<unsigned char> rgba(static_cast<std::size_t>(width) * height * 4, 200);
    REQUIRE(stbi_write_png(file.c_str(), width, height, 4, rgba.data(), width * 4) != 0);
}

// A renderer drawing into memory: textures work without a display.
struct SoftwareRenderer {
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    ~SoftwareRenderer() {
        SDL_DestroyRenderer(renderer);
        SDL_FreeSurface(surface);
    }
};

std::size_t countLines(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

} // namespace

TEST_CASE("a shipped picture decodes to RGBA at its stored size", "[images]") {
    auto image = decodeImage(kContent / "images" / "handoff" / "scan-qr.png", 1024);
    REQUIRE(image);
    CHECK(image->width == 720);
    CHECK(image->height == 960);
    CHECK_FALSE(image->downscaled());
    CHECK(image->rgba.size() == 720u * 960u * 4u);
}

TEST_CASE("a huge picture is shrunk by a whole factor until it fits", "[images]") {
    auto dir = scratchDir("huge");
    writePng(dir / "images" / "big.png", 3000, 2000);
    auto image = decodeImage(dir / "images" / "big.png", 1024);
    REQUIRE(image);
    CHECK(image->downscaled());
    CHECK(image->sourceWidth == 3000);
    CHECK(image->width == 1000); // factor 3
    CHECK(image->height == 667);
    CHECK(image->rgba.size() == 1000u * 667u * 4u);
    std::filesystem::remove_all(dir);
}

TEST_CASE("shrinking averages each block, edge blocks included", "[images]") {
    DecodedImage image;
    image.width = image.sourceWidth = 3;
    image.height = image.sourceHeight = 1;
    image.rgba = {0, 0, 0, 255, 100, 100, 100, 255, 40, 40, 40, 255};
    DecodedImage half = shrinkImage(image, 2);
    REQUIRE(half.width == 2);
    REQUIRE(half.height == 1);
    CHECK(half.rgba[0] == 50); // (0 + 100) / 2
    CHECK(half.rgba[4] == 40); // the lone edge pixel
    CHECK(half.rgba[3] == 255);
}

TEST_CASE("a missing or corrupt picture is refused with a reason", "[images]") {
    auto dir = scratchDir("broken");
    CHECK(decodeImage(dir / "images" / "none.png", 1024).error().code == "image_missing");
    std::ofstream(dir / "images" / "broken.png") << "\x89PNG not really";
    CHECK(decodeImage(dir / "images" / "broken.png", 1024).error().code == "image_unreadable");
    std::filesystem::remove_all(dir);
}

TEST_CASE("an unreadable picture gives a placeholder and one log line however often it is drawn",
          "[images]") {
    auto dir = scratchDir("log-once");
    std::ofstream(dir / "images" / "broken.png") << "not a picture";
    std::ostringstream logs;
    Logger logger(logs);
    SoftwareRenderer software;
    ImageTextures images(software.renderer, dir, logger);
    for (int frame = 0; frame < 5; ++frame) {
        CHECK(images.get("images/broken.png").texture == nullptr);
        CHECK(images.get("images/missing.png").texture == nullptr);
        images.endFrame();
    }
    CHECK(countLines(logs.str(), "\"image_unreadable\"") == 2);
    CHECK_THAT(logs.str(), Catch::Contains("images/missing.png"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("a picture stays while drawn and is freed the frame after it is not", "[images]") {
    std::ostringstream logs;
    Logger logger(logs);
    SoftwareRenderer software;
    ImageTextures images(software.renderer, kContent, logger);
    ImageTexture first = images.get("images/lessons/otp-secret.png");
    REQUIRE(first.texture != nullptr);
    CHECK(first.width == 720);
    images.endFrame();
    CHECK(images.get("images/lessons/otp-secret.png").texture == first.texture); // cached
    images.get("images/lessons/wifi.png");
    images.endFrame();
    CHECK(images.textureCount() == 2);
    CHECK(images.textureBytes() == 2u * 720u * 960u * 4u);
    images.get("images/lessons/wifi.png"); // the screen changed: only this one is drawn
    images.endFrame();
    CHECK(images.textureCount() == 1);
    images.endFrame();
    CHECK(images.textureCount() == 0);
    CHECK(logs.str().empty());
}

TEST_CASE("a huge picture is logged once as shrunk and held within the memory bound", "[images]") {
    auto dir = scratchDir("shrunk");
    writePng(dir / "images" / "big.png", 2500, 2500);
    std::ostringstream logs;
    Logger logger(logs);
    SoftwareRenderer software;
    ImageTextures images(software.renderer, dir, logger);
    ImageTexture picture = images.get("images/big.png");
    REQUIRE(picture.texture != nullptr);
    CHECK(picture.width <= ImageTextures::kMaxSide);
    CHECK(picture.height <= ImageTextures::kMaxSide);
    CHECK_THAT(logs.str(), Catch::Contains("\"image_downscaled\""));
    std::filesystem::remove_all(dir);
}

TEST_CASE("a picture keeps its shape when fitted into a box", "[images]") {
    ImVec2 tall = fitPicture(3, 4, ImVec2(600, 400));
    CHECK(tall.x == Approx(300));
    CHECK(tall.y == Approx(400));
    ImVec2 wide = fitPicture(16, 9, ImVec2(320, 400));
    CHECK(wide.x == Approx(320));
    CHECK(wide.y == Approx(180));
    CHECK(fitPicture(0, 10, ImVec2(100, 100)).x == 0);
}

TEST_CASE("every shipped picture decodes, fits the kiosk and stays small", "[images]") {
    std::uintmax_t total = 0;
    int count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kContent / "images")) {
        if (!entry.is_regular_file()) {
            continue;
        }
        INFO(entry.path().string());
        CHECK(entry.path().extension() == ".png");
        CHECK(entry.file_size() < 60u * 1024u); // a few tens of KB each
        total += entry.file_size();
        auto image = decodeImage(entry.path(), ImageTextures::kMaxSide);
        REQUIRE(image);
        CHECK_FALSE(image->downscaled());
        ++count;
    }
    CHECK(count >= 30);
    CHECK(total < 2u * 1024u * 1024u);
}
