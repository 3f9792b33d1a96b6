// The Telex and VNI behaviour table: keys typed into a field and the text that must result.
#include "kiosk/input/utf8.hpp"
#include "kiosk/input/vietnamese_composer.hpp"
#include "kiosk/input/vietnamese_letters.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

using namespace kiosk::input;

namespace {

// In `keys`, '<' stands for Backspace; every other character is one key press.
struct TypingCase {
    InputMethod method;
    std::string_view keys;
    std::string_view expected;
    ToneStyle style = ToneStyle::Old;
};

constexpr auto T = InputMethod::Telex;
constexpr auto V = InputMethod::Vni;
constexpr auto New = ToneStyle::New;

// Rows are packed several to a line to keep the table readable.
// clang-format off
const std::vector<TypingCase> typingCases{
    // Every tone on every vowel (Telex).
    {T, "as", "á"}, {T, "af", "à"}, {T, "ar", "ả"}, {T, "ax", "ã"}, {T, "aj", "ạ"},
    {T, "aws", "ắ"}, {T, "awf", "ằ"}, {T, "awr", "ẳ"}, {T, "awx", "ẵ"}, {T, "awj", "ặ"},
    {T, "aas", "ấ"}, {T, "aaf", "ầ"}, {T, "aar", "ẩ"}, {T, "aax", "ẫ"}, {T, "aaj", "ậ"},
    {T, "es", "é"}, {T, "ef", "è"}, {T, "er", "ẻ"}, {T, "ex", "ẽ"}, {T, "ej", "ẹ"},
    {T, "ees", "ế"}, {T, "eef", "ề"}, {T, "eer", "ể"}, {T, "eex", "ễ"}, {T, "eej", "ệ"},
    {T, "is", "í"}, {T, "if", "ì"}, {T, "ir", "ỉ"}, {T, "ix", "ĩ"}, {T, "ij", "ị"},
    {T, "os", "ó"}, {T, "of", "ò"}, {T, "or", "ỏ"}, {T, "ox", "õ"}, {T, "oj", "ọ"},
    {T, "oos", "ố"}, {T, "oof", "ồ"}, {T, "oor", "ổ"}, {T, "oox", "ỗ"}, {T, "ooj", "ộ"},
    {T, "ows", "ớ"}, {T, "owf", "ờ"}, {T, "owr", "ở"}, {T, "owx", "ỡ"}, {T, "owj", "ợ"},
    {T, "us", "ú"}, {T, "uf", "ù"}, {T, "ur", "ủ"}, {T, "ux", "ũ"}, {T, "uj", "ụ"},
    {T, "uws", "ứ"}, {T, "uwf", "ừ"}, {T, "uwr", "ử"}, {T, "uwx", "ữ"}, {T, "uwj", "ự"},
    {T, "ys", "ý"}, {T, "yf", "ỳ"}, {T, "yr", "ỷ"}, {T, "yx", "ỹ"}, {T, "yj", "ỵ"},
    {T, "dd", "đ"}, {T, "Dd", "Đ"}, {T, "DD", "Đ"}, {T, "dD", "đ"},

    // Names, as residents and volunteers type them.
    {T, "Nguyeenx Thij Asnh Tuyeets", "Nguyễn Thị Ánh Tuyết"},
    {T, "Nguyeenx Thij Anhs Tuyeest", "Nguyễn Thị Ánh Tuyết"},
    {T, "Nguyenxe Thij Ansh Tuyetse", "Nguyễn Thị Ánh Tuyết"},
    {T, "NGUYEENX THIJ ASNH TUYEETS", "NGUYỄN THỊ ÁNH TUYẾT"},
    {T, "nguyeenx thij asnh tuyeets", "nguyễn thị ánh tuyết"},
    {T, "Traanf Vawn Hungf", "Trần Văn Hùng"}, {T, "Phamj Minh Dduwcs", "Phạm Minh Đức"},
    {T, "Phamj Minh Ducwsd", "Phạm Minh Đức"}, {T, "Vox Thij Ngocj Hanh", "Võ Thị Ngọc Hanh"},
    {T, "Ddawngj Quoocs Baor", "Đặng Quốc Bảo"}, {T, "Hoof Chis Minh", "Hồ Chí Minh"},
    {T, "Buif Xuaan Truwowngf", "Bùi Xuân Trường"}, {T, "Buif Xuaan Truowngf", "Bùi Xuân Trường"},
    {T, "Khuaats Duy Tieens", "Khuất Duy Tiến"}, {T, "Huyeenf Trang", "Huyền Trang"},
    {T, "Phuowng Thaor", "Phương Thảo"}, {T, "Ngoo Baor Chaau", "Ngô Bảo Châu"},
    {T, "Ddoox Thij Hoongf Nhung", "Đỗ Thị Hồng Nhung"},
    {T, "Lys Thuowngf Kieetj", "Lý Thường Kiệt"}, {T, "Lee Thij Hoaf", "Lê Thị Hòa"},
    {T, "Lee Thij Hoaf", "Lê Thị Hoà", New}, {T, "Nguyeenx Vawn Tuaasn", "Nguyễn Văn Tuấn"},
    {T, "Tieengs Vieetj", "Tiếng Việt"}, {T, "VIEETJ NAM", "VIỆT NAM"}, {T, "Haf Nooij", "Hà Nội"},
    {T, "xin chaof", "xin chào"},

    // Free marking: tones and marks may come late and follow the syllable.
    {T, "hoaf", "hòa"}, {T, "hofa", "hòa"}, {T, "hoafn", "hoàn"}, {T, "hofan", "hoàn"},
    {T, "loanj", "loạn"}, {T, "vajan", "vận"}, {T, "tosos", "tôs"}, {T, "Vieejt", "Việt"},
    {T, "Vietej", "Việt"}, {T, "Vietje", "Việt"}, {T, "tieesng", "tiếng"}, {T, "toasn", "toán"},
    {T, "muaf", "mùa"}, {T, "muwa", "mưa"}, {T, "muaw", "mưa"}, {T, "hoawcj", "hoặc"},
    {T, "ngoafi", "ngoài"}, {T, "nguowif", "người"}, {T, "nguwowif", "người"},
    {T, "dduwowcj", "được"}, {T, "duwowcj", "dược"}, {T, "thuowr", "thuở"}, {T, "huow", "huơ"},
    {T, "uoongs", "uống"}, {T, "ruouwj", "rượu"}, {T, "chuyeenj", "chuyện"},
    {T, "nghieeng", "nghiêng"}, {T, "nghix", "nghĩ"}, {T, "kyf", "kỳ"}, {T, "keos", "kéo"},
    {T, "ghees", "ghế"}, {T, "khuyur", "khuỷu"}, {T, "ngoeoj", "ngoẹo"}, {T, "bawts", "bắt"},
    {T, "ddeemf", "đềm"}, {T, "did", "đi"}, {T, "quyeets", "quyết"},

    // gi and qu are initials: the tone skips their i and u.
    {T, "giaf", "già"}, {T, "quaf", "quà"}, {T, "gif", "gì"}, {T, "gifn", "gìn"},
    {T, "gifa", "già"}, {T, "gisa", "giá"}, {T, "qufa", "quà"}, {T, "giuwax", "giữa"},
    {T, "quoocs", "quốc"}, {T, "quaan", "quân"}, {T, "giowf", "giờ"}, {T, "gieengs", "giếng"},
    {T, "quyeenf", "quyền"}, {T, "quys", "quý"}, {T, "quys", "quý", New}, {T, "quyf", "quỳ", New},

    // Old style (hòa) and new style (hoà) differ only on open oa, oe, uy.
    {T, "hoaf", "hoà", New}, {T, "hofa", "hoà", New}, {T, "khoer", "khỏe"},
    {T, "khoer", "khoẻ", New}, {T, "thuyr", "thủy"}, {T, "thuyr", "thuỷ", New}, {T, "hoaj", "họa"},
    {T, "hoaj", "hoạ", New}, {T, "hoafn", "hoàn", New}, {T, "toanf", "toàn", New},
    {T, "mias", "mía", New}, {T, "muaf", "mùa", New}, {T, "thuyeenf", "thuyền", New},
    {T, "oar", "ỏa"}, {T, "oar", "oả", New},

    // A lone w is ư.
    {T, "w", "ư"}, {T, "W", "Ư"}, {T, "tw", "tư"}, {T, "nhwngx", "những"}, {T, "wa", "ưa"},
    {T, "ww", "w"}, {T, "tww", "tw"},

    // Repeating a modifier undoes it and leaves the word as typed from then on.
    {T, "aaa", "aa"}, {T, "eee", "ee"}, {T, "ooo", "oo"}, {T, "aww", "aw"}, {T, "oww", "ow"},
    {T, "uww", "uw"}, {T, "ddd", "dd"}, {T, "ass", "as"}, {T, "aff", "af"}, {T, "arr", "ar"},
    {T, "axx", "ax"}, {T, "ajj", "aj"}, {T, "tesst", "test"}, {T, "booss", "bôs"},
    {T, "taxxi", "taxi"}, {T, "Ass", "As"}, {T, "AAA", "AA"}, {T, "DDD", "DD"},

    // z removes the tone; without a tone it is just a letter.
    {T, "asz", "a"}, {T, "vieetjz", "viêt"}, {T, "az", "az"},

    // Uppercase and title case follow each key.
    {T, "DDaij", "Đại"}, {T, "DDAIJ", "ĐẠI"}, {T, "Ddaij", "Đại"}, {T, "HOAF", "HÒA"},
    {T, "HOAF", "HOÀ", New}, {T, "TRUWOWNGF", "TRƯỜNG"}, {T, "aS", "á"}, {T, "AAs", "Ấ"},
    {T, "Aa", "Â"}, {T, "ANHS", "ÁNH"}, {T, "Asnh", "Ánh"},

    // Words that cannot be Vietnamese stay as typed.
    {T, "email", "email"}, {T, "hello", "hello"}, {T, "xyz123", "xyz123"},
    {T, "test@gmail.com", "test@gmail.com"}, {T, "hello world", "hello world"},
    {T, "google", "google"}, {T, "facebook", "facebook"}, {T, "windows", "windows"},
    {T, "abc123", "abc123"}, {T, "A1234", "A1234"}, {T, "0912345678", "0912345678"},
    {T, "user_name", "user_name"}, {T, "gmail.com", "gmail.com"}, {T, "I love you", "I love you"},
    {T, "ok OK", "ok OK"}, {T, "Zalo", "Zalo"}, {T, "mp3", "mp3"}, {T, "covid19", "covid19"},
    {T, "phone: 0912", "phone: 0912"}, {T, "kas", "kas"}, {T, "nges", "nges"},
    {T, "bawtf", "bawtf"},
    // ...but a word that happens to be Vietnamese is composed; "tesst" types "test".
    {T, "test", "tét"},
    // The undo rule wins over restoring: ww is one w, as in every Telex engine. Addresses and
    // e-mails are typed in Plain mode (the Email field's default).
    {T, "www", "ww"},

    // Punctuation ends a word and keeps its diacritics.
    {T, "Nguyeenx, Thij.", "Nguyễn, Thị."}, {T, "(Vieetj)", "(Việt)"},

    // Backspace edits the composed word, not only the last glyph.
    {T, "loanj<", "lọa"}, {T, "loanj<", "loạ", New}, {T, "Vieejt<", "Việ"}, {T, "Vieejt<<", "Vi"},
    {T, "as<", ""}, {T, "as<a", "a"}, {T, "hoaf<", "hò"}, {T, "hoaf<", "ho", New},
    {T, "tieengs<", "tiến"}, {T, "ass<", "a"}, {T, "ass<s", "á"}, {T, "hello<", "hell"},
    {T, "hello<<<s", "hé"}, {T, "test@<", "test"}, {T, "ddi<<", ""}, {T, "ddi<", "đ"},
    {T, "w<", ""}, {T, "nguowif<", "ngườ"}, {T, "Nguyeenx<", "Nguyễ"}, {T, "Nguyeenx<<", "Nguy"},
    {T, "Nguyeenx<<e", "Nguye"}, {T, "a b<", "a "}, {T, "a <", "a"}, {T, "a <s", "á"},
    {T, "as <<", ""}, {T, "<<as", "á"},

    // VNI: digits 1-5 tones, 6 circumflex, 7 horn, 8 breve, 9 đ, 0 removes the tone.
    {V, "a1", "á"}, {V, "a2", "à"}, {V, "a3", "ả"}, {V, "a4", "ã"}, {V, "a5", "ạ"}, {V, "a6", "â"},
    {V, "a8", "ă"}, {V, "o7", "ơ"}, {V, "u7", "ư"}, {V, "d9", "đ"}, {V, "e6", "ê"}, {V, "o6", "ô"},
    {V, "a61", "ấ"}, {V, "a85", "ặ"}, {V, "o73", "ở"}, {V, "u74", "ữ"}, {V, "e62", "ề"},
    {V, "o65", "ộ"}, {V, "y1", "ý"}, {V, "i4", "ĩ"},
    {V, "Nguye6n4 Thi5 A1nh Tuye6t1", "Nguyễn Thị Ánh Tuyết"}, {V, "NGUYE6N4", "NGUYỄN"},
    {V, "Vie6t5 Nam", "Việt Nam"}, {V, "Vie5t6", "Việt"}, {V, "Tra62n Va8n Hu2ng", "Trần Văn Hùng"},
    {V, "D9a85ng Quo61c Ba3o", "Đặng Quốc Bảo"}, {V, "hoa2", "hòa"}, {V, "hoa2", "hoà", New},
    {V, "ho2a", "hòa"}, {V, "thuo73", "thuở"}, {V, "duo75c", "dược"}, {V, "d9uo7c5", "được"},
    {V, "nguo7i2", "người"}, {V, "mu7a", "mưa"}, {V, "mua7", "mưa"}, {V, "hoa8c5", "hoặc"},
    {V, "khoe3", "khỏe"}, {V, "khoe3", "khoẻ", New}, {V, "thuy3", "thủy"},
    {V, "thuy3", "thuỷ", New}, {V, "gia2", "già"}, {V, "qua2", "quà"}, {V, "gi2", "gì"},
    {V, "giu7a4", "giữa"}, {V, "quo6c1", "quốc"}, {V, "a11", "a1"}, {V, "a66", "a6"},
    {V, "d99", "d9"}, {V, "o77", "o7"}, {V, "a88", "a8"}, {V, "a10", "a"}, {V, "a0", "a0"},
    {V, "xyz123", "xyz123"}, {V, "test@gmail.com", "test@gmail.com"},
    {V, "0912345678", "0912345678"}, {V, "email hello", "email hello"}, {V, "a1<", ""},
    {V, "vie65t<", "việ"}, {V, "loa5n<", "lọa"},
    // Telex letters are plain letters in VNI.
    {V, "aas", "aas"}, {V, "dd", "dd"},

    // Two Telex habits: a second w on uơ makes ươ (a third undoes), and ooo is the oo of
    // xoong, so a tone typed after it still lands. In both tone styles.
    {T, "thuoww", "thươ"}, {T, "thuoww", "thươ", New}, {T, "thuowwngf", "thường"},
    {T, "thuowwngf", "thường", New}, {T, "uoww", "ươ"}, {T, "uoww", "ươ", New},
    {T, "THUOWWNGF", "THƯỜNG"}, {T, "huoww", "hươ"}, {T, "thuowww", "thuow"},
    {T, "thuowww", "thuow", New}, {T, "uowww", "uow"}, {T, "sooocs", "soóc"},
    {T, "sooocs", "soóc", New}, {T, "ooongj", "oọng"}, {T, "ooongj", "oọng", New},
    {T, "xooong", "xoong"}, {T, "xooong", "xoong", New}, {T, "SOOOCS", "SOÓC"},
    {T, "ooo", "oo", New},

    // Ethnic-minority place names residents write in addresses: final k, initial kr, k before o.
    {T, "Ddawks Lawks", "Đắk Lắk"}, {T, "Ddawks Lawks", "Đắk Lắk", New},
    {T, "Ddawks Noong", "Đắk Nông"}, {T, "Kroong Busk", "Krông Búk"},
    {T, "Kroong Busk", "Krông Búk", New}, {T, "Kroong Pawsc", "Krông Pắc"},
    {T, "Kon Tum", "Kon Tum"}, {T, "Kon Ploong", "Kon Plông"}, {T, "Chuw Proong", "Chư Prông"},
    {T, "Ddawks Glei", "Đắk Glei"}, {T, "Koong Chro", "Kông Chro"},
    {T, "Ddawk Mil", "Đăk Mil"}, {T, "DDAWKS LAWKS", "ĐẮK LẮK"}, {T, "Lawkf", "Lawkf"},
    {T, "Ww", "W"}, {T, "WW", "W"}, {T, "ww", "w"}, {T, "book", "book"}, {T, "look ok", "look ok"},
    {T, "Ddak Pow", "Đak Pơ"}, {T, "Ddakws", "Đắk"}, {T, "back", "back"},
    {V, "D9a8k1 La8k1", "Đắk Lắk"}, {V, "Kro6ng Bu1k", "Krông Búk"},
    {V, "D9a8k1 No6ng", "Đắk Nông"}, {V, "Kro6ng Bu1k", "Krông Búk", New},

    // Plain mode composes nothing.
    {InputMethod::Plain, "Nguyeenx Thij", "Nguyeenx Thij"}, {InputMethod::Plain, "a1 d9", "a1 d9"},
    {InputMethod::Plain, "abc<", "ab"},
};
// clang-format on

std::string typeKeys(const TypingCase& row) {
    VietnameseComposer composer(row.method, row.style);
    for (const char key : row.keys) {
        if (key == '<') {
            composer.backspace();
        } else {
            composer.type(static_cast<char32_t>(static_cast<unsigned char>(key)));
        }
    }
    return std::string(composer.text());
}

const char* methodName(InputMethod method) {
    switch (method) {
    case InputMethod::Telex:
        return "Telex";
    case InputMethod::Vni:
        return "VNI";
    case InputMethod::Plain:
        return "Plain";
    }
    return "?";
}

} // namespace

TEST_CASE("the typing table has at least 200 cases", "[telex]") {
    CHECK(typingCases.size() >= 200);
}

TEST_CASE("keys typed in Telex, VNI and Plain give the expected text", "[telex]") {
    for (const auto& row : typingCases) {
        INFO(methodName(row.method)
             << (row.style == ToneStyle::New ? " new-style" : "") << " keys: " << row.keys);
        CHECK(typeKeys(row) == row.expected);
    }
}

TEST_CASE("every tone on every vowel, both cases, in Telex and VNI", "[telex]") {
    struct Vowel {
        char base;
        Mark mark;
        std::string_view telexMark;
        std::string_view vniMark;
    };
    const Vowel vowels[] = {
        {'a', Mark::None, "", ""},         {'a', Mark::Breve, "w", "8"},
        {'a', Mark::Circumflex, "a", "6"}, {'e', Mark::None, "", ""},
        {'e', Mark::Circumflex, "e", "6"}, {'i', Mark::None, "", ""},
        {'o', Mark::None, "", ""},         {'o', Mark::Circumflex, "o", "6"},
        {'o', Mark::Horn, "w", "7"},       {'u', Mark::None, "", ""},
        {'u', Mark::Horn, "w", "7"},       {'y', Mark::None, "", ""},
    };
    const std::string_view telexTones = " sfrxj";
    for (const Vowel& vowel : vowels) {
        for (int tone = 1; tone <= 5; ++tone) {
            for (const auto letterCase : {LetterCase::Lower, LetterCase::Upper}) {
                const bool upper = letterCase == LetterCase::Upper;
                const char base = upper ? static_cast<char>(vowel.base - 'a' + 'A') : vowel.base;
                std::string telexMark(vowel.telexMark);
                if (upper && !telexMark.empty()) {
                    telexMark[0] = static_cast<char>(telexMark[0] - 'a' + 'A');
                }
                std::string expected;
                appendUtf8(expected,
                           *composeLetter(LetterParts{vowel.base, vowel.mark,
                                                      static_cast<Tone>(tone), letterCase}));
                const std::string telex = std::string(1, base) + telexMark + telexTones[tone];
                const std::string vni =
                    std::string(1, base) + std::string(vowel.vniMark) + std::to_string(tone);
                CHECK(typeKeys({InputMethod::Telex, telex, expected}) == expected);
                CHECK(typeKeys({InputMethod::Vni, vni, expected}) == expected);
            }
        }
    }
}
