// Manifest JSON parsing with strict validation of every field and every path.
#include "kiosk/content/pack_manifest.hpp"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

namespace kiosk {
namespace {

constexpr std::size_t kMaxPathBytes = 255;

bool isValidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        auto byte = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        std::uint32_t codePoint = 0;
        if (byte < 0x80) {
            ++i;
            continue;
        } else if ((byte & 0xe0) == 0xc0) {
            extra = 1;
            codePoint = byte & 0x1f;
        } else if ((byte & 0xf0) == 0xe0) {
            extra = 2;
            codePoint = byte & 0x0f;
        } else if ((byte & 0xf8) == 0xf0) {
            extra = 3;
            codePoint = byte & 0x07;
        } else {
            return false;
        }
        if (i + extra >= text.size()) {
            return false;
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xc0) != 0x80) {
                return false;
            }
            codePoint = (codePoint << 6) | (next & 0x3f);
        }
        // Overlong forms and surrogates would let two byte strings name one file.
        static constexpr std::uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
        if (codePoint < kMinimum[extra] || codePoint > 0x10ffff ||
            (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
            return false;
        }
        i += extra + 1;
    }
    return true;
}

bool isLowerHex(std::string_view text) {
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

Error badFormat(const std::string& what) {
    return makeError("bad_format", "the pack manifest is invalid: " + what);
}

} // namespace

std::uint64_t Manifest::totalBytes() const {
    std::uint64_t total = 0;
    for (const ManifestFile& file : files) {
        total += file.size;
    }
    return total;
}

Status checkEntryPath(std::string_view path) {
    auto refuse = [&](const std::string& why) {
        return makeError("unsafe_path", "the pack entry \"" + std::string(path.substr(0, 80)) +
                                            "\" is refused: " + why);
    };
    if (path.empty()) {
        return refuse("empty path");
    }
    if (path.size() > kMaxPathBytes) {
        return refuse("longer than 255 bytes");
    }
    if (path.front() == '/') {
        return refuse("absolute path");
    }
    if (!isValidUtf8(path)) {
        return refuse("not valid UTF-8");
    }
    for (char c : path) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') {
            return refuse("control character or backslash");
        }
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) {
            end = path.size();
        }
        std::string_view component = path.substr(start, end - start);
        if (component.empty() || component == "." || component == "..") {
            return refuse("empty, '.' or '..' path component");
        }
        start = end + 1;
    }
    return ok();
}

Result<int> compareVersions(std::string_view left, std::string_view right) {
    auto split = [](std::string_view text) -> std::optional<std::vector<std::uint64_t>> {
        std::vector<std::uint64_t> parts;
        std::size_t start = 0;
        while (true) {
            std::size_t end = text.find('.', start);
            std::string_view part = text.substr(
                start, end == std::string_view::npos ? text.size() - start : end - start);
            std::uint64_t value = 0;
            auto [ptr, error] = std::from_chars(part.data(), part.data() + part.size(), value);
            if (part.empty() || error != std::errc{} || ptr != part.data() + part.size()) {
                return std::nullopt;
            }
            parts.push_back(value);
            if (end == std::string_view::npos) {
                return parts;
            }
            start = end + 1;
        }
    };
    auto a = split(left);
    auto b = split(right);
    if (!a || !b) {
        return makeError("bad_format", "cannot compare versions \"" + std::string(left) +
                                           "\" and \"" + std::string(right) + "\"");
    }
    std::size_t count = std::max(a->size(), b->size());
    for (std::size_t i = 0; i < count; ++i) {
        std::uint64_t x = i < a->size() ? (*a)[i] : 0;
        std::uint64_t y = i < b->size() ? (*b)[i] : 0;
        if (x != y) {
            return x < y ? -1 : 1;
        }
    }
    return 0;
}

Result<Manifest> parseManifest(std::string_view bytes, const PackLimits& limits) {
    if (bytes.size() > limits.maxManifestBytes) {
        return badFormat("larger than " + std::to_string(limits.maxManifestBytes) + " bytes");
    }
    nlohmann::json document = nlohmann::json::parse(bytes, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        return badFormat("not a JSON object");
    }
    Manifest manifest;
    auto text = [&](const char* key, std::string& out) -> bool {
        auto it = document.find(key);
        if (it == document.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
            return false;
        }
        out = it->get<std::string>();
        return true;
    };
    auto format = document.find("format");
    if (format == document.end() || !format->is_number_unsigned() ||
        format->get<std::uint64_t>() != kManifestFormat) {
        return badFormat("\"format\" must be 1");
    }
    if (!text("pack_id", manifest.packId) || !text("display_version", manifest.displayVersion) ||
        !text("min_kiosk_version", manifest.minKioskVersion)) {
        return badFormat("\"pack_id\", \"display_version\" and \"min_kiosk_version\" are needed");
    }
    text("created", manifest.created);
    if (!compareVersions(manifest.minKioskVersion, "0")) {
        return badFormat("\"min_kiosk_version\" is not a dotted number");
    }
    auto sequence = document.find("sequence");
    if (sequence == document.end() || !sequence->is_number_unsigned() ||
        sequence->get<std::uint64_t>() == 0) {
        return badFormat("\"sequence\" must be a positive integer");
    }
    manifest.sequence = sequence->get<std::uint64_t>();
    auto files = document.find("files");
    if (files == document.end() || !files->is_array()) {
        return badFormat("\"files\" must be an array");
    }
    if (files->size() > limits.maxFiles) {
        return makeError("pack_too_large", "the pack lists " + std::to_string(files->size()) +
                                               " files, more than the limit of " +
                                               std::to_string(limits.maxFiles));
    }
    std::set<std::string> seen;
    std::uint64_t total = 0;
    for (const auto& item : *files) {
        if (!item.is_object() || !item.contains("path") || !item["path"].is_string() ||
            !item.contains("size") || !item["size"].is_number_unsigned() ||
            !item.contains("sha256") || !item["sha256"].is_string()) {
            return badFormat("each file needs \"path\", \"size\" and \"sha256\"");
        }
        ManifestFile file{item["path"].get<std::string>(), item["size"].get<std::uint64_t>(),
                          item["sha256"].get<std::string>()};
        if (Status safe = checkEntryPath(file.path); !safe) {
            return safe.error();
        }
        if (file.sha256.size() != 64 || !isLowerHex(file.sha256)) {
            return badFormat("the SHA-256 of \"" + file.path + "\" is not 64 hex digits");
        }
        // A file and a directory of the same name cannot both exist; refuse both as duplicates.
        if (!seen.insert(file.path).second || seen.count(file.path + "/") != 0) {
            return makeError("duplicate_entry",
                             "the pack lists \"" + file.path + "\" more than once");
        }
        for (std::size_t slash = file.path.find('/'); slash != std::string::npos;
             slash = file.path.find('/', slash + 1)) {
            std::string parent = file.path.substr(0, slash);
            if (seen.count(parent) != 0) {
                return makeError("duplicate_entry",
                                 "\"" + parent + "\" is both a file and a folder in the pack");
            }
            seen.insert(parent + "/");
        }
        if (file.size > limits.maxEntryBytes) {
            return makeError("entry_too_large", "\"" + file.path + "\" has " +
                                                    std::to_string(file.size) +
                                                    " bytes, more than the per-file limit of " +
                                                    std::to_string(limits.maxEntryBytes));
        }
        total += file.size;
        if (total > limits.maxTotalBytes) {
            return makeError("pack_too_large", "the pack holds more than the limit of " +
                                                   std::to_string(limits.maxTotalBytes) + " bytes");
        }
        manifest.files.push_back(std::move(file));
    }
    return manifest;
}

std::string serializeManifest(const Manifest& manifest) {
    nlohmann::ordered_json document;
    document["format"] = manifest.format;
    document["pack_id"] = manifest.packId;
    document["sequence"] = manifest.sequence;
    document["display_version"] = manifest.displayVersion;
    document["min_kiosk_version"] = manifest.minKioskVersion;
    document["created"] = manifest.created;
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const ManifestFile& file : manifest.files) {
        nlohmann::ordered_json item;
        item["path"] = file.path;
        item["size"] = file.size;
        item["sha256"] = file.sha256;
        files.push_back(std::move(item));
    }
    document["files"] = std::move(files);
    return document.dump(1) + "\n";
}

} // namespace kiosk
