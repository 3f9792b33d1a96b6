// The trust list command: one line per CSCA certificate, with its expiry, and per revocation list.
#include "kiosk/idcard/card_trust_command.hpp"

#include "drivers/card_reader/icao/sod.hpp"
#include "kiosk/content/content_store.hpp"

namespace kiosk {

std::filesystem::path packTrustDirectory(const Config& config) {
    std::error_code error;
    if (!std::filesystem::exists(config.paths.contentDir / "current", error)) {
        return {}; // nothing installed (and opening the store would create its folder)
    }
    // Sizes only: the kiosk verified every hash when it opened the store at start.
    auto store = ContentStore::open(config.paths.contentDir, StartupCheck::SizesOnly);
    if (!store || !store->hasContent()) {
        return {};
    }
    return store->contentRoot() / "csca";
}

int runCardTrustList(const std::vector<std::filesystem::path>& directories, std::ostream& out) {
    int total = 0;
    for (const auto& directory : directories) {
        if (directory.empty()) {
            out << "(no verified content pack installed: no pack CSCA list)\n";
            continue;
        }
        auto anchors = icao::listTrustAnchors(directory);
        out << directory.string() << ": " << anchors.size() << " certificate"
            << (anchors.size() == 1 ? "" : "s") << '\n';
        for (const auto& anchor : anchors) {
            out << "  " << anchor.subject << "  valid until " << anchor.notAfter
                << (anchor.expired ? " (EXPIRED: cards it signed still verify, new ones not)" : "")
                << "  [" << anchor.file.filename().string() << "]\n";
        }
        for (const auto& list : icao::listRevocationLists(directory)) {
            out << "  revocation list of " << list.issuer << ": " << list.revokedCount
                << " revoked, issued " << list.lastUpdate;
            if (!list.nextUpdate.empty()) {
                out << ", next due " << list.nextUpdate;
            }
            out << (list.stale ? " (OUT OF DATE: still applied; put the newer list in a pack)" : "")
                << "  [" << list.file.filename().string() << "]\n";
        }
        total += static_cast<int>(anchors.size());
    }
    if (total == 0) {
        out << "No CSCA certificate is trusted: every card reads as \"unknown issuer\". Put the "
               "CSCA list in csca_dir or in a signed content pack's csca/ folder.\n";
        return 1;
    }
    return 0;
}

} // namespace kiosk
