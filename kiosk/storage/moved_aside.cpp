// Moving a corrupt database aside with its companions, and pruning old copies.
#include "kiosk/storage/moved_aside.hpp"

#include <algorithm>
#include <ctime>
#include <vector>

namespace kiosk {
namespace {

namespace fs = std::filesystem;

// "20261125T193000Z": sorts by time, safe in a file name.
std::string fileTimestamp(std::chrono::system_clock::time_point now) {
    std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
    return text;
}

fs::path withSuffix(const fs::path& path, std::string_view suffix) {
    return fs::path(path.string() + std::string(suffix));
}

} // namespace

MoveAsideResult moveCorruptDatabaseAside(const fs::path& database,
                                         std::chrono::system_clock::time_point now, int keep) {
    MoveAsideResult result;
    std::error_code error;
    if (!fs::exists(database, error)) {
        return result; // nothing to move: the directory itself is the problem
    }
    fs::path target = withSuffix(database, ".corrupt-" + fileTimestamp(now));
    fs::rename(database, target, error);
    if (error) {
        result.failure = "cannot move aside: " + error.message();
        return result;
    }
    for (std::string_view companion : {"-wal", "-shm", "-journal"}) {
        fs::path side = withSuffix(database, companion);
        if (fs::exists(side, error)) {
            fs::rename(side, withSuffix(target, companion), error);
            if (error) {
                fs::remove(side, error);
            }
        }
    }
    std::vector<fs::path> copies;
    std::string prefix = database.filename().string() + ".corrupt-";
    fs::path dir = database.parent_path().empty() ? fs::path(".") : database.parent_path();
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && name.find('-', prefix.size()) == std::string::npos) {
            copies.push_back(entry.path());
        }
    }
    std::sort(copies.begin(), copies.end());
    while (copies.size() > static_cast<std::size_t>(std::max(keep, 1))) {
        for (std::string_view companion : {"", "-wal", "-shm", "-journal"}) {
            fs::remove(withSuffix(copies.front(), companion), error);
        }
        copies.erase(copies.begin());
    }
    result.movedTo = target;
    return result;
}

} // namespace kiosk
