// Free space and read-only state of the data partition: for the maintainer screen, the status
// bar and the health check (`kioskctl doctor`).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk {

enum class PartitionState {
    Ok,
    LowSpace, // below the threshold: dossiers still fit, but not for long
    Full,     // less than one dossier's worth left (SQLite would answer SQLITE_FULL)
    ReadOnly, // mounted read-only: ext4 remounts itself so after a card error (errors=remount-ro)
    Missing,  // the data directory does not exist or cannot be examined
};
std::string_view partitionStateName(PartitionState state); // "ok", "low_space", "full", ...

struct DataPartitionStatus {
    PartitionState state = PartitionState::Ok;
    std::uint64_t freeBytes = 0; // available to the kiosk user (f_bavail), not root's reserve
    std::uint64_t totalBytes = 0;
    bool rootReadOnly = false; // "/" is read-only: expected and good on an overlay deployment
    std::string detail;        // the system's reason when Missing
};

// A kiosk writes well under 1 MB a day (docs/storage.md); 64 MB is weeks of warning.
inline constexpr std::uint64_t kLowSpaceBytes = 64ull * 1024 * 1024;
// A sealed dossier is a few kilobytes; below 1 MB a commit may already fail.
inline constexpr std::uint64_t kFullBytes = 1024ull * 1024;

// Looks at the file system holding `dataDir` (statvfs). Cheap: no file is written.
DataPartitionStatus checkDataPartition(const std::filesystem::path& dataDir,
                                       std::uint64_t lowSpaceBytes = kLowSpaceBytes);

// The decision alone, from the figures statvfs gives (tests feed it the cases a test machine
// cannot produce without root: a read-only remount, a full card).
PartitionState partitionState(std::uint64_t freeBytes, bool mountedReadOnly,
                              std::uint64_t lowSpaceBytes = kLowSpaceBytes);

// One line for the maintainer screen and the health check: "ok, 12.3 GB free of 29.1 GB",
// "READ-ONLY (remounted after a card error)", "low space: 41 MB free of 29.1 GB".
std::string describePartition(const DataPartitionStatus& status);

} // namespace kiosk
