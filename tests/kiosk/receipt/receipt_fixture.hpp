// Shared by the receipt tests: the configured fonts, and golden PNG comparison.
#pragma once

#include "drivers/printer/png_writer.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/receipt/text_renderer.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace kiosk::test {

inline std::unique_ptr<TextRenderer> makeTextRenderer() {
    Config defaults;
    auto text = TextRenderer::create(defaults.paths.fontRegular, defaults.paths.fontBold);
    REQUIRE(text);
    return std::move(*text);
}

// Compares `image` with tests/fixtures/receipts/<name>.png. KIOSK_UPDATE_GOLDEN=1 rewrites the
// golden file instead (review the new PNG before committing it).
inline void checkGolden(const Bitmap& image, const std::string& name) {
    std::filesystem::path golden =
        std::filesystem::path(KIOSK_TEST_FIXTURES) / "receipts" / (name + ".png");
    const char* update = std::getenv("KIOSK_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        std::filesystem::create_directories(golden.parent_path());
        REQUIRE(writePng(image, golden));
        WARN("golden image rewritten: " << golden.string());
        return;
    }
    auto expected = readPngAsBitmap(golden);
    INFO("golden " << golden.string() << " (run with KIOSK_UPDATE_GOLDEN=1 to create it)");
    REQUIRE(expected);
    CHECK(expected->width() == image.width());
    CHECK(expected->height() == image.height());
    if (!(*expected == image)) {
        auto actual = std::filesystem::temp_directory_path() / (name + ".actual.png");
        (void)writePng(image, actual);
        FAIL("rendering differs from the golden image; see " << actual.string());
    }
}

} // namespace kiosk::test
