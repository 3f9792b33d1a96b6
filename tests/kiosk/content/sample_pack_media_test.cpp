// The sample content pack carries its pictures and video guide, and leaves their sources out.
#include "kiosk/content/pack_builder.hpp"
#include "tests/kiosk/content/pack_test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("the sample pack holds every picture and the video, not their sources",
          "[pack][images]") {
    PackFixture fixture;
    BuildOptions options;
    options.source = std::filesystem::path(KIOSK_SOURCE_DIR) / "content";
    options.output = fixture.temp.path() / "sample.kpack";
    options.privateKey = fixture.key;
    auto manifest = buildPack(options);
    REQUIRE(manifest);
    auto has = [&](const std::string& path) {
        return std::any_of(manifest->files.begin(), manifest->files.end(),
                           [&](const ManifestFile& file) { return file.path == path; });
    };
    CHECK(has("images/handoff/scan-qr.png"));
    CHECK(has("images/lessons/vneid-activate.png"));
    CHECK(has("videos/vneid-activation.mp4"));
    std::size_t pictures = 0;
    for (const ManifestFile& file : manifest->files) {
        INFO(file.path);
        CHECK(file.path.rfind("images-src/", 0) != 0);
        pictures += file.path.rfind("images/", 0) == 0 ? 1 : 0;
    }
    CHECK(pictures >= 30);
}
