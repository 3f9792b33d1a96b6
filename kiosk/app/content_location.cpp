// Active content directory resolution.
#include "kiosk/app/content_location.hpp"

namespace kiosk {

std::filesystem::path activeContentDir(const Config& config) {
    std::error_code error;
    // `kioskctl pack install` keeps a version's content under versions/<name>/files/ beside its
    // manifest, with `current` pointing at versions/<name> (kiosk/content/content_store.hpp).
    auto installed = config.paths.contentDir / "current" / "files";
    if (std::filesystem::exists(installed / "procedures", error)) {
        return installed;
    }
    auto current = config.paths.contentDir / "current";
    if (std::filesystem::exists(current / "procedures", error)) {
        return current;
    }
    if (std::filesystem::exists(config.paths.contentDir / "procedures", error)) {
        return config.paths.contentDir;
    }
    return std::filesystem::path(KIOSK_SOURCE_DIR) / "content";
}

} // namespace kiosk
