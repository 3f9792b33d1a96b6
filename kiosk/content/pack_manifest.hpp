// The signed manifest of a content pack: what it is, which kiosk it needs, every file and hash.
#pragma once

#include "drivers/common/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// Bounds against endless-data attacks and against filling the kiosk's storage. The defaults fit
// a village pack (texts, images, short audio) with a wide margin.
struct PackLimits {
    std::uint64_t maxManifestBytes = 1024 * 1024;
    std::uint64_t maxEntryBytes = 512ull * 1024 * 1024;
    std::uint64_t maxTotalBytes = 4ull * 1024 * 1024 * 1024;
    std::uint64_t maxFiles = 20000;
};

struct ManifestFile {
    std::string path; // relative, '/'-separated, validated by checkEntryPath
    std::uint64_t size = 0;
    std::string sha256; // 64 lowercase hex digits
};

struct Manifest {
    int format = 1;
    std::string packId;
    std::uint64_t sequence = 0; // strictly increasing; the only anti-rollback measure
    std::string displayVersion;
    std::string minKioskVersion;
    std::string created; // informational only: kiosks without a clock must not depend on it
    std::vector<ManifestFile> files;

    std::uint64_t totalBytes() const;
};

inline constexpr int kManifestFormat = 1;

// Parses and validates signed manifest bytes (call only after the signature passed). Refusal
// codes: bad_format, unsafe_path, duplicate_entry, entry_too_large, pack_too_large.
Result<Manifest> parseManifest(std::string_view bytes, const PackLimits& limits);

// Canonical JSON text (stable key order, files in the given order) that the builder signs.
std::string serializeManifest(const Manifest& manifest);

// A safe relative path: no absolute path, no empty, '.' or '..' component, no backslash,
// control character or invalid UTF-8, at most 255 bytes. Refusal code: unsafe_path.
Status checkEntryPath(std::string_view path);

// Compares dotted numeric versions ("0.1.0" < "0.10.0"); an unparsable one is an error.
Result<int> compareVersions(std::string_view left, std::string_view right);

} // namespace kiosk
