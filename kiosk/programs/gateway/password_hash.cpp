// scrypt password hashing with a random salt and a constant-time comparison.
#include "kiosk/programs/gateway/password_hash.hpp"

#include "kiosk/outbox/sealed_box.hpp"

#include <openssl/evp.h>
#include <sstream>
#include <vector>

namespace kiosk {
namespace {

constexpr int kLogN = 15;
constexpr int kR = 8;
constexpr int kP = 1;
constexpr std::size_t kKeyBytes = 32;
// OpenSSL refuses scrypt parameters needing more than `maxmem`: 128 * r * N bytes = 32 MiB
// here, so allow a little more than that for its own bookkeeping.
constexpr std::uint64_t kMaxMemory = 64ull * 1024 * 1024;

std::string hex(const std::vector<unsigned char>& bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 15];
    }
    return out;
}

std::vector<unsigned char> unhex(const std::string& text) {
    std::vector<unsigned char> out;
    if (text.size() % 2 != 0) {
        return out;
    }
    for (std::size_t i = 0; i < text.size(); i += 2) {
        out.push_back(static_cast<unsigned char>(std::stoi(text.substr(i, 2), nullptr, 16)));
    }
    return out;
}

std::vector<unsigned char> derive(const std::string& password,
                                  const std::vector<unsigned char>& salt, int logN, int r, int p) {
    std::vector<unsigned char> key(kKeyBytes);
    if (logN < 10 || logN > 20 || r < 1 || r > 16 || p < 1 || p > 4 ||
        EVP_PBE_scrypt(password.data(), password.size(), salt.data(), salt.size(),
                       std::uint64_t{1} << logN, static_cast<std::uint64_t>(r),
                       static_cast<std::uint64_t>(p), kMaxMemory, key.data(), key.size()) != 1) {
        return {};
    }
    return key;
}

} // namespace

std::string hashPassword(const std::string& password) {
    Bytes saltBytes = randomBytes(16);
    std::vector<unsigned char> salt(saltBytes.begin(), saltBytes.end());
    auto key = derive(password, salt, kLogN, kR, kP);
    std::ostringstream out;
    out << "scrypt$" << kLogN << '$' << kR << '$' << kP << '$' << hex(salt) << '$' << hex(key);
    return out.str();
}

bool verifyPassword(const std::string& password, const std::string& stored) {
    std::vector<std::string> parts;
    std::stringstream in(stored);
    for (std::string part; std::getline(in, part, '$');) {
        parts.push_back(part);
    }
    if (parts.size() != 6 || parts[0] != "scrypt") {
        return false;
    }
    try {
        auto key = derive(password, unhex(parts[4]), std::stoi(parts[1]), std::stoi(parts[2]),
                          std::stoi(parts[3]));
        return !key.empty() && equalSecrets(hex(key), parts[5]);
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace kiosk
