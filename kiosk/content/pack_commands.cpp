// The maintainers' pack commands; each refusal prints its code and reason and exits 1.
#include "kiosk/content/pack_commands.hpp"

#include "kiosk/content/content_store.hpp"
#include "kiosk/content/pack_builder.hpp"
#include "kiosk/content/pack_format.hpp"
#include "kiosk/content/pack_signing.hpp"

#include <charconv>
#include <map>
#include <optional>

namespace kiosk {
namespace {

int usage(std::ostream& err) {
    err << "usage: kioskctl pack <command>\n"
           "  keygen -o NAME                               new Ed25519 key pair NAME, NAME.pub\n"
           "  build SRC -o OUT --key KEY [--sequence N]   build and sign a pack from SRC\n"
           "  verify PACK --pubkey NAME.pub               check signature and every file\n"
           "  install PACK --content-dir DIR --trust DIR  verify and install a pack\n"
           "  status --content-dir DIR                    show installed versions\n"
           "  rollback --content-dir DIR                  switch back to the previous version\n";
    return 2;
}

// Splits "--name value" options from positional words; unknown options are usage errors.
struct Parsed {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    bool valid = true;
};

Parsed parse(const std::vector<std::string>& args, std::initializer_list<std::string> known) {
    Parsed parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& word = args[i];
        if (word.size() > 1 && word[0] == '-') {
            bool isKnown = std::find(known.begin(), known.end(), word) != known.end();
            if (!isKnown || i + 1 >= args.size()) {
                parsed.valid = false;
                return parsed;
            }
            parsed.options[word] = args[++i];
        } else {
            parsed.positional.push_back(word);
        }
    }
    return parsed;
}

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

int keygen(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Parsed parsed = parse(args, {"-o"});
    if (!parsed.valid || !parsed.positional.empty() || parsed.options.count("-o") == 0) {
        return usage(err);
    }
    const std::string& name = parsed.options["-o"];
    if (Status made = generateKeyPair(name); !made) {
        return fail(err, made.error());
    }
    out << "wrote private key " << name << " (keep it secret) and public key " << name
        << ".pub (copy it into each kiosk's trust store)\n";
    return 0;
}

int build(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Parsed parsed = parse(args, {"-o", "--key", "--sequence"});
    if (!parsed.valid || parsed.positional.size() != 1 || parsed.options.count("-o") == 0 ||
        parsed.options.count("--key") == 0) {
        return usage(err);
    }
    BuildOptions options;
    options.source = parsed.positional[0];
    options.output = parsed.options["-o"];
    options.privateKey = parsed.options["--key"];
    if (auto it = parsed.options.find("--sequence"); it != parsed.options.end()) {
        std::uint64_t sequence = 0;
        auto [end, error] =
            std::from_chars(it->second.data(), it->second.data() + it->second.size(), sequence);
        if (error != std::errc{} || end != it->second.data() + it->second.size() || sequence == 0) {
            err << "kioskctl: --sequence needs a positive integer\n";
            return 2;
        }
        options.sequence = sequence;
    }
    auto manifest = buildPack(options);
    if (!manifest) {
        return fail(err, manifest.error());
    }
    out << "built " << options.output.string() << ": " << manifest->packId << " sequence "
        << manifest->sequence << ", " << manifest->files.size() << " files, "
        << manifest->totalBytes() << " bytes\n";
    return 0;
}

int verify(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Parsed parsed = parse(args, {"--pubkey"});
    if (!parsed.valid || parsed.positional.size() != 1 || parsed.options.count("--pubkey") == 0) {
        return usage(err);
    }
    auto key = loadPublicKey(parsed.options["--pubkey"]);
    if (!key) {
        return fail(err, key.error());
    }
    std::vector<TrustedKey> keys;
    keys.push_back(TrustedKey{std::filesystem::path(parsed.options["--pubkey"]).filename(),
                              std::move(key.value())});
    auto reader = PackReader::open(parsed.positional[0], keys, PackLimits{});
    if (!reader) {
        return fail(err, reader.error());
    }
    DiscardSink sink;
    if (Status read = reader->readEntries(sink); !read) {
        return fail(err, read.error());
    }
    const Manifest& manifest = reader->manifest();
    out << parsed.positional[0] << ": ok, " << manifest.packId << " sequence " << manifest.sequence
        << " (version " << manifest.displayVersion << ", needs kiosk " << manifest.minKioskVersion
        << "), " << sink.files << " files verified\n";
    return 0;
}

Result<ContentStore> openStore(Parsed& parsed) {
    return ContentStore::open(parsed.options["--content-dir"], StartupCheck::SizesOnly);
}

int install(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Parsed parsed = parse(args, {"--content-dir", "--trust"});
    if (!parsed.valid || parsed.positional.size() != 1 ||
        parsed.options.count("--content-dir") == 0 || parsed.options.count("--trust") == 0) {
        return usage(err);
    }
    auto store = openStore(parsed);
    if (!store) {
        return fail(err, store.error());
    }
    auto report = store->installPack(parsed.positional[0], parsed.options["--trust"]);
    if (!report) {
        return fail(err, report.error());
    }
    out << "installed " << report->packId << " sequence " << report->sequence << " (version "
        << report->displayVersion << "), " << report->files << " files, " << report->bytes
        << " bytes, signed by " << report->signer << "; the kiosk shows it from its next session\n";
    return 0;
}

int status(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Parsed parsed = parse(args, {"--content-dir"});
    if (!parsed.valid || !parsed.positional.empty() || parsed.options.count("--content-dir") == 0) {
        return usage(err);
    }
    auto store = ContentStore::open(parsed.options["--content-dir"], StartupCheck::FullHashes);
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

int rollback(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Parsed parsed = parse(args, {"--content-dir"});
    if (!parsed.valid || !parsed.positional.empty() || parsed.options.count("--content-dir") == 0) {
        return usage(err);
    }
    auto store = openStore(parsed);
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

} // namespace

int runPackCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        return usage(err);
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    const std::string& command = args[0];
    if (command == "keygen") {
        return keygen(rest, out, err);
    }
    if (command == "build") {
        return build(rest, out, err);
    }
    if (command == "verify") {
        return verify(rest, out, err);
    }
    if (command == "install") {
        return install(rest, out, err);
    }
    if (command == "status") {
        return status(rest, out, err);
    }
    if (command == "rollback") {
        return rollback(rest, out, err);
    }
    return usage(err);
}

} // namespace kiosk
