// Moving a corrupt database (with its WAL and shared-memory files) aside, keeping a few copies.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk {

// Renames `database` to "<database>.corrupt-<UTC time>" together with its -wal, -shm and
// -journal companions (replaying the old WAL into a fresh file would corrupt it), then deletes
// all but the newest `keep` moved-aside copies so a failing card cannot fill the disk. Only for
// a database found corrupt (StoreFault::Corrupt): never for a full, read-only or failing disk.
// Returns the new path, or the system's reason it could not be moved.
struct MoveAsideResult {
    std::filesystem::path movedTo; // empty when nothing was moved
    std::string failure;           // why not, when the file exists but could not be moved
};
MoveAsideResult moveCorruptDatabaseAside(const std::filesystem::path& database,
                                         std::chrono::system_clock::time_point now, int keep);

} // namespace kiosk
