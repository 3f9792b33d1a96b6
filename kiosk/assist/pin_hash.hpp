// PINs of volunteers and the maintainer: shape rules and salted scrypt hashes with their params.
#pragma once

#include "drivers/common/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

enum class PinRole { Volunteer, Maintainer };

// A volunteer PIN is 4 to 8 digits, the maintainer's 6 to 12: the maintainer can do more.
Status checkPinShape(std::string_view pin, PinRole role);

// True for the PINs a stranger tries first: one digit repeated (0000), a run up or down
// (1234, 9876), or two digits taking turns (1212).
bool isEasyPin(std::string_view pin);

// What a newly chosen PIN must pass: the shape, and not easy ("assist.easy_pin").
Status checkNewPin(std::string_view pin, PinRole role);

// scrypt cost. The default (N=2^15, r=8, p=1: 32 MiB, a few hundred ms on a Pi) makes guessing
// a stolen database slow; tests pass a smaller N. The params are stored with each hash, so
// raising them later still verifies old hashes.
struct PinHashParams {
    std::uint64_t n = std::uint64_t{1} << 15;
    std::uint64_t r = 8;
    std::uint64_t p = 1;
};

// "scrypt$N$r$p$<salt hex>$<hash hex>" with a fresh 16-byte salt from RAND_bytes.
Result<std::string> hashPin(std::string_view pin, const PinHashParams& params);

enum class PinMatch { Match, NoMatch };

// Recomputes with the stored salt and params and compares in constant time. Fails only when
// `stored` is not a hash this code wrote.
Result<PinMatch> verifyPin(std::string_view pin, std::string_view stored);

} // namespace kiosk
