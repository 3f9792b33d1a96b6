// Lesson files: the shipped lessons load, and broken ones are reported by file, path and reason.
#include "kiosk/lesson/lesson_loader.hpp"
#include "kiosk/usage/usage_event.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace kiosk;

namespace {

const std::filesystem::path kLessonLoaderContent =
    std::filesystem::path(KIOSK_SOURCE_DIR) / "content";

// A small valid lesson that each test breaks in one way.
std::string validLesson() {
    return R"({
  "format": 1, "id": "test-lesson-01", "order": 1,
  "title": {"vi": "Bài thử", "en": "Test lesson"},
  "summary": {"vi": "Tóm tắt", "en": "Summary"},
  "steps": [
    {"kind": "read", "text": {"vi": "Đọc đi.", "en": "Read this."}, "illustration": "phone"},
    {"kind": "quiz", "text": {"vi": "Hỏi.", "en": "Ask."},
     "quiz": {"question": {"vi": "Đúng không?", "en": "Right?"}, "correct": 0,
              "answers": [{"text": {"vi": "Có", "en": "Yes"}, "feedback": {"vi": "Đúng", "en": "Right"}},
                          {"text": {"vi": "Không", "en": "No"}, "feedback": {"vi": "Sai", "en": "Wrong"}}]}}
  ],
  "take_home": [{"vi": "Nhớ nhé.", "en": "Remember."}]
})";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string
problemsOf(const std::string& json,
           const std::filesystem::path& contentDir = std::filesystem::temp_directory_path()) {
    auto lesson = parseLesson(json, "lessons/test-lesson-01.json", contentDir);
    REQUIRE_FALSE(lesson);
    return lesson.error().message;
}

} // namespace

TEST_CASE("every shipped lesson loads with both languages and a valid usage id", "[lesson]") {
    auto catalog = loadLessonCatalog(kLessonLoaderContent);
    REQUIRE(catalog);
    REQUIRE(catalog->lessons.size() >= 6);
    for (const char* id : {"vneid-activation-01", "public-service-portal-01", "safe-payment-01",
                           "scam-spotting-01", "personal-info-01", "smartphone-basics-01"}) {
        INFO(id);
        CHECK(catalog->find(id) != nullptr);
    }
    for (const Lesson& lesson : catalog->lessons) {
        INFO(lesson.id);
        CHECK(LessonId::isValid(lesson.id));
        CHECK_FALSE(lesson.title.en.empty());
        CHECK_FALSE(lesson.takeHome.empty());
        for (const LessonStep& step : lesson.steps) {
            CHECK_FALSE(step.text.vi.empty());
            CHECK_FALSE(step.text.en.empty());
            CHECK(step.quiz.has_value() == (step.kind == StepKind::Quiz));
        }
    }
    // The VNeID lesson is the one with the phone rehearsal.
    const Lesson* vneid = catalog->find("vneid-activation-01");
    bool rehearses = std::any_of(vneid->steps.begin(), vneid->steps.end(), [](const LessonStep& s) {
        return s.kind == StepKind::PracticePhone;
    });
    CHECK(rehearses);
}

TEST_CASE("shipped lessons are listed by their order field", "[lesson]") {
    auto catalog = loadLessonCatalog(kLessonLoaderContent);
    REQUIRE(catalog);
    for (std::size_t i = 1; i < catalog->lessons.size(); ++i) {
        CHECK(catalog->lessons[i - 1].order <= catalog->lessons[i].order);
    }
    CHECK(catalog->lessons.front().id == "smartphone-basics-01");
}

TEST_CASE("a valid lesson parses", "[lesson]") {
    auto lesson = parseLesson(validLesson(), "x.json", std::filesystem::temp_directory_path());
    REQUIRE(lesson);
    CHECK(lesson->steps.size() == 2);
    CHECK(lesson->steps[0].illustration == Illustration::Phone);
    CHECK(lesson->steps[1].quiz->choices.size() == 2);
}

TEST_CASE("a missing English translation is named with its file and path", "[lesson]") {
    auto text =
        replaced(validLesson(), R"({"vi": "Đọc đi.", "en": "Read this."})", R"({"vi": "Đọc đi."})");
    CHECK(problemsOf(text) ==
          "lessons/test-lesson-01.json: $.steps[0].text.en: missing English translation");
}

TEST_CASE("a step of unknown kind is reported", "[lesson]") {
    auto text = replaced(validLesson(), R"("kind": "read")", R"("kind": "video_call")");
    CHECK_THAT(problemsOf(text),
               Catch::Contains("$.steps[0].kind: \"video_call\" is not a step kind"));
}

TEST_CASE("an image that is not in the content pack is reported", "[lesson]") {
    auto text =
        replaced(validLesson(), R"("illustration": "phone")", R"("image": "images/nowhere.png")");
    CHECK_THAT(problemsOf(text),
               Catch::Contains("$.steps[0].image: image file \"images/nowhere.png\" is not in the "
                               "content pack"));
}

TEST_CASE("an image present in the content pack is accepted", "[lesson]") {
    auto dir = std::filesystem::temp_directory_path() / "lesson-image-test";
    std::filesystem::create_directories(dir / "images");
    std::ofstream(dir / "images" / "phone.png") << "png";
    auto text =
        replaced(validLesson(), R"("illustration": "phone")", R"("image": "images/phone.png")");
    auto lesson = parseLesson(text, "x.json", dir);
    REQUIRE(lesson);
    CHECK(lesson->steps[0].image == "images/phone.png");
    std::filesystem::remove_all(dir);
}

TEST_CASE("an image that is not a PNG or JPEG picture is reported", "[lesson][images]") {
    auto dir = std::filesystem::temp_directory_path() / "lesson-image-kind-test";
    std::filesystem::create_directories(dir / "images");
    std::ofstream(dir / "images" / "phone.svg") << "<svg/>";
    auto text =
        replaced(validLesson(), R"("illustration": "phone")", R"("image": "images/phone.svg")");
    CHECK_THAT(problemsOf(text, dir),
               Catch::Contains("$.steps[0].image: \"images/phone.svg\" must be a PNG or JPEG"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("every shipped reading step has a picture and one lesson has a video guide",
          "[lesson][images]") {
    auto catalog = loadLessonCatalog(kLessonLoaderContent);
    REQUIRE(catalog);
    int videos = 0;
    for (const Lesson& lesson : catalog->lessons) {
        for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
            INFO(lesson.id << " step " << i + 1);
            if (lesson.steps[i].kind == StepKind::Read) {
                REQUIRE(lesson.steps[i].image);
                CHECK(std::filesystem::is_regular_file(kLessonLoaderContent /
                                                       *lesson.steps[i].image));
            }
            videos += lesson.steps[i].video ? 1 : 0;
        }
    }
    CHECK(videos >= 1);
}

TEST_CASE("paths that leave the content pack are refused", "[lesson]") {
    auto text =
        replaced(validLesson(), R"("illustration": "phone")", R"("video": "../../etc/passwd")");
    CHECK_THAT(problemsOf(text), Catch::Contains("must be a path inside the content pack"));
}

TEST_CASE("a quiz whose correct answer does not exist is reported", "[lesson]") {
    auto text = replaced(validLesson(), R"("correct": 0)", R"("correct": 5)");
    CHECK_THAT(problemsOf(text),
               Catch::Contains("$.steps[1].quiz.correct: must be the index of one of the answers"));
}

TEST_CASE("a lesson id the usage log would refuse is reported", "[lesson]") {
    auto text = replaced(validLesson(), R"("id": "test-lesson-01")", R"("id": "Nguyen Van A")");
    CHECK_THAT(problemsOf(text), Catch::Contains("$.id: \"Nguyen Van A\" must be lowercase words"));
}

TEST_CASE("every problem of a lesson is reported at once", "[lesson]") {
    auto text = replaced(validLesson(), R"("kind": "read")", R"("kind": "watch")");
    text = replaced(text, R"("en": "Test lesson")", R"("fr": "Leçon")");
    auto message = problemsOf(text);
    CHECK_THAT(message, Catch::Contains("$.title.en: missing English translation"));
    CHECK_THAT(message, Catch::Contains("$.steps[0].kind"));
}

TEST_CASE("a lesson file whose id differs from its name is reported", "[lesson]") {
    auto dir = std::filesystem::temp_directory_path() / "lesson-name-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "lessons");
    std::ofstream(dir / "lessons" / "other-name-02.json") << validLesson();
    auto catalog = loadLessonCatalog(dir);
    REQUIRE_FALSE(catalog);
    CHECK_THAT(
        catalog.error().message,
        Catch::Contains("other-name-02.json: $.id: \"test-lesson-01\" must match the file name"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("a content pack without lessons is reported", "[lesson]") {
    auto dir = std::filesystem::temp_directory_path() / "lesson-empty-test";
    std::filesystem::create_directories(dir / "lessons");
    auto catalog = loadLessonCatalog(dir);
    REQUIRE_FALSE(catalog);
    CHECK_THAT(catalog.error().message, Catch::Contains("holds no lesson files"));
    std::filesystem::remove_all(dir);
}
