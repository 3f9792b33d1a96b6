// stat()-based checks of mode, type and readability, with the fix in the message.
#include "kiosk/config/file_permissions.hpp"

#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {
namespace {

std::string octal(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

} // namespace

Status checkFilePermissions(const std::filesystem::path& file, FileTrust trust) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) {
        return makeError("file_missing", file.string() + ": does not exist");
    }
    if (!S_ISREG(info.st_mode)) {
        return makeError("file_not_regular", file.string() + ": is not a regular file");
    }
    if (trust == FileTrust::Secret && (info.st_mode & 077) != 0) {
        return makeError("file_permissions", file.string() + ": is open to group or others (mode " +
                                                 octal(info.st_mode) +
                                                 "); a secret must be mode 0600: run `chmod 600 " +
                                                 file.string() + "`");
    }
    if (trust == FileTrust::Trusted && (info.st_mode & 022) != 0) {
        return makeError("file_permissions",
                         file.string() + ": can be changed by group or others (mode " +
                             octal(info.st_mode) + "): run `chmod 644 " + file.string() + "`");
    }
    if (::access(file.c_str(), R_OK) != 0) {
        return makeError("file_unreadable", file.string() + ": cannot be read by this user (uid " +
                                                std::to_string(::geteuid()) + ")");
    }
    return ok();
}

} // namespace kiosk
