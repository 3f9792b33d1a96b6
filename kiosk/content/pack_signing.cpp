// Ed25519 over OpenSSL 3 EVP (EVP_PKEY_ED25519, one-shot EVP_DigestSign with no digest).
#include "kiosk/content/pack_signing.hpp"

#include "kiosk/content/fs_util.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {
namespace {

// PEM key files are a few hundred bytes; anything large is not a key.
constexpr std::uint64_t kMaxKeyFileBytes = 16 * 1024;

struct BioFree {
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

std::string bioText(BIO* bio) {
    char* data = nullptr;
    long size = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(size));
}

Status writeNewFile(const std::filesystem::path& path, const std::string& text, mode_t mode) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
    if (fd < 0) {
        return makeError("io_error", "cannot create " + path.string() + ": " + errnoText(errno) +
                                         (errno == EEXIST ? " (will not overwrite a key)" : ""));
    }
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) {
            ::close(fd);
            return makeError("io_error", "cannot write " + path.string());
        }
        done += static_cast<std::size_t>(n);
    }
    ::fchmod(fd, mode); // the umask must not widen or narrow what was asked for
    ::fsync(fd);
    ::close(fd);
    return ok();
}

Result<Ed25519Key> parseKey(const std::filesystem::path& path, bool isPrivate) {
    auto text = readWholeFile(path, kMaxKeyFileBytes);
    if (!text) {
        return text.error();
    }
    BioPtr bio(BIO_new_mem_buf(text->data(), static_cast<int>(text->size())));
    EVP_PKEY* key = isPrivate ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                              : PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
    if (key == nullptr) {
        return makeError("bad_key", path.string() + " is not a PEM " +
                                        (isPrivate ? "private" : "public") + " key");
    }
    Ed25519Key owned(key);
    if (EVP_PKEY_get_id(key) != EVP_PKEY_ED25519) {
        return makeError("bad_key", path.string() + " is not an Ed25519 key");
    }
    return owned;
}

} // namespace

void Ed25519Key::Free::operator()(evp_pkey_st* key) const {
    EVP_PKEY_free(key);
}

Status generateKeyPair(const std::filesystem::path& privatePath) {
    EVP_PKEY* raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (raw == nullptr) {
        return makeError("crypto_error", "OpenSSL could not generate an Ed25519 key");
    }
    Ed25519Key key(raw);
    BioPtr privateBio(BIO_new(BIO_s_mem()));
    BioPtr publicBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(privateBio.get(), raw, nullptr, nullptr, 0, nullptr, nullptr) !=
            1 ||
        PEM_write_bio_PUBKEY(publicBio.get(), raw) != 1) {
        return makeError("crypto_error", "OpenSSL could not encode the key");
    }
    std::filesystem::path publicPath = privatePath;
    publicPath += ".pub";
    if (Status written = writeNewFile(privatePath, bioText(privateBio.get()), 0600); !written) {
        return written;
    }
    return writeNewFile(publicPath, bioText(publicBio.get()), 0644);
}

Result<Ed25519Key> loadPrivateKey(const std::filesystem::path& path) {
    return parseKey(path, true);
}

Result<Ed25519Key> loadPublicKey(const std::filesystem::path& path) {
    return parseKey(path, false);
}

Result<std::vector<std::uint8_t>> signMessage(const Ed25519Key& privateKey,
                                              std::span<const std::uint8_t> message) {
    MdCtxPtr ctx(EVP_MD_CTX_new());
    std::vector<std::uint8_t> signature(kEd25519SignatureBytes);
    std::size_t length = signature.size();
    if (EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, privateKey.get()) != 1 ||
        EVP_DigestSign(ctx.get(), signature.data(), &length, message.data(), message.size()) != 1 ||
        length != kEd25519SignatureBytes) {
        return makeError("crypto_error", "OpenSSL could not sign with this key");
    }
    return signature;
}

bool verifySignature(const Ed25519Key& publicKey, std::span<const std::uint8_t> message,
                     std::span<const std::uint8_t> signature) {
    if (!publicKey || signature.size() != kEd25519SignatureBytes) {
        return false;
    }
    MdCtxPtr ctx(EVP_MD_CTX_new());
    return EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, publicKey.get()) == 1 &&
           EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(),
                            message.size()) == 1;
}

Result<std::vector<TrustedKey>> loadTrustStore(const std::filesystem::path& dir) {
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        if (entry.path().extension() == ".pub") {
            files.push_back(entry.path());
        }
    }
    if (error) {
        return makeError("no_trusted_keys",
                         "cannot read the trust store " + dir.string() + ": " + error.message());
    }
    std::sort(files.begin(), files.end());
    std::vector<TrustedKey> keys;
    for (const auto& file : files) {
        auto key = loadPublicKey(file);
        if (!key) {
            return key.error();
        }
        keys.push_back(TrustedKey{file.filename().string(), std::move(key.value())});
    }
    if (keys.empty()) {
        return makeError("no_trusted_keys",
                         "the trust store " + dir.string() + " holds no *.pub key");
    }
    return keys;
}

} // namespace kiosk
