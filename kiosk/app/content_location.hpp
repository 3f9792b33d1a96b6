// Where the kiosk reads its content (procedures, lists, lessons) from: in production only what
// the content store verified.
#pragma once

#include "kiosk/config/config.hpp"

#include <filesystem>
#include <string>

namespace kiosk {

class ContentStore;

enum class ContentMode {
    Production,  // `kiosk` as installed: verified content or the maintenance screen
    Development, // --sim, --demo, --screenshots: may also serve unsigned folders
};

struct ContentChoice {
    std::filesystem::path dir; // empty when nothing may be served
    std::string problem;       // why not, for the maintenance screen and the log
};

// Production serves only the version the content store verified when it opened (the current
// one, or the previous one when the current one failed its hashes), and otherwise nothing: an
// empty or damaged store is a problem for the maintenance screen, never a reason to serve an
// unsigned folder. Development falls back to developmentContentDir() when the store has no
// verified version, so `kiosk --sim` works straight after a build. `store` may be null (it
// could not be opened).
ContentChoice chooseContentDir(const ContentStore* store, const Config& config, ContentMode mode);

// Unverified: content_dir/current/files, content_dir/current, content_dir itself, then the
// source tree's content/. For development runs and simulated-device data only.
std::filesystem::path developmentContentDir(const Config& config);

} // namespace kiosk
