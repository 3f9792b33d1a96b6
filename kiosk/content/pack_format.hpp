// The .kpack container: a fixed header, the manifest and its signature, then the file entries.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/content/fs_util.hpp"
#include "kiosk/content/pack_manifest.hpp"
#include "kiosk/content/pack_signing.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// Layout (all integers little-endian; see docs/content-pack-format.md):
//   header  : "KIOSKPK1" | u32 manifest_length | u32 signature_length
//   manifest: manifest_length bytes of JSON
//   signature: signature_length bytes (Ed25519 over exactly the manifest bytes)
//   entries : for each manifest file, in manifest order:
//             "KPEN" | u8 type | u8 reserved (0) | u16 path_length | u64 size | path | data
inline constexpr std::string_view kPackMagic = "KIOSKPK1";
inline constexpr std::string_view kEntryMagic = "KPEN";
inline constexpr std::size_t kPackHeaderBytes = 16;
inline constexpr std::size_t kEntryHeaderBytes = 16;

// Only regular files are installed; the other types exist so a crafted pack saying "link"
// is refused by name rather than misread.
enum class EntryType : std::uint8_t { File = 0, Symlink = 1, Hardlink = 2 };

using ProgressCallback = std::function<void(std::uint64_t bytesDone, std::uint64_t bytesTotal)>;

// Writes a pack file. The builder uses it; tests use it to craft hostile packs.
class PackWriter {
public:
    static Result<PackWriter> create(const std::filesystem::path& path);

    Status writeHeader(std::string_view manifest, std::span<const std::uint8_t> signature);
    Status writeEntry(EntryType type, std::string_view path, std::string_view data);
    // Streamed variant for large files: the header, then `writeData` until `size` bytes.
    Status beginEntry(EntryType type, std::string_view path, std::uint64_t size);
    Status writeData(std::span<const std::uint8_t> data);
    Status finish(); // fsync and close

private:
    explicit PackWriter(UniqueFd fd, std::filesystem::path path)
        : fd_(std::move(fd))
        , path_(std::move(path)) {}
    Status writeRaw(const void* data, std::size_t size);

    UniqueFd fd_;
    std::filesystem::path path_;
};

// Receives the verified payload of a pack, file by file.
class EntrySink {
public:
    virtual ~EntrySink() = default;
    virtual Status beginFile(const ManifestFile& file) = 0;
    virtual Status writeData(std::span<const std::uint8_t> data) = 0;
    // Called only once the file's size and SHA-256 matched the manifest.
    virtual Status endFile(const ManifestFile& file) = 0;
};

// Reads a pack once, front to back. `open` checks the header and the Ed25519 signature over the
// exact manifest bytes BEFORE parsing anything in them, then validates the manifest and the
// pack's length; `readEntries` streams every file through the hash into a sink.
class PackReader {
public:
    static Result<PackReader> open(const std::filesystem::path& pack,
                                   std::span<const TrustedKey> trustedKeys,
                                   const PackLimits& limits);

    const Manifest& manifest() const { return manifest_; }
    const std::string& manifestBytes() const { return manifestBytes_; }
    const std::vector<std::uint8_t>& signature() const { return signature_; }
    const std::string& signerName() const { return signerName_; }

    // Refusal codes: bad_format, truncated, trailing_data, link_entry, duplicate_entry,
    // entry_mismatch, size_mismatch, hash_mismatch, io_error, or whatever the sink returns.
    Status readEntries(EntrySink& sink, const ProgressCallback& progress = {});

private:
    PackReader() = default;

    UniqueFd fd_;
    std::filesystem::path path_;
    Manifest manifest_;
    std::string manifestBytes_;
    std::vector<std::uint8_t> signature_;
    std::string signerName_;
    bool consumed_ = false;
};

// Bytes a pack with this manifest occupies, so a wrong length is refused before any copying.
std::uint64_t expectedPackBytes(const Manifest& manifest, std::uint64_t manifestBytes,
                                std::uint64_t signatureBytes);

} // namespace kiosk
