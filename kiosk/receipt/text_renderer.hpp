// Text to 1-bit raster with FreeType: measuring, word wrap and drawing of UTF-8 Vietnamese.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/printer/bitmap.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk {

enum class FontWeight { Regular, Bold };

struct TextStyle {
    FontWeight weight = FontWeight::Regular;
    int pixelSize = 24; // em size in printer dots (203 dpi: 24 dots = 3 mm)
};

struct LineMetrics {
    int ascent = 0;     // baseline to the top of the highest stacked diacritic
    int descent = 0;    // baseline to the bottom of descenders, positive
    int lineHeight = 0; // baseline to baseline
};

// Owns the FreeType library and two faces; caches rendered glyphs, so a receipt is mostly
// blits. Not thread-safe: one per thread that renders.
class TextRenderer {
public:
    static Result<std::unique_ptr<TextRenderer>> create(const std::filesystem::path& regular,
                                                        const std::filesystem::path& bold);
    ~TextRenderer();
    TextRenderer(const TextRenderer&) = delete;
    TextRenderer& operator=(const TextRenderer&) = delete;

    LineMetrics metrics(TextStyle style);
    int measure(std::string_view utf8, TextStyle style);
    // Draws one line with its baseline at `baseline`; returns the advance in dots.
    int draw(Bitmap& target, int x, int baseline, std::string_view utf8, TextStyle style);
    // Greedy word wrap at spaces; a word wider than the line is broken between letters.
    // Explicit '\n' starts a new line.
    std::vector<std::string> wrap(std::string_view utf8, TextStyle style, int maxWidth);

    // Code points the fonts have no glyph for, since creation (a test-page and test check).
    int missingGlyphs() const { return missingGlyphs_; }

private:
    struct Glyph {
        Bitmap image;
        int left = 0;     // pen to the image's left edge
        int top = 0;      // baseline to the image's top edge (up is positive)
        long advance = 0; // 26.6 fixed point
    };
    struct Faces;

    explicit TextRenderer(std::unique_ptr<Faces> faces);
    const Glyph& glyph(char32_t codePoint, TextStyle style);

    std::unique_ptr<Faces> faces_;
    std::unordered_map<std::uint64_t, Glyph> glyphs_;
    std::unordered_map<std::uint64_t, LineMetrics> metrics_;
    int missingGlyphs_ = 0;
};

// UTF-8 to code points; malformed bytes become U+FFFD so no input can crash the renderer.
std::u32string decodeUtf8(std::string_view utf8);

} // namespace kiosk
