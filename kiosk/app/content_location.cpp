// Active content directory resolution.
#include "kiosk/app/content_location.hpp"

namespace kiosk {

std::filesystem::path activeContentDir(const Config& config) {
    std::error_code error;
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
