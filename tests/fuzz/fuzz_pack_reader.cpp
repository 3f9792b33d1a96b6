// libFuzzer target: the .kpack container reader on arbitrary bytes (header, lengths, entries).
#include "kiosk/content/pack_format.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <sys/mman.h>
#include <unistd.h>

namespace {

class Discard : public kiosk::EntrySink {
public:
    kiosk::Status beginFile(const kiosk::ManifestFile&) override { return kiosk::ok(); }
    kiosk::Status writeData(std::span<const std::uint8_t>) override { return kiosk::ok(); }
    kiosk::Status endFile(const kiosk::ManifestFile&) override { return kiosk::ok(); }
};

} // namespace

// No trusted key can match random bytes, so this explores everything up to and including the
// signature check; the manifest and entry parsers have their own target (fuzz_pack_manifest).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    int fd = ::memfd_create("pack", MFD_CLOEXEC);
    if (fd < 0) {
        return 0;
    }
    if (::write(fd, data, size) == static_cast<ssize_t>(size)) {
        std::vector<kiosk::TrustedKey> keys(1);
        auto reader = kiosk::PackReader::open("/proc/self/fd/" + std::to_string(fd), keys,
                                              kiosk::PackLimits{});
        if (reader) {
            Discard sink;
            (void)reader->readEntries(sink);
        }
    }
    ::close(fd);
    return 0;
}
