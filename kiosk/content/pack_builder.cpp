// The pack builder: hash every source file, sign the manifest, then stream the files in.
#include "kiosk/content/pack_builder.hpp"

#include "kiosk/content/fs_util.hpp"
#include "kiosk/content/pack_format.hpp"
#include "kiosk/content/pack_signing.hpp"
#include "kiosk/content/sha256.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {
namespace {

constexpr std::size_t kHashChunkBytes = 1024 * 1024;
constexpr std::uint64_t kMaxPackJsonBytes = 64 * 1024;

struct SourceFile {
    std::filesystem::path absolute;
    ManifestFile entry;
};

std::string utcTimestamp(std::time_t when) {
    std::tm parts{};
    gmtime_r(&when, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

std::string defaultCreated() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr) {
        return utcTimestamp(static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10)));
    }
    return utcTimestamp(std::time(nullptr));
}

// Streams one file through the hash, and into `writer` when given.
Result<std::string> hashFile(const SourceFile& file, PackWriter* writer,
                             std::vector<std::uint8_t>& buffer) {
    UniqueFd fd(::open(file.absolute.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd) {
        return makeError("io_error",
                         "cannot open " + file.absolute.string() + ": " + errnoText(errno));
    }
    Sha256 hash;
    std::uint64_t total = 0;
    while (true) {
        long long got = readFully(fd.get(), buffer.data(), buffer.size());
        if (got < 0) {
            return makeError("io_error", "cannot read " + file.absolute.string());
        }
        if (got == 0) {
            break;
        }
        hash.update(buffer.data(), static_cast<std::size_t>(got));
        if (writer != nullptr) {
            if (Status written = writer->writeData({buffer.data(), static_cast<std::size_t>(got)});
                !written) {
                return written.error();
            }
        }
        total += static_cast<std::uint64_t>(got);
    }
    if (writer != nullptr && total != file.entry.size) {
        return makeError("io_error", file.absolute.string() + " changed while the pack was built");
    }
    return hash.finishHex();
}

Result<std::vector<SourceFile>> listSource(const std::filesystem::path& source,
                                           const std::set<std::string>& excluded) {
    std::vector<SourceFile> files;
    std::error_code error;
    std::filesystem::recursive_directory_iterator it(source, error);
    if (error) {
        return makeError("io_error", "cannot read " + source.string() + ": " + error.message());
    }
    for (; it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (error) {
            return makeError("io_error", "cannot read " + source.string() + ": " + error.message());
        }
        std::string relative = it->path().lexically_relative(source).generic_string();
        std::string top = relative.substr(0, relative.find('/'));
        if (excluded.count(top) != 0) {
            if (it->is_directory(error) && !it->is_symlink(error)) {
                it.disable_recursion_pending();
            }
            continue;
        }
        struct stat info {};
        if (::lstat(it->path().c_str(), &info) != 0) {
            return makeError("io_error", "cannot stat " + it->path().string());
        }
        if (S_ISDIR(info.st_mode)) {
            continue;
        }
        if (S_ISLNK(info.st_mode)) {
            return makeError("link_entry", relative + " is a symlink; packs hold plain files only");
        }
        if (!S_ISREG(info.st_mode)) {
            return makeError("bad_format", relative + " is not a regular file");
        }
        if (Status safe = checkEntryPath(relative); !safe) {
            return safe.error();
        }
        files.push_back(
            SourceFile{it->path(), ManifestFile{relative, static_cast<std::uint64_t>(info.st_size),
                                                std::string()}});
    }
    std::sort(files.begin(), files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.entry.path < b.entry.path; });
    return files;
}

} // namespace

Result<Manifest> buildPack(const BuildOptions& options) {
    auto packJson = readWholeFile(options.source / "pack.json", kMaxPackJsonBytes);
    if (!packJson) {
        return packJson.error();
    }
    nlohmann::json description = nlohmann::json::parse(*packJson, nullptr, false);
    if (description.is_discarded() || !description.is_object()) {
        return makeError("bad_format", (options.source / "pack.json").string() + " is not JSON");
    }
    Manifest manifest;
    std::set<std::string> excluded{"pack.json"};
    try {
        manifest.packId = description.at("pack_id").get<std::string>();
        manifest.displayVersion = description.at("display_version").get<std::string>();
        manifest.minKioskVersion = description.at("min_kiosk_version").get<std::string>();
        manifest.sequence =
            options.sequence ? *options.sequence : description.at("sequence").get<std::uint64_t>();
        for (const auto& name : description.value("exclude", nlohmann::json::array())) {
            excluded.insert(name.get<std::string>());
        }
    } catch (const nlohmann::json::exception& error) {
        return makeError("bad_format",
                         (options.source / "pack.json").string() + ": " + error.what());
    }
    manifest.created = options.created.empty() ? defaultCreated() : options.created;

    auto key = loadPrivateKey(options.privateKey);
    if (!key) {
        return key.error();
    }
    auto files = listSource(options.source, excluded);
    if (!files) {
        return files.error();
    }
    std::vector<std::uint8_t> buffer(kHashChunkBytes);
    for (SourceFile& file : *files) {
        auto hash = hashFile(file, nullptr, buffer);
        if (!hash) {
            return hash.error();
        }
        file.entry.sha256 = *hash;
        manifest.files.push_back(file.entry);
    }
    std::string manifestText = serializeManifest(manifest);
    // Re-parse what will be signed so the builder never emits a pack the kiosk would refuse.
    if (auto check = parseManifest(manifestText, PackLimits{}); !check) {
        return check.error();
    }
    auto signature = signMessage(
        *key, {reinterpret_cast<const std::uint8_t*>(manifestText.data()), manifestText.size()});
    if (!signature) {
        return signature.error();
    }

    std::filesystem::path temp = options.output;
    temp += ".tmp";
    auto writer = PackWriter::create(temp);
    if (!writer) {
        return writer.error();
    }
    Status written = writer->writeHeader(manifestText, *signature);
    for (std::size_t i = 0; written && i < files->size(); ++i) {
        const SourceFile& file = (*files)[i];
        written = writer->beginEntry(EntryType::File, file.entry.path, file.entry.size);
        if (written) {
            auto hash = hashFile(file, &writer.value(), buffer);
            if (!hash) {
                written = hash.error();
            } else if (*hash != file.entry.sha256) {
                written = makeError("io_error",
                                    file.absolute.string() + " changed while the pack was built");
            }
        }
    }
    if (written) {
        written = writer->finish();
    }
    if (!written) {
        ::unlink(temp.c_str());
        return written.error();
    }
    if (::rename(temp.c_str(), options.output.c_str()) != 0) {
        return makeError("io_error",
                         "cannot write " + options.output.string() + ": " + errnoText(errno));
    }
    return manifest;
}

} // namespace kiosk
