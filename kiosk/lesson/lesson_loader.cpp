// JSON reading of lesson files with every problem reported as file, path and reason.
#include "kiosk/lesson/lesson_loader.hpp"

#include "kiosk/content/content_json_reader.hpp"
#include "kiosk/usage/usage_event.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

using nlohmann::json;

// Lesson problems carry their own error code; lessons also name files inside the pack.
class LessonReader : public ContentJsonReader {
public:
    LessonReader(std::string origin, std::filesystem::path contentDir)
        : ContentJsonReader(std::move(origin), "lesson_invalid")
        , contentDir_(std::move(contentDir)) {}

    // A file inside the content pack: relative, no "..", and present.
    std::optional<std::string> packFile(const json& object, const std::string& path,
                                        const char* key, const char* what) {
        if (!object.is_object() || !object.contains(key)) {
            return std::nullopt;
        }
        std::string name = text(object, path, key);
        if (name.empty()) {
            return std::nullopt;
        }
        if (!isInsidePack(name)) {
            problem(path + "." + key, "\"" + name + "\" must be a path inside the content pack");
            return std::nullopt;
        }
        std::error_code ec;
        if (!std::filesystem::is_regular_file(contentDir_ / name, ec)) {
            problem(path + "." + key,
                    std::string(what) + " file \"" + name + "\" is not in the content pack");
            return std::nullopt;
        }
        return name;
    }

private:
    std::filesystem::path contentDir_;
};

std::optional<StepKind> stepKindFrom(const std::string& name) {
    if (name == "read") {
        return StepKind::Read;
    }
    if (name == "practice_phone") {
        return StepKind::PracticePhone;
    }
    if (name == "quiz") {
        return StepKind::Quiz;
    }
    return std::nullopt;
}

std::optional<Illustration> illustrationFrom(const std::string& name) {
    static constexpr std::pair<std::string_view, Illustration> kNames[] = {
        {"phone", Illustration::Phone},   {"portal", Illustration::Portal},
        {"qr", Illustration::Qr},         {"warning", Illustration::Warning},
        {"shield", Illustration::Shield}, {"lock", Illustration::Lock},
        {"gift", Illustration::Gift},     {"call", Illustration::Call}};
    for (const auto& [text, picture] : kNames) {
        if (text == name) {
            return picture;
        }
    }
    return std::nullopt;
}

Illustration readIllustration(const json& object, const std::string& path, LessonReader& reader) {
    if (!object.is_object() || !object.contains("illustration")) {
        return Illustration::None;
    }
    std::string name = reader.text(object, path, "illustration");
    if (name.empty()) {
        return Illustration::None;
    }
    auto picture = illustrationFrom(name);
    if (!picture) {
        reader.problem(path + ".illustration",
                       "\"" + name +
                           "\" is not a drawn illustration (phone, portal, qr, warning, shield, "
                           "lock, gift, call)");
        return Illustration::None;
    }
    return *picture;
}

std::optional<Quiz> readQuiz(const json& step, const std::string& path, LessonReader& reader) {
    const json* object = reader.member(step, path, "quiz", true);
    if (object == nullptr) {
        return std::nullopt;
    }
    std::string here = path + ".quiz";
    Quiz quiz;
    quiz.question = reader.local(*object, here, "question");
    const json* choices = reader.array(*object, here, "answers");
    if (choices != nullptr) {
        if (choices->size() < 2 || choices->size() > 4) {
            reader.problem(here + ".answers", "must hold 2 to 4 answers");
        }
        for (std::size_t i = 0; i < choices->size(); ++i) {
            std::string at = here + ".answers[" + std::to_string(i) + "]";
            QuizChoice choice;
            choice.text = reader.local((*choices)[i], at, "text");
            choice.feedback = reader.local((*choices)[i], at, "feedback");
            quiz.choices.push_back(std::move(choice));
        }
    }
    const json* correct = reader.member(*object, here, "correct", true);
    if (correct != nullptr) {
        if (!correct->is_number_unsigned() || correct->get<std::size_t>() >= quiz.choices.size()) {
            reader.problem(here + ".correct", "must be the index of one of the answers");
        } else {
            quiz.correct = correct->get<std::size_t>();
        }
    }
    return quiz;
}

LessonStep readStep(const json& step, const std::string& path, LessonReader& reader) {
    LessonStep out;
    std::string kind = reader.text(step, path, "kind");
    if (!kind.empty()) {
        auto parsed = stepKindFrom(kind);
        if (!parsed) {
            reader.problem(path + ".kind",
                           "\"" + kind + "\" is not a step kind (read, practice_phone, quiz)");
        } else {
            out.kind = *parsed;
        }
    }
    out.text = reader.local(step, path, "text");
    out.illustration = readIllustration(step, path, reader);
    out.image = reader.packFile(step, path, "image", "image");
    if (out.image) {
        if (!isPictureFile(*out.image)) {
            reader.problem(path + ".image", "\"" + *out.image + "\" must be a PNG or JPEG picture");
            out.image.reset();
        }
    }
    out.video = reader.packFile(step, path, "video", "video");
    if (step.is_object() && step.contains("audio")) {
        const json& audio = step["audio"];
        if (!audio.is_object()) {
            reader.problem(path + ".audio", "must be an object with \"vi\" and/or \"en\" clips");
        } else {
            for (const auto& item : audio.items()) {
                if (item.key() != "vi" && item.key() != "en") {
                    reader.problem(path + ".audio." + item.key(), "is not a language (vi, en)");
                }
            }
            out.audio.vi = reader.packFile(audio, path + ".audio", "vi", "audio");
            out.audio.en = reader.packFile(audio, path + ".audio", "en", "audio");
        }
    }
    bool hasQuiz = step.is_object() && step.contains("quiz");
    if (out.kind == StepKind::Quiz) {
        out.quiz = readQuiz(step, path, reader);
    } else if (hasQuiz) {
        reader.problem(path + ".quiz", "only a step of kind \"quiz\" has a quiz");
    }
    return out;
}

} // namespace

const Lesson* LessonCatalog::find(const std::string& id) const {
    auto it = std::find_if(lessons.begin(), lessons.end(),
                           [&](const Lesson& lesson) { return lesson.id == id; });
    return it == lessons.end() ? nullptr : &*it;
}

Result<Lesson> parseLesson(const std::string& jsonText, const std::string& origin,
                           const std::filesystem::path& contentDir) {
    LessonReader reader(origin, contentDir);
    std::optional<json> parsed = reader.parse(jsonText);
    if (!parsed) {
        return reader.error();
    }
    const json& document = *parsed;
    Lesson lesson;
    const json* format = reader.member(document, "$", "format", true);
    if (format != nullptr && (!format->is_number_integer() || format->get<long>() != 1)) {
        reader.problem("$.format", "must be 1, the only lesson format this kiosk reads");
    }
    lesson.id = reader.text(document, "$", "id");
    if (!lesson.id.empty() && !LessonId::isValid(lesson.id)) {
        reader.problem("$.id", "\"" + lesson.id +
                                   "\" must be lowercase words joined by '-' ending in a "
                                   "2-3 digit number, e.g. \"vneid-activation-01\"");
    }
    const json* order = reader.member(document, "$", "order", true);
    if (order != nullptr) {
        if (!order->is_number_integer()) {
            reader.problem("$.order", "must be a whole number");
        } else {
            lesson.order = order->get<int>();
        }
    }
    lesson.title = reader.local(document, "$", "title");
    lesson.summary = reader.local(document, "$", "summary");
    lesson.illustration = readIllustration(document, "$", reader);
    const json* steps = reader.array(document, "$", "steps");
    if (steps != nullptr) {
        if (steps->empty()) {
            reader.problem("$.steps", "must hold at least one step");
        }
        for (std::size_t i = 0; i < steps->size(); ++i) {
            lesson.steps.push_back(
                readStep((*steps)[i], "$.steps[" + std::to_string(i) + "]", reader));
        }
    }
    const json* takeHome = reader.array(document, "$", "take_home");
    if (takeHome != nullptr) {
        if (takeHome->empty()) {
            reader.problem("$.take_home", "must hold at least one reminder");
        }
        for (std::size_t i = 0; i < takeHome->size(); ++i) {
            lesson.takeHome.push_back(
                reader.localAt((*takeHome)[i], "$.take_home[" + std::to_string(i) + "]"));
        }
    }
    if (reader.failed()) {
        return reader.error();
    }
    return lesson;
}

Result<LessonCatalog> loadLessonCatalog(const std::filesystem::path& contentDir) {
    std::filesystem::path dir = contentDir / "lessons";
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    if (ec) {
        return makeError("lesson_invalid", dir.string() + ": cannot be read");
    }
    std::sort(files.begin(), files.end());
    LessonCatalog catalog;
    std::vector<std::string> problems;
    for (const auto& file : files) {
        auto text = readContentFile(file);
        if (!text) {
            problems.push_back(file.string() + ": cannot be read");
            continue;
        }
        auto lesson = parseLesson(*text, file.string(), contentDir);
        if (!lesson) {
            problems.push_back(lesson.error().message);
            continue;
        }
        if (lesson->id != file.stem().string()) {
            problems.push_back(file.string() + ": $.id: \"" + lesson->id +
                               "\" must match the file name");
        }
        catalog.lessons.push_back(std::move(*lesson));
    }
    if (files.empty()) {
        problems.push_back(dir.string() + ": holds no lesson files");
    }
    if (!problems.empty()) {
        std::string text;
        for (const std::string& line : problems) {
            text += (text.empty() ? "" : "\n") + line;
        }
        return makeError("lesson_invalid", text);
    }
    std::stable_sort(catalog.lessons.begin(), catalog.lessons.end(),
                     [](const Lesson& a, const Lesson& b) { return a.order < b.order; });
    return catalog;
}

} // namespace kiosk
