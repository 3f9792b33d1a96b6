// `kioskctl pack ...`: keygen, build, verify, install, status, rollback for maintainers.
#pragma once

#include "kiosk/content/pack_builder.hpp"

#include <filesystem>
#include <ostream>

namespace kiosk {

// Each returns the process exit status: 0 on success, 1 on a refusal or failure (its code and
// reason on `err`). The command line is parsed in kiosk/cli/kioskctl_cli.cpp.

// A new Ed25519 key pair: `name` (private) and `name`.pub.
int runPackKeygen(const std::filesystem::path& name, std::ostream& out, std::ostream& err);

// Builds and signs a pack from `options.source` (sequence 0 = the source's own).
int runPackBuild(const BuildOptions& options, std::ostream& out, std::ostream& err);

// Checks the signature with `publicKey` and every file's hash.
int runPackVerify(const std::filesystem::path& pack, const std::filesystem::path& publicKey,
                  std::ostream& out, std::ostream& err);

// Verifies `pack` against the trust store and installs it into `contentDir`.
int runPackInstall(const std::filesystem::path& pack, const std::filesystem::path& contentDir,
                   const std::filesystem::path& trustDir, std::ostream& out, std::ostream& err);

// Shows the installed versions (1 when there is no valid content).
int runPackStatus(const std::filesystem::path& contentDir, std::ostream& out, std::ostream& err);

// Switches back to the previous version.
int runPackRollback(const std::filesystem::path& contentDir, std::ostream& out, std::ostream& err);

} // namespace kiosk
