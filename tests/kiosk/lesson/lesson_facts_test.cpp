// Content check over the sample pack: lessons and their take-home sheets state the same facts,
// and no resident-facing text carries an editor's "not verified" flag.
#include "kiosk/lesson/lesson_facts.hpp"
#include "kiosk/lesson/lesson_loader.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace kiosk;

namespace {

const std::filesystem::path kSamplePack = std::filesystem::path(KIOSK_SOURCE_DIR) / "content";

Lesson passwordLesson(std::string takeHomeVi, std::string takeHomeEn) {
    Lesson lesson;
    lesson.id = "test-password";
    LessonStep step;
    step.text = {"Đặt mật khẩu dài từ 8 đến 20 ký tự, rồi đặt mật mã 6 số.",
                 "Set a password of 8 to 20 characters, then a 6-digit passcode."};
    lesson.steps.push_back(step);
    lesson.takeHome.push_back({std::move(takeHomeVi), std::move(takeHomeEn)});
    return lesson;
}

} // namespace

TEST_CASE("a take-home sheet that repeats the lesson's facts passes", "[lesson][content-check]") {
    CHECK(takeHomeFactProblems(passwordLesson("Mật khẩu 8-20 ký tự; mật mã 6 số.",
                                              "Password 8-20 characters; 6-digit passcode."))
              .empty());
}

TEST_CASE("a take-home sheet that contradicts its lesson is reported", "[lesson][content-check]") {
    const auto problems = takeHomeFactProblems(
        passwordLesson("Đặt mật khẩu 6 chữ số.", "Set a 6-character password."));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("test-password (vi)") != std::string::npos);
    CHECK(problems[0].find("6 chữ") != std::string::npos);
    CHECK(problems[1].find("(en)") != std::string::npos);
}

TEST_CASE("every sample lesson's take-home sheet agrees with the lesson",
          "[lesson][content-check]") {
    auto catalog = loadLessonCatalog(kSamplePack);
    REQUIRE(catalog);
    REQUIRE_FALSE(catalog->lessons.empty());
    for (const Lesson& lesson : catalog->lessons) {
        for (const std::string& problem : takeHomeFactProblems(lesson)) {
            FAIL_CHECK(problem);
        }
    }
}

TEST_CASE("no sample procedure or lesson shows residents an editor's verification flag",
          "[lesson][content-check]") {
    for (const char* folder : {"procedures", "lessons", "texts"}) {
        for (const auto& entry : std::filesystem::directory_iterator(kSamplePack / folder)) {
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            INFO(entry.path().string());
            CHECK(text.str().find("chưa xác minh") == std::string::npos);
            CHECK(text.str().find("not verified") == std::string::npos);
            CHECK(text.str().find("1900 ") == std::string::npos); // premium-rate hotline
        }
    }
}
