// Loads the procedure and lesson catalogs of the active content, logging the outcome.
#include "kiosk/runtime/content_catalogs.hpp"

namespace kiosk {

ContentCatalogs loadContentCatalogs(const std::filesystem::path& dir, Logger& logger) {
    ContentCatalogs loaded;
    loaded.dir = dir;
    auto catalog = loadProcedureCatalog(loaded.dir);
    if (catalog) {
        loaded.procedures = std::move(*catalog);
        logger.log(LogEvent::ContentLoaded,
                   {{"procedures", static_cast<int>(loaded.procedures->procedures.size())},
                    {"dir", SystemText{loaded.dir.string()}}});
    } else {
        loaded.problem = catalog.error().message;
        logger.log(LogEvent::ContentInvalid, {{"reason", SystemText{loaded.problem}}});
    }
    if (auto lessons = loadLessonCatalog(loaded.dir)) {
        loaded.lessons = std::move(*lessons);
    } else {
        logger.log(LogEvent::LessonContentInvalid,
                   {{"reason", SystemText{lessons.error().message}}});
    }
    return loaded;
}

} // namespace kiosk
