// The take-home sheet handed to the receipt printer.
#include "kiosk/lesson/take_home.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("the take-home sheet carries the lesson text, course name and footer", "[lesson]") {
    TakeHomeText text{"Kích hoạt tài khoản VNeID mức 2", {"Cài VNeID từ CH Play.", "Gõ mã OTP."}};
    TakeHomeSheet sheet = buildTakeHomeSheet(text, Language::Vietnamese, "Nhà văn hóa thôn");
    CHECK(sheet.language == Language::Vietnamese);
    CHECK(sheet.title == text.title);
    CHECK(sheet.subtitle == "Bình dân học vụ số");
    CHECK(sheet.steps == text.lines);
    CHECK(sheet.footer == "Nhà văn hóa thôn");
    CHECK(sheet.qrPayload.empty());
    CHECK(buildTakeHomeSheet(text, Language::English, "").subtitle == "Digital skills for all");
}
