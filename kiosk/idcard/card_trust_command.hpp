// `kioskctl card trust list`: which CSCA certificates the kiosk trusts, from where, until when.
#pragma once

#include "kiosk/config/config.hpp"

#include <filesystem>
#include <ostream>
#include <vector>

namespace kiosk {

// The `csca/` folder of the installed, verified content pack (a commune's CSCA list, updated by
// USB stick), or empty when no verified pack is installed. Never an unsigned folder: a trust
// anchor must come from a signed pack.
std::filesystem::path packTrustDirectory(const Config& config);

// Lists every certificate in each directory (the configured csca_dir, then the active content
// pack's csca/); returns the process exit code (1 when nothing at all is trusted).
int runCardTrustList(const std::vector<std::filesystem::path>& directories, std::ostream& out);

} // namespace kiosk
