// scrypt hashing and verification of PINs (OpenSSL EVP_PBE_scrypt), with the params stored.
#include "kiosk/assist/pin_hash.hpp"

#include "drivers/common/hex.hpp"

#include <array>
#include <charconv>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <vector>

namespace kiosk {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
// Enough for N up to 2^16 with r=8 (128 * N * r bytes) plus OpenSSL's own bookkeeping.
constexpr std::uint64_t kMaxMemory = 160ull * 1024 * 1024;

bool fromHex(std::string_view text, std::vector<std::uint8_t>& out) {
    auto bytes = parseHex(text);
    if (!bytes) {
        return false;
    }
    out = std::move(*bytes);
    return true;
}

bool derive(std::string_view pin, const std::uint8_t* salt, std::size_t saltSize,
            const PinHashParams& params, std::uint8_t* out, std::size_t outSize) {
    return EVP_PBE_scrypt(pin.data(), pin.size(), salt, saltSize, params.n, params.r, params.p,
                          kMaxMemory, out, outSize) == 1;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        auto end = text.find(separator, start);
        parts.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos) {
            return parts;
        }
        start = end + 1;
    }
}

bool parseNumber(std::string_view text, std::uint64_t& value) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc{} && end == text.data() + text.size();
}

} // namespace

Status checkPinShape(std::string_view pin, PinRole role) {
    std::size_t shortest = role == PinRole::Volunteer ? 4 : 6;
    std::size_t longest = role == PinRole::Volunteer ? 8 : 12;
    bool digits = !pin.empty();
    for (char c : pin) {
        digits = digits && c >= '0' && c <= '9';
    }
    if (!digits || pin.size() < shortest || pin.size() > longest) {
        return makeError("assist.bad_pin_shape", "a PIN is " + std::to_string(shortest) + " to " +
                                                     std::to_string(longest) + " digits");
    }
    return ok();
}

bool isEasyPin(std::string_view pin) {
    if (pin.size() < 2) {
        return true;
    }
    bool same = true;
    bool up = true;
    bool down = true;
    bool alternating = pin.size() >= 4 && pin[0] != pin[1];
    for (std::size_t i = 1; i < pin.size(); ++i) {
        same = same && pin[i] == pin[0];
        up = up && pin[i] == pin[i - 1] + 1;
        down = down && pin[i] == pin[i - 1] - 1;
        alternating = alternating && pin[i] == pin[i % 2];
    }
    return same || up || down || alternating;
}

Status checkNewPin(std::string_view pin, PinRole role) {
    if (auto shape = checkPinShape(pin, role); !shape) {
        return shape;
    }
    if (isEasyPin(pin)) {
        return makeError("assist.easy_pin", "a PIN like 0000, 1234 or 1212 is too easy to guess");
    }
    return ok();
}

Result<std::string> hashPin(std::string_view pin, const PinHashParams& params) {
    std::array<std::uint8_t, kSaltBytes> salt{};
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
        return makeError("assist.no_entropy", "OpenSSL RAND_bytes could not produce a salt");
    }
    std::array<std::uint8_t, kHashBytes> hash{};
    if (!derive(pin, salt.data(), salt.size(), params, hash.data(), hash.size())) {
        return makeError("assist.hash_failed",
                         "scrypt refused the parameters or ran out of memory");
    }
    return "scrypt$" + std::to_string(params.n) + "$" + std::to_string(params.r) + "$" +
           std::to_string(params.p) + "$" + toHex(salt, LetterCase::Lower) + "$" +
           toHex(hash, LetterCase::Lower);
}

Result<PinMatch> verifyPin(std::string_view pin, std::string_view stored) {
    auto bad = makeError("assist.bad_pin_hash", "the stored PIN hash is not in a known format");
    auto parts = split(stored, '$');
    if (parts.size() != 6 || parts[0] != "scrypt") {
        return bad;
    }
    PinHashParams params;
    std::vector<std::uint8_t> salt;
    std::vector<std::uint8_t> expected;
    if (!parseNumber(parts[1], params.n) || !parseNumber(parts[2], params.r) ||
        !parseNumber(parts[3], params.p) || !fromHex(parts[4], salt) ||
        !fromHex(parts[5], expected) || expected.empty() || salt.empty()) {
        return bad;
    }
    std::vector<std::uint8_t> actual(expected.size());
    if (!derive(pin, salt.data(), salt.size(), params, actual.data(), actual.size())) {
        return makeError("assist.hash_failed", "scrypt refused the stored parameters");
    }
    return CRYPTO_memcmp(actual.data(), expected.data(), expected.size()) == 0 ? PinMatch::Match
                                                                               : PinMatch::NoMatch;
}

} // namespace kiosk
