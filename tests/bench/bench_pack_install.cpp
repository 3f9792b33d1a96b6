// Benchmark: verify+install of a 200 MB content pack against plain `sha256sum` of the same file.
#include "kiosk/content/content_store.hpp"
#include "kiosk/content/pack_builder.hpp"
#include "kiosk/content/pack_signing.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kRuns = 3;
constexpr std::uint64_t kMiB = 1024 * 1024;

double seconds(Clock::duration duration) {
    return std::chrono::duration<double>(duration).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Incompressible bytes, like the photos and audio that dominate a real pack.
void writeRandomFile(const std::filesystem::path& path, std::uint64_t bytes, std::uint64_t seed) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    std::mt19937_64 random(seed);
    std::vector<std::uint64_t> block(kMiB / sizeof(std::uint64_t));
    for (std::uint64_t done = 0; done < bytes; done += kMiB) {
        for (auto& word : block) {
            word = random();
        }
        out.write(reinterpret_cast<const char*>(block.data()),
                  static_cast<std::streamsize>(std::min(kMiB, bytes - done)));
    }
}

} // namespace

int main() {
    std::string pattern = (std::filesystem::temp_directory_path() / "bench-pack-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        std::perror("mkdtemp");
        return 1;
    }
    std::filesystem::path temp = pattern;
    // Removes the ~600 MB of test data however the benchmark ends.
    struct Cleanup {
        std::filesystem::path path;
        ~Cleanup() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    } cleanup{temp};
    std::filesystem::path source = temp / "source";
    std::filesystem::create_directories(temp / "trust");

    // 200 MB: eight 24 MiB media files plus 200 small procedure and lesson files.
    std::uint64_t payload = 0;
    for (int i = 0; i < 8; ++i) {
        writeRandomFile(source / "audio" / ("lesson-" + std::to_string(i) + ".ogg"), 24 * kMiB,
                        static_cast<std::uint64_t>(i));
        payload += 24 * kMiB;
    }
    std::filesystem::create_directories(source / "procedures");
    for (int i = 0; i < 200; ++i) {
        std::ofstream(source / "procedures" / ("procedure-" + std::to_string(i) + ".json"))
            << R"({"title":{"vi":"Thủ tục số )" << i << R"("}})";
        payload += 40;
    }
    std::ofstream(source / "pack.json")
        << R"({"pack_id":"vn.phutho.vinhtuong","sequence":1,)"
           R"("display_version":"bench","min_kiosk_version":"0.1.0"})";
    if (!kiosk::generateKeyPair(temp / "key")) {
        std::fprintf(stderr, "keygen failed\n");
        return 1;
    }
    std::filesystem::copy_file(temp / "key.pub", temp / "trust" / "key.pub");
    std::filesystem::path pack = temp / "bench.kpack";
    auto buildStart = Clock::now();
    auto built = kiosk::buildPack({source, pack, temp / "key", {}, "2026-11-25T00:00:00Z"});
    double buildSeconds = seconds(Clock::now() - buildStart);
    if (!built) {
        std::fprintf(stderr, "build failed: %s\n", built.error().message.c_str());
        return 1;
    }
    std::filesystem::remove_all(source); // keep the disk footprint to the pack and one install
    double packMb = static_cast<double>(std::filesystem::file_size(pack)) / 1e6;

    // Both sides read the pack from the page cache: the first sha256sum warms it.
    std::string command = "sha256sum '" + pack.string() + "' > /dev/null";
    std::vector<double> shaRuns;
    std::vector<double> installRuns;
    std::vector<double> syncRuns;
    for (int run = 0; run <= kRuns; ++run) {
        auto start = Clock::now();
        if (std::system(command.c_str()) != 0) {
            std::fprintf(stderr, "sha256sum failed\n");
            return 1;
        }
        if (run > 0) {
            shaRuns.push_back(seconds(Clock::now() - start));
        }
    }
    for (int run = 0; run < kRuns; ++run) {
        std::filesystem::path dir = temp / ("store-" + std::to_string(run));
        auto store = kiosk::ContentStore::open(dir);
        Clock::time_point syncStart;
        Clock::time_point syncEnd;
        kiosk::InstallOptions options;
        options.hooks.atStep = [&](std::string_view step) {
            if (step == "sync filesystem") {
                syncStart = Clock::now();
            } else if (syncStart != Clock::time_point{} && syncEnd == Clock::time_point{}) {
                syncEnd = Clock::now();
            }
        };
        auto start = Clock::now();
        auto installed = store->installPack(pack, temp / "trust", options);
        installRuns.push_back(seconds(Clock::now() - start));
        syncRuns.push_back(seconds(syncEnd - syncStart));
        if (!installed) {
            std::fprintf(stderr, "install failed: %s\n", installed.error().message.c_str());
            return 1;
        }
        std::filesystem::remove_all(dir);
    }
    // Verification alone (signature and every hash, nothing written): the CPU part.
    std::vector<double> verifyRuns;
    for (int run = 0; run < kRuns; ++run) {
        auto keys = kiosk::loadTrustStore(temp / "trust");
        auto start = Clock::now();
        auto reader = kiosk::PackReader::open(pack, *keys, kiosk::PackLimits{});
        struct Discard : kiosk::EntrySink {
            kiosk::Status beginFile(const kiosk::ManifestFile&) override { return kiosk::ok(); }
            kiosk::Status writeData(std::span<const std::uint8_t>) override { return kiosk::ok(); }
            kiosk::Status endFile(const kiosk::ManifestFile&) override { return kiosk::ok(); }
        } sink;
        if (!reader || !reader->readEntries(sink)) {
            std::fprintf(stderr, "verify failed\n");
            return 1;
        }
        verifyRuns.push_back(seconds(Clock::now() - start));
    }
    // The floor set by the storage: copying the same bytes and syncing them, no hashing.
    std::vector<double> copyRuns;
    std::string copyCommand = "cp '" + pack.string() + "' '" + (temp / "copy").string() +
                              "' && sync '" + (temp / "copy").string() + "'";
    for (int run = 0; run < kRuns; ++run) {
        auto start = Clock::now();
        if (std::system(copyCommand.c_str()) != 0) {
            std::fprintf(stderr, "cp failed\n");
            return 1;
        }
        copyRuns.push_back(seconds(Clock::now() - start));
        std::filesystem::remove(temp / "copy");
    }
    double sha = median(shaRuns);
    double install = median(installRuns);
    std::printf("pack: %.1f MB (%llu payload bytes, %zu files), built in %.2f s\n", packMb,
                static_cast<unsigned long long>(payload), built->files.size(), buildSeconds);
    std::printf("sha256sum:          %.3f s  (%.0f MB/s), median of %d\n", sha, packMb / sha,
                kRuns);
    std::printf("verify+install:     %.3f s  (%.0f MB/s), median of %d, incl. fsync\n", install,
                packMb / install, kRuns);
    std::printf("  of which syncfs:  %.3f s  (waits for the disk, shared with other writers)\n",
                median(syncRuns));
    std::printf("verify only:        %.3f s  (%.0f MB/s), median of %d, nothing written\n",
                median(verifyRuns), packMb / median(verifyRuns), kRuns);
    std::printf("cp + sync (storage floor): %.3f s  (%.0f MB/s), median of %d\n", median(copyRuns),
                packMb / median(copyRuns), kRuns);
    std::printf("ratio install/sha256sum: %.2fx (target <= 1.30x)\n", install / sha);
    return 0;
}
