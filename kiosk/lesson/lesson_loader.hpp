// Reads and checks lesson files from a content directory.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/lesson/lesson.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk {

struct LessonCatalog {
    std::vector<Lesson> lessons; // by `order`, as the list screen shows them

    const Lesson* find(const std::string& id) const;
};

// Parses one lesson file. Paths it names (image, video, audio) are checked against
// `contentDir`. Problems read "<origin>: <json path>: <what is wrong>", one a line, all at once.
Result<Lesson> parseLesson(const std::string& jsonText, const std::string& origin,
                           const std::filesystem::path& contentDir);

// Loads <contentDir>/lessons/*.json; each file's id must match its name.
Result<LessonCatalog> loadLessonCatalog(const std::filesystem::path& contentDir);

} // namespace kiosk
