// FreeType text: UTF-8 decoding, measuring, wrapping and Vietnamese glyph coverage.
#include "kiosk/receipt/text_renderer.hpp"
#include "kiosk/receipt/vietnamese_compose.hpp"
#include "tests/kiosk/receipt/receipt_fixture.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("UTF-8 decoding handles Vietnamese and replaces malformed bytes", "[receipt]") {
    CHECK(decodeUtf8("Việt") == U"Việt");
    CHECK(decodeUtf8("a\xFF"
                     "b") == U"a\uFFFDb");
    CHECK(decodeUtf8("\xE1\xBB") == U"\uFFFD\uFFFD");           // truncated sequence
    CHECK(decodeUtf8("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD"); // surrogate
    CHECK(decodeUtf8("") == U"");
}

TEST_CASE("every Vietnamese letter has a glyph in the configured fonts", "[receipt]") {
    auto text = test::makeTextRenderer();
    Bitmap scratch(2000, 60);
    text->draw(scratch, 0, 40,
               "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ "
               "ưừứửữự yỳýỷỹỵ đĐ ÂẦẤẨẪẬ ƯỪỨỬỮỰ",
               {FontWeight::Regular, 24});
    text->draw(scratch, 0, 40, "ĂẰẮẲẴẶ ƠỜỚỞỠỢ", {FontWeight::Bold, 24});
    CHECK(text->missingGlyphs() == 0);
}

TEST_CASE("a tone mark changes the pixels but not the width of a letter", "[receipt]") {
    auto text = test::makeTextRenderer();
    TextStyle style{FontWeight::Regular, 30};
    CHECK(text->measure("ê", style) == text->measure("ệ", style));
    Bitmap plain(60, 60);
    Bitmap toned(60, 60);
    text->draw(plain, 10, 45, "e", style);
    text->draw(toned, 10, 45, "ế", style);
    CHECK_FALSE(plain == toned);
}

TEST_CASE("decomposed tone marks are drawn over their letter", "[receipt]") {
    auto text = test::makeTextRenderer();
    TextStyle style{FontWeight::Regular, 30};
    // "e" + U+0301 combining acute: same advance as the plain letter.
    CHECK(text->measure("e\xCC\x81", style) >= text->measure("e", style));
    auto lines = text->wrap("e\xCC\x81 e\xCC\x81", style, 1000);
    CHECK(lines.size() == 1);
}

TEST_CASE("word wrap keeps every line within the width and loses no word", "[receipt]") {
    auto text = test::makeTextRenderer();
    TextStyle style{FontWeight::Regular, 24};
    std::string paragraph = "Quét mã QR để theo dõi hồ sơ; cán bộ sẽ gọi nếu cần bổ sung giấy tờ "
                            "hoặc khi hồ sơ đã có kết quả.";
    auto lines = text->wrap(paragraph, style, 300);
    CHECK(lines.size() > 1);
    std::string joined;
    for (const auto& line : lines) {
        CHECK(text->measure(line, style) <= 300);
        joined += (joined.empty() ? "" : " ") + line;
    }
    CHECK(joined == paragraph);
}

TEST_CASE("a word longer than the line is broken between letters", "[receipt]") {
    auto text = test::makeTextRenderer();
    TextStyle style{FontWeight::Regular, 24};
    auto lines = text->wrap("https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html", style, 150);
    CHECK(lines.size() > 1);
    for (const auto& line : lines) {
        CHECK(text->measure(line, style) <= 150);
    }
}

TEST_CASE("explicit line breaks start new lines", "[receipt]") {
    auto text = test::makeTextRenderer();
    auto lines = text->wrap("một\nhai", {FontWeight::Regular, 24}, 1000);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "một");
    CHECK(lines[1] == "hai");
}

TEST_CASE("a missing font file is a clear error", "[receipt]") {
    auto text = TextRenderer::create("/nonexistent/font.ttf", "/nonexistent/bold.ttf");
    REQUIRE_FALSE(text);
    CHECK(text.error().code == "receipt.font");
}

TEST_CASE("decomposed Vietnamese is composed whatever the order of its marks", "[receipt]") {
    // o + dot below + circumflex (canonical order) and o + circumflex + dot below.
    CHECK(composeVietnamese(U"o\u0323\u0302") == U"ộ");
    CHECK(composeVietnamese(U"o\u0302\u0323") == U"ộ");
    CHECK(composeVietnamese(U"Tie\u0302\u0301ng Vie\u0323\u0302t") == U"Tiếng Việt");
    CHECK(composeVietnamese(U"U\u031B\u0300") == U"Ừ");
    CHECK(composeVietnamese(U"a\u0306\u0303") == U"ẵ");
    // Marks with no Vietnamese composition, and a mark with nothing before it, pass through.
    CHECK(composeVietnamese(U"n\u0303") == U"n\u0303");
    CHECK(composeVietnamese(U"\u0301a") == U"\u0301a");
    CHECK(composeVietnamese(U"đ") == U"đ");
}

TEST_CASE("decomposed and precomposed text render to the same pixels", "[receipt]") {
    auto text = test::makeTextRenderer();
    TextStyle style{FontWeight::Regular, 26};
    Bitmap precomposed(400, 40);
    Bitmap decomposed(400, 40);
    text->draw(precomposed, 4, 30, "Tiếng Việt ộ ẫ", style);
    text->draw(decomposed, 4, 30,
               "Tie\xCC\x82\xCC\x81ng Vie\xCC\xA3\xCC\x82t o\xCC\x82\xCC\xA3 a\xCC\x82\xCC\x83",
               style);
    CHECK(precomposed == decomposed);
}
