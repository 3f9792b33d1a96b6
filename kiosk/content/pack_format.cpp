// Writing and reading the .kpack container; the reader trusts nothing before the signature.
#include "kiosk/content/pack_format.hpp"

#include "kiosk/content/sha256.hpp"

#include <cerrno>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {
namespace {

// Large reads keep the per-call overhead far below the cost of hashing (1 MiB).
constexpr std::size_t kChunkBytes = 1024 * 1024;

void putLe(std::uint8_t* out, std::uint64_t value, std::size_t bytes) {
    for (std::size_t i = 0; i < bytes; ++i) {
        out[i] = static_cast<std::uint8_t>(value >> (8 * i));
    }
}

std::uint64_t getLe(const std::uint8_t* in, std::size_t bytes) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < bytes; ++i) {
        value |= static_cast<std::uint64_t>(in[i]) << (8 * i);
    }
    return value;
}

Error truncated(const std::string& what) {
    return makeError("truncated", "the pack ends early (" + what + "); copy it to the stick again");
}

} // namespace

std::uint64_t expectedPackBytes(const Manifest& manifest, std::uint64_t manifestBytes,
                                std::uint64_t signatureBytes) {
    std::uint64_t total = kPackHeaderBytes + manifestBytes + signatureBytes;
    for (const ManifestFile& file : manifest.files) {
        total += kEntryHeaderBytes + file.path.size() + file.size;
    }
    return total;
}

Result<PackWriter> PackWriter::create(const std::filesystem::path& path) {
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!fd) {
        return makeError("io_error", "cannot create " + path.string() + ": " + errnoText(errno));
    }
    return PackWriter(std::move(fd), path);
}

Status PackWriter::writeRaw(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const char*>(data);
    std::size_t done = 0;
    while (done < size) {
        ssize_t n = ::write(fd_.get(), bytes + done, size - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return makeError("io_error",
                             "cannot write " + path_.string() + ": " + errnoText(errno));
        }
        done += static_cast<std::size_t>(n);
    }
    return ok();
}

Status PackWriter::writeHeader(std::string_view manifest, std::span<const std::uint8_t> signature) {
    std::uint8_t header[kPackHeaderBytes];
    std::copy(kPackMagic.begin(), kPackMagic.end(), header);
    putLe(header + 8, manifest.size(), 4);
    putLe(header + 12, signature.size(), 4);
    if (Status written = writeRaw(header, sizeof header); !written) {
        return written;
    }
    if (Status written = writeRaw(manifest.data(), manifest.size()); !written) {
        return written;
    }
    return writeRaw(signature.data(), signature.size());
}

Status PackWriter::beginEntry(EntryType type, std::string_view path, std::uint64_t size) {
    std::uint8_t header[kEntryHeaderBytes];
    std::copy(kEntryMagic.begin(), kEntryMagic.end(), header);
    header[4] = static_cast<std::uint8_t>(type);
    header[5] = 0;
    putLe(header + 6, path.size(), 2);
    putLe(header + 8, size, 8);
    if (Status written = writeRaw(header, sizeof header); !written) {
        return written;
    }
    return writeRaw(path.data(), path.size());
}

Status PackWriter::writeData(std::span<const std::uint8_t> data) {
    return writeRaw(data.data(), data.size());
}

Status PackWriter::writeEntry(EntryType type, std::string_view path, std::string_view data) {
    if (Status begun = beginEntry(type, path, data.size()); !begun) {
        return begun;
    }
    return writeRaw(data.data(), data.size());
}

Status PackWriter::finish() {
    if (::fsync(fd_.get()) != 0) {
        return makeError("io_error", "cannot sync " + path_.string() + ": " + errnoText(errno));
    }
    if (::close(fd_.release()) != 0) {
        return makeError("io_error", "cannot close " + path_.string() + ": " + errnoText(errno));
    }
    return ok();
}

Result<PackReader> PackReader::open(const std::filesystem::path& pack,
                                    std::span<const TrustedKey> trustedKeys,
                                    const PackLimits& limits) {
    PackReader reader;
    reader.path_ = pack;
    // O_NONBLOCK: a FIFO or device named like a pack must not hang the kiosk in open(); it is
    // refused below as not a regular file (reads of regular files ignore the flag).
    reader.fd_ = UniqueFd(::open(pack.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (!reader.fd_) {
        return makeError("io_error", "cannot open " + pack.string() + ": " + errnoText(errno));
    }
    struct stat info {};
    if (::fstat(reader.fd_.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return makeError("bad_format", pack.string() + " is not a regular file");
    }
    ::posix_fadvise(reader.fd_.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    auto fileBytes = static_cast<std::uint64_t>(info.st_size);

    std::uint8_t header[kPackHeaderBytes];
    long long got = readFully(reader.fd_.get(), header, sizeof header);
    if (got < 0) {
        return makeError("io_error", "cannot read " + pack.string() + ": " + errnoText(errno));
    }
    if (static_cast<std::size_t>(got) < kPackMagic.size() ||
        std::string_view(reinterpret_cast<const char*>(header), kPackMagic.size()) != kPackMagic) {
        return makeError("bad_format", pack.string() + " is not a kiosk content pack");
    }
    if (static_cast<std::size_t>(got) < sizeof header) {
        return truncated("header");
    }
    std::uint64_t manifestLength = getLe(header + 8, 4);
    std::uint64_t signatureLength = getLe(header + 12, 4);
    if (signatureLength == 0) {
        return makeError("unsigned", "the pack carries no signature; only signed packs install");
    }
    if (signatureLength != kEd25519SignatureBytes) {
        return makeError("bad_signature", "the pack's signature has " +
                                              std::to_string(signatureLength) +
                                              " bytes, not the 64 of an Ed25519 signature");
    }
    if (manifestLength == 0 || manifestLength > limits.maxManifestBytes) {
        return makeError("bad_format", "the pack's manifest length " +
                                           std::to_string(manifestLength) + " is out of bounds");
    }
    if (kPackHeaderBytes + manifestLength + signatureLength > fileBytes) {
        return truncated("manifest and signature");
    }
    reader.manifestBytes_.resize(manifestLength);
    reader.signature_.resize(signatureLength);
    if (readFully(reader.fd_.get(), reader.manifestBytes_.data(), manifestLength) !=
            static_cast<long long>(manifestLength) ||
        readFully(reader.fd_.get(), reader.signature_.data(), signatureLength) !=
            static_cast<long long>(signatureLength)) {
        return truncated("manifest and signature");
    }

    // The signature covers the exact manifest bytes and is checked before they are parsed.
    if (trustedKeys.empty()) {
        return makeError("no_trusted_keys", "no trusted public key is configured");
    }
    std::span<const std::uint8_t> message(
        reinterpret_cast<const std::uint8_t*>(reader.manifestBytes_.data()),
        reader.manifestBytes_.size());
    for (const TrustedKey& trusted : trustedKeys) {
        if (verifySignature(trusted.key, message, reader.signature_)) {
            reader.signerName_ = trusted.name;
            break;
        }
    }
    if (reader.signerName_.empty()) {
        return makeError("bad_signature",
                         "the pack's signature does not match any trusted key; it was not "
                         "made by a trusted publisher or it was altered");
    }

    auto manifest = parseManifest(reader.manifestBytes_, limits);
    if (!manifest) {
        return manifest.error();
    }
    reader.manifest_ = std::move(manifest.value());
    std::uint64_t expected = expectedPackBytes(reader.manifest_, manifestLength, signatureLength);
    if (fileBytes < expected) {
        return truncated(std::to_string(fileBytes) + " of " + std::to_string(expected) + " bytes");
    }
    if (fileBytes > expected) {
        return makeError("trailing_data", "the pack has " + std::to_string(fileBytes - expected) +
                                              " bytes after its last listed file");
    }
    return reader;
}

Status PackReader::readEntries(EntrySink& sink, const ProgressCallback& progress) {
    if (consumed_) {
        return makeError("io_error", "a pack is read only once");
    }
    consumed_ = true;
    std::vector<std::uint8_t> buffer(kChunkBytes);
    std::set<std::string> seen;
    std::uint64_t total = manifest_.totalBytes();
    std::uint64_t done = 0;
    Sha256 hash;
    for (const ManifestFile& file : manifest_.files) {
        std::uint8_t header[kEntryHeaderBytes];
        long long got = readFully(fd_.get(), header, sizeof header);
        if (got < 0) {
            return makeError("io_error",
                             "cannot read the pack (stick pulled out?): " + errnoText(errno));
        }
        if (got != static_cast<long long>(sizeof header)) {
            return truncated("entry header of \"" + file.path + "\"");
        }
        if (std::string_view(reinterpret_cast<const char*>(header), 4) != kEntryMagic) {
            return makeError("bad_format",
                             "the pack's entry for \"" + file.path + "\" has no entry marker");
        }
        auto type = header[4];
        std::uint64_t pathLength = getLe(header + 6, 2);
        std::uint64_t size = getLe(header + 8, 8);
        std::string path(pathLength, '\0');
        if (readFully(fd_.get(), path.data(), path.size()) != static_cast<long long>(path.size())) {
            return truncated("entry path");
        }
        if (Status safe = checkEntryPath(path); !safe) {
            return safe;
        }
        if (type == static_cast<std::uint8_t>(EntryType::Symlink) ||
            type == static_cast<std::uint8_t>(EntryType::Hardlink)) {
            return makeError("link_entry", "the pack entry \"" + path +
                                               "\" is a link; only plain files are installed");
        }
        if (type != static_cast<std::uint8_t>(EntryType::File) || header[5] != 0) {
            return makeError("bad_format", "the pack entry \"" + path + "\" has an unknown type");
        }
        if (!seen.insert(path).second) {
            return makeError("duplicate_entry", "the pack holds \"" + path + "\" more than once");
        }
        if (path != file.path) {
            return makeError("entry_mismatch", "the pack holds \"" + path +
                                                   "\" where its manifest lists \"" + file.path +
                                                   "\"");
        }
        if (size != file.size) {
            return makeError("size_mismatch", "\"" + path + "\" has " + std::to_string(size) +
                                                  " bytes, the manifest says " +
                                                  std::to_string(file.size));
        }
        if (Status begun = sink.beginFile(file); !begun) {
            return begun;
        }
        std::uint64_t left = size;
        while (left > 0) {
            std::size_t want =
                static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
            got = readFully(fd_.get(), buffer.data(), want);
            if (got < 0) {
                return makeError("io_error",
                                 "cannot read the pack (stick pulled out?): " + errnoText(errno));
            }
            if (got != static_cast<long long>(want)) {
                return truncated("data of \"" + path + "\"");
            }
            hash.update(buffer.data(), want);
            if (Status written = sink.writeData({buffer.data(), want}); !written) {
                return written;
            }
            left -= want;
            done += want;
            if (progress) {
                progress(done, total);
            }
        }
        if (hash.finishHex() != file.sha256) {
            return makeError("hash_mismatch", "\"" + path +
                                                  "\" does not match its SHA-256 in the signed "
                                                  "manifest; the pack is damaged or altered");
        }
        if (Status ended = sink.endFile(file); !ended) {
            return ended;
        }
    }
    std::uint8_t extra = 0;
    long long more = readFully(fd_.get(), &extra, 1);
    if (more != 0) {
        return makeError("trailing_data", "the pack has data after its last listed file");
    }
    if (progress && total == 0) {
        progress(0, 0);
    }
    return ok();
}

} // namespace kiosk
