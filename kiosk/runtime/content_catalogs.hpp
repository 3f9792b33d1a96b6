// The procedures and lessons residents are offered, loaded from the active content.
#pragma once

#include "kiosk/lesson/lesson_loader.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/procedure/procedure_loader.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk {

struct ContentCatalogs {
    std::filesystem::path dir; // where they were read from
    std::optional<ProcedureCatalog> procedures;
    std::optional<LessonCatalog> lessons;
    std::string problem; // why the procedures could not be loaded; empty when they were
};

// Reads the catalogs in `dir` and logs what was loaded. Lessons are optional: a pack with
// broken lessons still serves dossiers.
ContentCatalogs loadContentCatalogs(const std::filesystem::path& dir, Logger& logger);

} // namespace kiosk
