// Checks of the files a configuration names, shared by `kioskctl config check` and the kiosk's
// start, so both refuse a broken setup with the same message.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/config/config.hpp"

namespace kiosk {

// The gateway credential (present, mode 0600, a secret of at least 16 characters), the gateway
// public key (present, not writable by others, 64 hex characters) and the CA file when set.
// The message starts with the section and key ("[gateway] credential_file ...").
// Error code config.files.
Status checkConfigFiles(const Config& config);

} // namespace kiosk
