// Health checks of what lies on the box's own disk: config, content, free space, outbox.
#include "kiosk/config/config_files.hpp"
#include "kiosk/content/content_store.hpp"
#include "kiosk/content/fs_util.hpp"
#include "kiosk/content/pack_signing.hpp"
#include "kiosk/health/health_check.hpp"
#include "kiosk/outbox/outbox.hpp"
#include "kiosk/outbox/outbox_command.hpp"
#include "kiosk/storage/data_partition.hpp"

#include <fstream>
#include <iterator>

namespace kiosk {
namespace {

HealthResult result(std::string check, std::string title, HealthLevel level, std::string detail,
                    std::string fix = {}) {
    return HealthResult{std::move(check), std::move(title), level, std::move(detail),
                        std::move(fix)};
}

std::string durationText(std::chrono::seconds age) {
    auto minutes = age.count() / 60;
    if (minutes < 120) {
        return std::to_string(minutes) + " min";
    }
    if (minutes < 48 * 60) {
        return std::to_string(minutes / 60) + " h";
    }
    return std::to_string(minutes / (24 * 60)) + " days";
}

std::optional<std::vector<std::uint8_t>> readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {});
}

// The trust-store key that signed the installed manifest, or why none did.
Result<std::string> installedSigner(const Config& config) {
    std::filesystem::path current = config.paths.contentDir / "current";
    auto manifest = readBytes(current / "manifest.json");
    auto signature = readBytes(current / "manifest.sig");
    if (!manifest || !signature) {
        return makeError("content.unsigned", "the installed version has no manifest signature");
    }
    auto keys = loadTrustStore(config.paths.contentTrustDir);
    if (!keys) {
        return keys.error();
    }
    for (const TrustedKey& key : *keys) {
        if (verifySignature(key.key, *manifest, *signature)) {
            return key.name;
        }
    }
    return makeError("content.untrusted", "the installed version's signature matches no key in " +
                                              config.paths.contentTrustDir.string());
}

// Days since a manifest's "created" (YYYY-MM-DD...), if it reads as a date.
std::optional<std::chrono::hours> ageOf(const std::string& created,
                                        std::chrono::system_clock::time_point now) {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    if (std::sscanf(created.c_str(), "%4d-%2u-%2u", &year, &month, &day) != 3) {
        return std::nullopt;
    }
    std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month),
                                     std::chrono::day(day)};
    if (!date.ok()) {
        return std::nullopt;
    }
    return std::chrono::duration_cast<std::chrono::hours>(now - std::chrono::sys_days(date));
}

} // namespace

HealthResult checkConfigFile(const std::filesystem::path& file) {
    const char* title = "Configuration";
    if (file.empty()) {
        return result("config", title, HealthLevel::Warn,
                      "no configuration file: built-in defaults",
                      "install /etc/kiosk/kiosk.ini (the package ships one) and set the commune");
    }
    auto loaded = loadConfig(file);
    if (!loaded) {
        return result("config", title, HealthLevel::Fail, loaded.error().message,
                      "correct the line named, then: kioskctl config check " + file.string());
    }
    // The files it names, as the kiosk checks them at start (credential, keys, fonts...).
    if (Status files = checkConfigFiles(*loaded); !files) {
        return result("config", title, HealthLevel::Fail, files.error().message,
                      "fix that file, then: kioskctl config check " + file.string());
    }
    return result("config", title, HealthLevel::Ok, file.string() + " is valid");
}

HealthResult checkContent(const Config& config, std::chrono::system_clock::time_point now,
                          const HealthLimits& limits) {
    const char* title = "Content pack";
    std::string install = "insert a USB stick with a signed pack, or: kioskctl pack install PACK "
                          "--content-dir " +
                          config.paths.contentDir.string() + " --trust " +
                          config.paths.contentTrustDir.string();
    if (!std::filesystem::exists(config.paths.contentDir)) {
        return result("content", title, HealthLevel::Fail,
                      "no content directory " + config.paths.contentDir.string(), install);
    }
    auto store = ContentStore::open(config.paths.contentDir, StartupCheck::SizesOnly);
    if (!store) {
        return result("content", title, HealthLevel::Fail, store.error().message, install);
    }
    StoreStatus status = store->status();
    if (status.health == StoreHealth::Empty || !status.current) {
        return result("content", title, HealthLevel::Fail, "no content pack installed", install);
    }
    if (status.health == StoreHealth::NoValidContent) {
        return result("content", title, HealthLevel::Fail,
                      "installed content is damaged: " + status.healthDetail, install);
    }
    const VersionSummary& current = *status.current;
    std::string what = current.packId + " sequence " + std::to_string(current.sequence) +
                       " (created " + current.created + ")";
    auto signer = installedSigner(config);
    if (!signer) {
        return result("content", title, HealthLevel::Fail, what + ": " + signer.error().message,
                      "reinstall a pack signed by a key in " +
                          config.paths.contentTrustDir.string());
    }
    what += ", signed by " + *signer;
    if (status.health == StoreHealth::FellBackToPrevious) {
        return result("content", title, HealthLevel::Warn,
                      what + "; the newer version was damaged (" + status.healthDetail + ")",
                      install);
    }
    if (current.sequence < status.acceptedSequence) {
        return result("content", title, HealthLevel::Warn,
                      what + "; a rollback is active (accepted sequence " +
                          std::to_string(status.acceptedSequence) + ")",
                      "publish a pack with a sequence above " +
                          std::to_string(status.acceptedSequence));
    }
    auto age = ageOf(current.created, now);
    if (age && *age > limits.contentWarnAge) {
        return result("content", title, HealthLevel::Warn,
                      what + ", " + durationText(*age) + " old",
                      "ask the district for the current pack: procedures and fees change");
    }
    return result("content", title, HealthLevel::Ok, what);
}

HealthResult checkDisk(const Config& config, const HealthLimits& limits) {
    const char* title = "Data partition";
    // The data directory may not exist yet on a fresh box: measure the file system it will be on.
    std::filesystem::path at = config.paths.dataDir;
    while (!at.empty() && !std::filesystem::exists(at) && at != at.root_path()) {
        at = at.parent_path();
    }
    DataPartitionStatus partition =
        checkDataPartition(at.empty() ? std::filesystem::path("/") : at, limits.diskWarnBytes);
    const std::string dir = config.paths.dataDir.string();
    std::string detail = dir + ": " + describePartition(partition);
    switch (partition.state) {
    case PartitionState::Missing:
        return result("disk", title, HealthLevel::Fail, detail,
                      "check that " + dir + " is mounted (/etc/fstab, docs/storage.md)");
    case PartitionState::ReadOnly:
        // ext4's errors=remount-ro: the card reported an error. Dossiers cannot be stored.
        return result("disk", title, HealthLevel::Fail, detail,
                      "the SD card failed: copy " + dir +
                          " to a USB stick (kioskctl outbox list first), then replace the card");
    case PartitionState::Full:
    case PartitionState::LowSpace:
    case PartitionState::Ok:
        break;
    }
    std::string fix = "free space: journalctl --vacuum-size=100M, remove old files under " + dir;
    if (partition.freeBytes < limits.diskFailBytes) {
        return result("disk", title, HealthLevel::Fail, detail, fix);
    }
    if (partition.freeBytes < limits.diskWarnBytes) {
        return result("disk", title, HealthLevel::Warn, detail, fix);
    }
    return result("disk", title, HealthLevel::Ok, detail);
}

HealthResult checkOutbox(const Config& config, std::chrono::system_clock::time_point now,
                         const HealthLimits& limits) {
    const char* title = "Outbox";
    std::filesystem::path file = outboxPath(config);
    if (!std::filesystem::exists(file)) {
        return result("outbox", title, HealthLevel::Ok, "empty (no dossier submitted yet)");
    }
    OutboxOptions options;
    options.readOnly = true; // a check never changes what it looks at
    auto outbox = Outbox::open(file, options);
    if (!outbox) {
        return result("outbox", title, HealthLevel::Fail, outbox.error().message,
                      "keep a copy of " + file.string() + " and report it to the maintainers");
    }
    auto entries = (*outbox)->list();
    if (!entries) {
        return result("outbox", title, HealthLevel::Fail, entries.error().message,
                      "keep a copy of " + file.string() + " and report it to the maintainers");
    }
    int pending = 0;
    int attention = 0;
    std::optional<std::int64_t> oldest;
    for (const OutboxEntry& entry : *entries) {
        if (entry.state == OutboxState::Pending) {
            ++pending;
            oldest = std::min(oldest.value_or(entry.createdAt), entry.createdAt);
        }
        attention += entry.state == OutboxState::NeedsAttention ? 1 : 0;
    }
    std::string detail = std::to_string(pending) + " waiting to send";
    std::chrono::seconds age{0};
    if (oldest) {
        age = std::chrono::duration_cast<std::chrono::seconds>(
            now - std::chrono::system_clock::time_point(std::chrono::seconds(*oldest)));
        detail += ", oldest " + durationText(age);
    }
    if (attention > 0) {
        return result("outbox", title, HealthLevel::Fail,
                      detail + ", " + std::to_string(attention) + " refused by the gateway",
                      "kioskctl outbox list; fix the credential, then kioskctl outbox retry");
    }
    std::string fix = "check the gateway (below) and the network; kioskctl outbox retry";
    if (oldest && age > limits.outboxFailAge) {
        return result("outbox", title, HealthLevel::Fail, detail, fix);
    }
    if (oldest && age > limits.outboxWarnAge) {
        return result("outbox", title, HealthLevel::Warn, detail, fix);
    }
    return result("outbox", title, HealthLevel::Ok, detail);
}

} // namespace kiosk
