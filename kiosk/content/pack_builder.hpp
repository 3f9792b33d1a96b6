// Builds a signed .kpack from a content source folder (content/ with its pack.json).
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/content/pack_manifest.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk {

struct BuildOptions {
    std::filesystem::path source; // holds pack.json and the content folders
    std::filesystem::path output;
    std::filesystem::path privateKey;
    std::optional<std::uint64_t> sequence; // overrides pack.json's "sequence"
    std::string created;                   // empty: now, or SOURCE_DATE_EPOCH when set
};

// Every regular file under `source` except pack.json and the top-level names in pack.json's
// "exclude" list goes into the pack, sorted by path. Symlinks and special files are refused
// (link_entry), as are unsafe names (unsafe_path). The output is written via OUT.tmp and renamed.
Result<Manifest> buildPack(const BuildOptions& options);

} // namespace kiosk
