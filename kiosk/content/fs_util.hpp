// File-system helpers for the content store: durable writes, atomic switches, owned descriptors.
#pragma once

#include "drivers/common/result.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk {

// fsync of a file or directory by path; a rename or create is only durable once its
// directory has been synced.
Status fsyncPath(const std::filesystem::path& path);

// Writes `content` to `path` via `path.tmp`: write, fsync, rename, fsync the directory, so a
// reader (or a power cut) sees either the old or the new content, never a mix.
Status writeFileAtomic(const std::filesystem::path& path, std::string_view content);

// Points the symlink `link` at `target` with one rename of `link.tmp` over it, then syncs the
// directory (RAUC's r_update_symlink).
Status replaceSymlinkAtomic(const std::filesystem::path& link, const std::string& target);

// The symlink's target text, or empty when `link` is missing or not a symlink.
std::string readSymlink(const std::filesystem::path& link);

Result<std::string> readWholeFile(const std::filesystem::path& path, std::uint64_t maxBytes);

// Bytes an unprivileged writer may still use on the file system holding `path`.
Result<std::uint64_t> freeBytes(const std::filesystem::path& path);

// `bytes` random bytes from the OpenSSL DRBG as hex (names of staging directories).
std::string randomHex(std::size_t bytes);

std::string errnoText(int error);

// Owns one file descriptor; closes it when dropped.
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd)
        : fd_(fd) {}
    UniqueFd(UniqueFd&& other) noexcept
        : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept;
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd();

    int get() const { return fd_; }
    int release();
    explicit operator bool() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

// Reads exactly `size` bytes unless the file ends first; returns how many were read, or -1
// with errno set on a read error.
long long readFully(int fd, void* buffer, std::size_t size);

} // namespace kiosk
