// Permission checks of the files the kiosk trusts, refused the way ssh refuses a loose key.
#pragma once

#include "drivers/common/result.hpp"

#include <filesystem>

namespace kiosk {

enum class FileTrust {
    // A secret (the gateway credential): mode 0600 or stricter, like ssh's private keys.
    Secret,
    // Public but trusted (the gateway's public key, a CA file): anyone may read it, but only
    // its owner may change it, or someone could swap in their own key.
    Trusted,
};

// The file exists, is a regular file this process can read, and its mode fits `trust`. The
// message names the file and the command that fixes it ("chmod 600 /etc/kiosk/credential").
// Error codes: file_missing, file_not_regular, file_unreadable, file_permissions.
Status checkFilePermissions(const std::filesystem::path& file, FileTrust trust);

} // namespace kiosk
