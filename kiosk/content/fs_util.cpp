// Durable file-system steps: every create and rename is followed by an fsync of its directory.
#include "kiosk/content/fs_util.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <vector>

namespace kiosk {

std::string errnoText(int error) {
    return std::strerror(error);
}

Status fsyncPath(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return makeError("io_error",
                         "cannot open " + path.string() + " to sync it: " + errnoText(errno));
    }
    int rc = ::fsync(fd);
    int error = errno;
    ::close(fd);
    if (rc != 0) {
        return makeError(error == ENOSPC || error == EDQUOT ? "disk_full" : "io_error",
                         "cannot sync " + path.string() + ": " + errnoText(error));
    }
    return ok();
}

static Status writeAll(int fd, std::string_view content, const std::filesystem::path& path) {
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            int error = errno;
            return makeError(error == ENOSPC || error == EDQUOT ? "disk_full" : "io_error",
                             "cannot write " + path.string() + ": " + errnoText(error));
        }
        done += static_cast<std::size_t>(n);
    }
    return ok();
}

Status writeFileAtomic(const std::filesystem::path& path, std::string_view content) {
    std::filesystem::path temp = path;
    temp += ".tmp";
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        return makeError("io_error", "cannot create " + temp.string() + ": " + errnoText(errno));
    }
    Status written = writeAll(fd, content, temp);
    if (written && ::fsync(fd) != 0) {
        written = makeError("io_error", "cannot sync " + temp.string() + ": " + errnoText(errno));
    }
    ::close(fd);
    if (!written) {
        ::unlink(temp.c_str());
        return written;
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        int error = errno;
        ::unlink(temp.c_str());
        return makeError("io_error", "cannot rename " + temp.string() + ": " + errnoText(error));
    }
    return fsyncPath(path.parent_path());
}

Status replaceSymlinkAtomic(const std::filesystem::path& link, const std::string& target) {
    std::filesystem::path temp = link;
    temp += ".tmp";
    ::unlink(temp.c_str()); // a leftover from an interrupted switch
    if (::symlink(target.c_str(), temp.c_str()) != 0) {
        return makeError("io_error", "cannot create " + temp.string() + ": " + errnoText(errno));
    }
    if (::rename(temp.c_str(), link.c_str()) != 0) {
        int error = errno;
        ::unlink(temp.c_str());
        return makeError("io_error", "cannot switch " + link.string() + ": " + errnoText(error));
    }
    return fsyncPath(link.parent_path());
}

std::string readSymlink(const std::filesystem::path& link) {
    std::vector<char> buffer(4096);
    ssize_t n = ::readlink(link.c_str(), buffer.data(), buffer.size());
    if (n <= 0 || static_cast<std::size_t>(n) >= buffer.size()) {
        return {};
    }
    return std::string(buffer.data(), static_cast<std::size_t>(n));
}

Result<std::string> readWholeFile(const std::filesystem::path& path, std::uint64_t maxBytes) {
    // O_NONBLOCK: a FIFO in place of a key or manifest must not hang open().
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        return makeError("io_error", "cannot open " + path.string() + ": " + errnoText(errno));
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return makeError("io_error", path.string() + " is not a regular file");
    }
    if (static_cast<std::uint64_t>(info.st_size) > maxBytes) {
        ::close(fd);
        return makeError("too_large",
                         path.string() + " is larger than " + std::to_string(maxBytes) + " bytes");
    }
    std::string content(static_cast<std::size_t>(info.st_size), '\0');
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::read(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            ::close(fd);
            return makeError("io_error", "cannot read " + path.string());
        }
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return content;
}

Result<std::uint64_t> freeBytes(const std::filesystem::path& path) {
    struct statvfs info {};
    if (::statvfs(path.c_str(), &info) != 0) {
        return makeError("io_error",
                         "cannot query free space of " + path.string() + ": " + errnoText(errno));
    }
    return static_cast<std::uint64_t>(info.f_bavail) * info.f_frsize;
}

std::string randomHex(std::size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    RAND_bytes(raw.data(), static_cast<int>(raw.size()));
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char byte : raw) {
        out.push_back(kHex[byte >> 4]);
        out.push_back(kHex[byte & 0x0f]);
    }
    return out;
}

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = other.release();
    }
    return *this;
}

UniqueFd::~UniqueFd() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

int UniqueFd::release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
}

long long readFully(int fd, void* buffer, std::size_t size) {
    auto* bytes = static_cast<char*>(buffer);
    std::size_t done = 0;
    while (done < size) {
        ssize_t n = ::read(fd, bytes + done, size - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return -1;
        }
        if (n == 0) {
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    return static_cast<long long>(done);
}

} // namespace kiosk
