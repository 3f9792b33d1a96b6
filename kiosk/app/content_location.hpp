// Where the kiosk reads its content (procedures, lists, lessons) from.
#pragma once

#include "kiosk/config/config.hpp"

#include <filesystem>

namespace kiosk {

// The installed pack's active version (content_dir/current); on a development machine with no
// pack installed, the source tree's content/ so `kiosk --windowed` works straight after a build.
std::filesystem::path activeContentDir(const Config& config);

} // namespace kiosk
