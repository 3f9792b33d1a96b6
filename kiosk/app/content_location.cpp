// Choosing the content directory: the verified version, or in development an unsigned folder.
#include "kiosk/app/content_location.hpp"

#include "kiosk/content/content_store.hpp"

namespace kiosk {

ContentChoice chooseContentDir(const ContentStore* store, const Config& config, ContentMode mode) {
    if (store != nullptr && store->hasContent()) {
        return {store->contentRoot(), ""};
    }
    if (mode == ContentMode::Development) {
        return {developmentContentDir(config), ""};
    }
    if (store == nullptr) {
        return {{},
                "the content store " + config.paths.contentDir.string() +
                    " cannot be opened, so no verified content can be shown"};
    }
    if (store->health() == StoreHealth::NoValidContent) {
        return {{}, store->healthDetail()};
    }
    return {{},
            "no content pack is installed in " + config.paths.contentDir.string() +
                ": install a signed pack from a USB stick (kioskctl pack install)"};
}

std::filesystem::path developmentContentDir(const Config& config) {
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
