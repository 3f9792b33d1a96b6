// The maintainers' pack commands; each refusal prints its code and reason and exits 1.
#include "kiosk/content/pack_commands.hpp"

#include "kiosk/content/content_store.hpp"
#include "kiosk/content/pack_builder.hpp"
#include "kiosk/content/pack_format.hpp"
#include "kiosk/content/pack_signing.hpp"

namespace kiosk {
namespace {

int fail(std::ostream& err, const Error& error) {
    err << "kioskctl: refused (" << error.code << "): " << error.message << '\n';
    return 1;
}

// Null sink: `verify` hashes every file without writing anything.
class DiscardSink : public EntrySink {
public:
    Status beginFile(const ManifestFile&) override { return ok(); }
    Status writeData(std::span<const std::uint8_t>) override { return ok(); }
    Status endFile(const ManifestFile&) override {
        ++files;
        return ok();
    }
    std::uint64_t files = 0;
};

void printSummary(std::ostream& out, const char* label, const VersionSummary& version) {
    out << label << version.packId << " sequence " << version.sequence << " (version "
        << version.displayVersion << ", created " << version.created << ", " << version.files
        << " files, " << version.bytes << " bytes) in versions/" << version.name << '\n';
}

} // namespace

int runPackKeygen(const std::filesystem::path& name, std::ostream& out, std::ostream& err) {
    if (Status made = generateKeyPair(name); !made) {
        return fail(err, made.error());
    }
    out << "wrote private key " << name.string() << " (keep it secret) and public key "
        << name.string() << ".pub (copy it into each kiosk's trust store)\n";
    return 0;
}

int runPackBuild(const BuildOptions& options, std::ostream& out, std::ostream& err) {
    auto manifest = buildPack(options);
    if (!manifest) {
        return fail(err, manifest.error());
    }
    out << "built " << options.output.string() << ": " << manifest->packId << " sequence "
        << manifest->sequence << ", " << manifest->files.size() << " files, "
        << manifest->totalBytes() << " bytes\n";
    return 0;
}

int runPackVerify(const std::filesystem::path& pack, const std::filesystem::path& publicKey,
                  std::ostream& out, std::ostream& err) {
    auto key = loadPublicKey(publicKey);
    if (!key) {
        return fail(err, key.error());
    }
    std::vector<TrustedKey> keys;
    keys.push_back(TrustedKey{publicKey.filename(), std::move(key.value())});
    auto reader = PackReader::open(pack, keys, PackLimits{});
    if (!reader) {
        return fail(err, reader.error());
    }
    DiscardSink sink;
    if (Status read = reader->readEntries(sink); !read) {
        return fail(err, read.error());
    }
    const Manifest& manifest = reader->manifest();
    out << pack.string() << ": ok, " << manifest.packId << " sequence " << manifest.sequence
        << " (version " << manifest.displayVersion << ", needs kiosk " << manifest.minKioskVersion
        << "), " << sink.files << " files verified\n";
    return 0;
}

int runPackInstall(const std::filesystem::path& pack, const std::filesystem::path& contentDir,
                   const std::filesystem::path& trustDir, std::ostream& out, std::ostream& err) {
    auto store = ContentStore::open(contentDir, StartupCheck::SizesOnly);
    if (!store) {
        return fail(err, store.error());
    }
    auto report = store->installPack(pack, trustDir);
    if (!report) {
        return fail(err, report.error());
    }
    out << "installed " << report->packId << " sequence " << report->sequence << " (version "
        << report->displayVersion << "), " << report->files << " files, " << report->bytes
        << " bytes, signed by " << report->signer << "; the kiosk shows it from its next session\n";
    return 0;
}

int runPackStatus(const std::filesystem::path& contentDir, std::ostream& out, std::ostream& err) {
    auto store = ContentStore::open(contentDir, StartupCheck::FullHashes);
    if (!store) {
        return fail(err, store.error());
    }
    StoreStatus status = store->status();
    out << "health: " << storeHealthName(status.health);
    if (!status.healthDetail.empty()) {
        out << " (" << status.healthDetail << ")";
    }
    out << "\naccepted sequence: " << status.acceptedSequence << '\n';
    if (status.current) {
        printSummary(out, "current: ", *status.current);
    } else {
        out << "current: none\n";
    }
    if (status.previous) {
        printSummary(out, "previous: ", *status.previous);
    }
    return status.health == StoreHealth::NoValidContent ? 1 : 0;
}

int runPackRollback(const std::filesystem::path& contentDir, std::ostream& out, std::ostream& err) {
    auto store = ContentStore::open(contentDir, StartupCheck::SizesOnly);
    if (!store) {
        return fail(err, store.error());
    }
    auto now = store->rollback();
    if (!now) {
        return fail(err, now.error());
    }
    printSummary(out, "rolled back; current: ", *now);
    return 0;
}

} // namespace kiosk
