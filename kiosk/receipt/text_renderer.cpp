// FreeType monochrome rendering: hinted 1-bit glyphs print crisper than thresholded grey.
#include "kiosk/receipt/text_renderer.hpp"

#include "kiosk/receipt/vietnamese_compose.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>

namespace kiosk {

struct TextRenderer::Faces {
    FT_Library library = nullptr;
    FT_Face regular = nullptr;
    FT_Face bold = nullptr;
    int sizeRegular = 0; // pixel size currently set on each face
    int sizeBold = 0;

    ~Faces() {
        if (regular != nullptr) {
            FT_Done_Face(regular);
        }
        if (bold != nullptr) {
            FT_Done_Face(bold);
        }
        if (library != nullptr) {
            FT_Done_FreeType(library);
        }
    }

    FT_Face select(TextStyle style) {
        FT_Face face = style.weight == FontWeight::Bold ? bold : regular;
        int& current = style.weight == FontWeight::Bold ? sizeBold : sizeRegular;
        if (current != style.pixelSize) {
            FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(style.pixelSize));
            current = style.pixelSize;
        }
        return face;
    }
};

namespace {

std::uint64_t key(char32_t codePoint, TextStyle style) {
    return static_cast<std::uint64_t>(codePoint) << 32 |
           static_cast<std::uint64_t>(style.pixelSize) << 1 |
           (style.weight == FontWeight::Bold ? 1u : 0u);
}

bool isCombiningMark(char32_t c) {
    return c >= 0x0300 && c <= 0x036F;
}

} // namespace

std::u32string decodeUtf8(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        auto byte = static_cast<unsigned char>(utf8[i]);
        int extra = byte < 0x80           ? 0
                    : (byte >> 5) == 0x6  ? 1
                    : (byte >> 4) == 0xE  ? 2
                    : (byte >> 3) == 0x1E ? 3
                                          : -1;
        bool truncated = extra > 0 && i + static_cast<std::size_t>(extra) >= utf8.size();
        if (extra < 0 || truncated) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t c = extra == 0 ? byte : byte & (0x3F >> extra);
        bool valid = true;
        for (int k = 1; k <= extra; ++k) {
            auto next = static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]);
            if ((next & 0xC0) != 0x80) {
                valid = false;
                break;
            }
            c = (c << 6) | (next & 0x3F);
        }
        if (!valid || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(c);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

namespace {

std::string encodeUtf8(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

} // namespace

Result<std::unique_ptr<TextRenderer>> TextRenderer::create(const std::filesystem::path& regular,
                                                           const std::filesystem::path& bold) {
    auto faces = std::make_unique<Faces>();
    if (FT_Init_FreeType(&faces->library) != 0) {
        return makeError("receipt.font", "FreeType could not start");
    }
    if (FT_New_Face(faces->library, regular.c_str(), 0, &faces->regular) != 0) {
        return makeError("receipt.font", "cannot load font " + regular.string());
    }
    if (FT_New_Face(faces->library, bold.c_str(), 0, &faces->bold) != 0) {
        return makeError("receipt.font", "cannot load font " + bold.string());
    }
    return std::unique_ptr<TextRenderer>(new TextRenderer(std::move(faces)));
}

TextRenderer::TextRenderer(std::unique_ptr<Faces> faces)
    : faces_(std::move(faces)) {}

TextRenderer::~TextRenderer() = default;

LineMetrics TextRenderer::metrics(TextStyle style) {
    auto k = key(0, style);
    if (auto it = metrics_.find(k); it != metrics_.end()) {
        return it->second;
    }
    FT_Face face = faces_->select(style);
    LineMetrics m;
    m.ascent = static_cast<int>((face->size->metrics.ascender + 63) >> 6);
    m.descent = static_cast<int>((-face->size->metrics.descender + 63) >> 6);
    // Noto's own line gap is generous; ascent + descent already clears stacked diacritics
    // (Ấ, Ậ), so a small fixed leading is enough and saves paper.
    m.lineHeight = m.ascent + m.descent + std::max(2, style.pixelSize / 10);
    metrics_.emplace(k, m);
    return m;
}

const TextRenderer::Glyph& TextRenderer::glyph(char32_t codePoint, TextStyle style) {
    auto k = key(codePoint, style);
    if (auto it = glyphs_.find(k); it != glyphs_.end()) {
        return it->second;
    }
    FT_Face face = faces_->select(style);
    FT_UInt index = FT_Get_Char_Index(face, codePoint);
    if (index == 0 && codePoint != 0xFFFD) {
        ++missingGlyphs_;
    }
    Glyph result;
    if (FT_Load_Glyph(face, index, FT_LOAD_RENDER | FT_LOAD_TARGET_MONO) == 0) {
        const FT_Bitmap& source = face->glyph->bitmap;
        result.left = face->glyph->bitmap_left;
        result.top = face->glyph->bitmap_top;
        result.advance = face->glyph->advance.x;
        result.image = Bitmap(static_cast<int>(source.width), static_cast<int>(source.rows));
        if (source.pixel_mode == FT_PIXEL_MODE_MONO) {
            // FreeType's mono layout is ours: MSB first, 1 = ink.
            for (int y = 0; y < result.image.height(); ++y) {
                auto row = result.image.row(y);
                const unsigned char* from = source.buffer + y * source.pitch;
                std::copy_n(from, row.size(), row.begin());
            }
        }
    }
    return glyphs_.emplace(k, std::move(result)).first->second;
}

int TextRenderer::measure(std::string_view utf8, TextStyle style) {
    long pen = 0;
    for (char32_t c : composeVietnamese(decodeUtf8(utf8))) {
        pen += glyph(c, style).advance;
    }
    return static_cast<int>((pen + 32) >> 6);
}

int TextRenderer::draw(Bitmap& target, int x, int baseline, std::string_view utf8,
                       TextStyle style) {
    long pen = static_cast<long>(x) << 6;
    for (char32_t c : composeVietnamese(decodeUtf8(utf8))) {
        const Glyph& g = glyph(c, style);
        // A decomposed (NFD) tone mark has no advance and sits over the letter before it.
        int penX = static_cast<int>((pen + 32) >> 6);
        target.draw(g.image, penX + g.left, baseline - g.top);
        if (!isCombiningMark(c)) {
            pen += g.advance;
        }
    }
    return static_cast<int>((pen + 32) >> 6) - x;
}

std::vector<std::string> TextRenderer::wrap(std::string_view utf8, TextStyle style, int maxWidth) {
    std::vector<std::string> lines;
    std::u32string text = composeVietnamese(decodeUtf8(utf8));
    long limit = static_cast<long>(maxWidth) << 6;
    long space = glyph(U' ', style).advance;
    std::size_t paragraphStart = 0;
    while (paragraphStart <= text.size()) {
        std::size_t paragraphEnd = text.find(U'\n', paragraphStart);
        if (paragraphEnd == std::u32string::npos) {
            paragraphEnd = text.size();
        }
        std::u32string line;
        long lineWidth = 0;
        std::size_t i = paragraphStart;
        auto flush = [&]() {
            lines.push_back(encodeUtf8(line));
            line.clear();
            lineWidth = 0;
        };
        bool any = false;
        while (i < paragraphEnd) {
            while (i < paragraphEnd && text[i] == U' ') {
                ++i;
            }
            std::size_t wordEnd = i;
            while (wordEnd < paragraphEnd && text[wordEnd] != U' ') {
                ++wordEnd;
            }
            if (wordEnd == i) {
                break;
            }
            std::u32string_view word(text.data() + i, wordEnd - i);
            long wordWidth = 0;
            for (char32_t c : word) {
                wordWidth += isCombiningMark(c) ? 0 : glyph(c, style).advance;
            }
            if (!line.empty() && lineWidth + space + wordWidth <= limit) {
                line.push_back(U' ');
                line.append(word);
                lineWidth += space + wordWidth;
            } else {
                if (!line.empty()) {
                    flush();
                }
                if (wordWidth <= limit) {
                    line.assign(word);
                    lineWidth = wordWidth;
                } else {
                    // Longer than a line (a URL, a long code): break between letters.
                    for (char32_t c : word) {
                        long w = isCombiningMark(c) ? 0 : glyph(c, style).advance;
                        if (!line.empty() && lineWidth + w > limit) {
                            flush();
                        }
                        line.push_back(c);
                        lineWidth += w;
                    }
                }
            }
            any = true;
            i = wordEnd;
        }
        if (!line.empty() || !any) {
            flush();
        }
        paragraphStart = paragraphEnd + 1;
    }
    return lines;
}

} // namespace kiosk
