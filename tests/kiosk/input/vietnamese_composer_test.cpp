// The field editor around the Telex rules: cursor, length limit, setText, wiping, NFC output.
#include "kiosk/input/utf8.hpp"
#include "kiosk/input/vietnamese_composer.hpp"
#include "kiosk/input/vietnamese_letters.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <random>
#include <string>

using namespace kiosk::input;

namespace {

// NFC as this engine produces it: valid UTF-8, no combining marks, and every non-ASCII
// codepoint a precomposed letter of our table that composes back to itself (or an allowed
// punctuation mark typed as is).
bool isNfcText(std::string_view text) {
    if (!isValidUtf8(text)) {
        return false;
    }
    const auto codepoints = decodeUtf8<std::u32string>(text);
    for (const char32_t c : codepoints) {
        if (isCombiningMark(c)) {
            return false;
        }
        if (c < 0x80) {
            continue;
        }
        const auto parts = decomposeLetter(c);
        if (!parts) {
            return false;
        }
        const auto again = composeLetter(*parts);
        if (!again || *again != c) {
            return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("every Vietnamese letter round-trips through the letter table", "[telex]") {
    const std::u32string letters = U"aáàảãạăắằẳẵặâấầẩẫậeéèẻẽẹêếềểễệiíìỉĩịoóòỏõọôốồổỗộơớờởỡợ"
                                   U"uúùủũụưứừửữựyýỳỷỹỵđAÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬEÉÈẺẼẸÊẾỀỂỄỆ"
                                   U"IÍÌỈĨỊOÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢUÚÙỦŨỤƯỨỪỬỮỰYÝỲỶỸỴĐ";
    CHECK(letters.size() == 146);
    for (const char32_t c : letters) {
        const auto parts = decomposeLetter(c);
        REQUIRE(parts);
        CHECK(composeLetter(*parts) == c);
    }
    CHECK_FALSE(composeLetter(LetterParts{'b', Mark::None, Tone::Acute, LetterCase::Lower}));
    CHECK_FALSE(composeLetter(LetterParts{'a', Mark::Horn, Tone::None, LetterCase::Lower}));
    CHECK_FALSE(decomposeLetter(U'@'));
    CHECK_FALSE(decomposeLetter(U'ñ'));
}

TEST_CASE("typing at a moved cursor composes the word that ends there", "[telex]") {
    VietnameseComposer composer;
    composer.setText("Nguyen Thi");
    composer.moveCursor(6);
    composer.type(U'e');
    composer.type(U'x');
    CHECK(composer.text() == "Nguyễn Thi");
    CHECK(composer.cursor() == 6);
    CHECK(composer.cursorByteOffset() == std::string("Nguyễn").size());
    composer.moveCursor(100);
    CHECK(composer.cursor() == 10);
    composer.type(U'j');
    CHECK(composer.text() == "Nguyễn Thị");
    composer.moveCursor(-3);
    CHECK(composer.cursor() == 0);
    composer.type(U'A');
    composer.type(U' ');
    CHECK(composer.text() == "A Nguyễn Thị");
    CHECK(composer.textBeforeCursor() == "A ");
}

TEST_CASE("backspace in the middle of the field deletes before the cursor", "[telex]") {
    VietnameseComposer composer;
    composer.setText("Hà Nội");
    composer.moveCursor(2);
    composer.backspace();
    CHECK(composer.text() == "H Nội");
    CHECK(composer.cursor() == 1);
    composer.type(U'o');
    composer.type(U'o');
    composer.type(U'f');
    CHECK(composer.text() == "Hồ Nội");
}

TEST_CASE("touching the cursor where it already is keeps the word being composed", "[telex]") {
    VietnameseComposer composer;
    composer.typeText("tes");
    composer.moveCursor(2);
    composer.typeText("t@");
    CHECK(composer.text() == "test@");
}

TEST_CASE("a field with a length limit refuses growth but accepts tones", "[telex]") {
    VietnameseComposer composer;
    composer.setMaxLength(5);
    CHECK(composer.type(U'N') == KeyOutcome::Accepted);
    composer.typeText("guyee");
    CHECK(composer.text() == "Nguyê");
    CHECK(composer.type(U'n') == KeyOutcome::RejectedFull);
    CHECK(composer.type(U'x') == KeyOutcome::Accepted);
    CHECK(composer.text() == "Nguyễ");
    CHECK(composer.type(U' ') == KeyOutcome::RejectedFull);
    composer.backspace();
    CHECK(composer.text() == "Nguy");
    CHECK(composer.length() == 4);
}

TEST_CASE("a length limit counts characters, not bytes", "[telex]") {
    VietnameseComposer composer(InputMethod::Plain);
    composer.setMaxLength(3);
    composer.typeText("ấếố!");
    CHECK(composer.text() == "ấếố");
}

TEST_CASE("control characters and stray combining marks are ignored", "[telex]") {
    VietnameseComposer composer;
    CHECK(composer.type(U'\t') == KeyOutcome::Ignored);
    CHECK(composer.type(0x0301) == KeyOutcome::Ignored);
    CHECK(composer.type(0x7F) == KeyOutcome::Ignored);
    CHECK(composer.type(0xD800) == KeyOutcome::Ignored);
    CHECK(composer.text().empty());
}

TEST_CASE("precomposed letter keys join the word and can still take a tone", "[telex]") {
    VietnameseComposer composer;
    composer.type(U'V');
    composer.type(U'i');
    composer.type(U'ê');
    composer.type(U't');
    composer.type(U'j');
    CHECK(composer.text() == "Việt");
    composer.type(U' ');
    composer.type(U'Đ');
    composer.type(U'ứ');
    composer.type(U'c');
    CHECK(composer.text() == "Việt Đức");
}

TEST_CASE("setText composes decomposed Vietnamese and replaces malformed UTF-8", "[telex]") {
    VietnameseComposer composer;
    // "Việt" written with combining marks (e + circumflex + dot below), as some systems do.
    composer.setText("Vie\xCC\x82\xCC\xA3t");
    CHECK(composer.text() == "Việt");
    composer.setText("a\xFF"
                     "b");
    CHECK(composer.text() == "a\xEF\xBF\xBD"
                             "b");
    composer.setText("\xCC\x81x");
    CHECK(composer.text() == "x");
}

TEST_CASE("commitWord ends composition so the next key starts a new word", "[telex]") {
    VietnameseComposer composer;
    composer.typeText("ha");
    composer.commitWord();
    composer.type(U's');
    CHECK(composer.text() == "has");
}

TEST_CASE("switching method applies to the next keys only", "[telex]") {
    VietnameseComposer composer;
    composer.typeText("Vieetj ");
    composer.setMethod(InputMethod::Vni);
    composer.typeText("Nam1 ");
    composer.setMethod(InputMethod::Plain);
    composer.typeText("aa");
    CHECK(composer.text() == "Việt Nám aa");
}

TEST_CASE("changing the tone style re-places the tone of the word being typed", "[telex]") {
    VietnameseComposer composer;
    composer.typeText("hoaf");
    CHECK(composer.text() == "hòa");
    composer.setToneStyle(ToneStyle::New);
    composer.type(U'n');
    CHECK(composer.text() == "hoàn");
    composer.backspace();
    CHECK(composer.text() == "hoà");
}

TEST_CASE("clear wipes the field's memory before reuse", "[telex]") {
    VietnameseComposer composer;
    composer.typeText("Nguyeenx Thij Asnh Tuyeets");
    const std::string_view before = composer.text();
    const char* buffer = before.data();
    const std::size_t size = before.size();
    composer.clear();
    CHECK(composer.text().empty());
    CHECK(composer.cursor() == 0);
    // The buffer is kept (cleared strings keep their capacity), so it can be inspected.
    REQUIRE(composer.text().data() == buffer);
    for (std::size_t i = 0; i < size; ++i) {
        CHECK(buffer[i] == '\0');
    }
    composer.typeText("as");
    CHECK(composer.text() == "á");
}

TEST_CASE("wipeContainer zeroes a secure string's bytes", "[telex]") {
    SecureString secret(64, 'x');
    const char* data = secret.data();
    wipeContainer(secret);
    CHECK(secret.empty());
    REQUIRE(secret.data() == data);
    for (std::size_t i = 0; i < 64; ++i) {
        CHECK(data[i] == '\0');
    }
}

TEST_CASE("random key sequences never break the field and always give NFC UTF-8", "[telex]") {
    // Keys the on-screen keyboard can send, plus noise it should shrug off.
    const std::u32string alphabet = U"aeiouydwszfrxjqgnhtckmplbv AEIOUYDWSZFRXJQGNH0123456789"
                                    U".,@_-/:'<<<<<ăâêôơưđÁẾ\u0301\u0323\t\n";
    std::mt19937 random(20261125);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() + 5);
    constexpr int sequences = 400;
    constexpr int keysPerSequence = 60;
    for (int sequence = 0; sequence < sequences; ++sequence) {
        VietnameseComposer composer(sequence % 3 == 0 ? InputMethod::Vni : InputMethod::Telex,
                                    sequence % 2 == 0 ? ToneStyle::Old : ToneStyle::New);
        if (sequence % 7 == 0) {
            composer.setMaxLength(12);
        }
        for (int step = 0; step < keysPerSequence; ++step) {
            const std::size_t choice = pick(random);
            if (choice >= alphabet.size()) {
                switch (choice - alphabet.size()) {
                case 0:
                    composer.moveCursor(static_cast<int>(random() % 20) - 2);
                    break;
                case 1:
                    composer.commitWord();
                    break;
                case 2:
                    composer.setMethod(InputMethod::Plain);
                    break;
                case 3:
                    composer.setMethod(InputMethod::Telex);
                    break;
                case 4:
                    composer.setToneStyle(ToneStyle::New);
                    break;
                default:
                    composer.backspace();
                    break;
                }
            } else if (alphabet[choice] == U'<') {
                composer.backspace();
            } else {
                composer.type(alphabet[choice]);
            }
            REQUIRE(composer.cursor() <= composer.length());
        }
        INFO("sequence " << sequence << " text: " << composer.text());
        REQUIRE(isNfcText(composer.text()));
        if (sequence % 7 == 0) {
            REQUIRE(composer.length() <= 12);
        }
    }
}

TEST_CASE("diacritic keys mark the word before the cursor in any composing method", "[telex]") {
    for (const auto method : {InputMethod::Telex, InputMethod::Vni}) {
        VietnameseComposer composer(method);
        composer.typeText("Nguy");
        composer.type(U'ê');
        composer.type(U'n');
        CHECK(composer.type(0x0303) == KeyOutcome::Accepted);
        CHECK(composer.text() == "Nguyễn");
        composer.typeText(" hoa");
        composer.type(0x0300);
        CHECK(composer.text() == "Nguyễn hòa");
        // Pressed again, the same tone key takes the tone off.
        composer.type(0x0300);
        CHECK(composer.text() == "Nguyễn hoa");
        composer.typeText(" tuong");
        composer.type(0x031B);
        composer.type(0x0301);
        CHECK(composer.text() == "Nguyễn hoa tướng");
        composer.typeText(" an");
        composer.type(0x0306);
        CHECK(composer.text() == "Nguyễn hoa tướng ăn");
        // A circumflex replaces the breve rather than stacking on it.
        composer.type(0x0302);
        CHECK(composer.text() == "Nguyễn hoa tướng ân");
    }
}

TEST_CASE("diacritic keys with nothing to mark insert nothing", "[telex]") {
    VietnameseComposer composer;
    CHECK(composer.type(0x0301) == KeyOutcome::Ignored);
    composer.typeText("hello");
    CHECK(composer.type(0x0301) == KeyOutcome::Ignored);
    composer.typeText(" bc");
    CHECK(composer.type(0x0302) == KeyOutcome::Ignored);
    CHECK(composer.text() == "hello bc");
    VietnameseComposer plain(InputMethod::Plain);
    plain.typeText("a");
    CHECK(plain.type(0x0301) == KeyOutcome::Ignored);
    CHECK(plain.text() == "a");
}
