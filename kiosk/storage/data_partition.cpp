// statvfs on the data directory, sorted into what the maintainer must do.
#include "kiosk/storage/data_partition.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/statvfs.h>

namespace kiosk {
namespace {

std::string bytesText(std::uint64_t bytes) {
    char text[32];
    if (bytes >= 1024ull * 1024 * 1024) {
        std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / (1 << 30));
    } else {
        std::snprintf(text, sizeof text, "%.0f MB", static_cast<double>(bytes) / (1 << 20));
    }
    return text;
}

} // namespace

std::string_view partitionStateName(PartitionState state) {
    switch (state) {
    case PartitionState::Ok:
        return "ok";
    case PartitionState::LowSpace:
        return "low_space";
    case PartitionState::Full:
        return "full";
    case PartitionState::ReadOnly:
        return "read_only";
    case PartitionState::Missing:
        return "missing";
    }
    return "missing";
}

PartitionState partitionState(std::uint64_t freeBytes, bool mountedReadOnly,
                              std::uint64_t lowSpaceBytes) {
    if (mountedReadOnly) {
        return PartitionState::ReadOnly;
    }
    if (freeBytes < kFullBytes) {
        return PartitionState::Full;
    }
    return freeBytes < lowSpaceBytes ? PartitionState::LowSpace : PartitionState::Ok;
}

DataPartitionStatus checkDataPartition(const std::filesystem::path& dataDir,
                                       std::uint64_t lowSpaceBytes) {
    DataPartitionStatus status;
    struct statvfs root {};
    status.rootReadOnly = ::statvfs("/", &root) == 0 && (root.f_flag & ST_RDONLY) != 0;
    struct statvfs data {};
    if (::statvfs(dataDir.c_str(), &data) != 0) {
        status.state = PartitionState::Missing;
        status.detail = dataDir.string() + ": " + std::strerror(errno);
        return status;
    }
    status.freeBytes = static_cast<std::uint64_t>(data.f_bavail) * data.f_frsize;
    status.totalBytes = static_cast<std::uint64_t>(data.f_blocks) * data.f_frsize;
    status.state = partitionState(status.freeBytes, (data.f_flag & ST_RDONLY) != 0, lowSpaceBytes);
    return status;
}

namespace {

std::string partitionStateText(const DataPartitionStatus& status) {
    std::string space = bytesText(status.freeBytes) + " free of " + bytesText(status.totalBytes);
    switch (status.state) {
    case PartitionState::Ok:
        return "ok, " + space;
    case PartitionState::LowSpace:
        return "low space: " + space;
    case PartitionState::Full:
        return "FULL: " + space;
    case PartitionState::ReadOnly:
        return "READ-ONLY (remounted after a card error?), " + space;
    case PartitionState::Missing:
        return "missing: " + status.detail;
    }
    return status.detail;
}

} // namespace

std::string describePartition(const DataPartitionStatus& status) {
    // A read-only root is how a kiosk should run (docs/storage.md); saying so tells a maintainer
    // the overlay is on, and its absence that it is not.
    return partitionStateText(status) +
           (status.rootReadOnly ? "; system read-only (overlay on)" : "; system writable");
}

} // namespace kiosk
