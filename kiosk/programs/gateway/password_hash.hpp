// Officer passwords, hashed with scrypt (memory-hard, RFC 7914) through OpenSSL.
#pragma once

#include <string>

namespace kiosk {

// "scrypt$<log2 N>$<r>$<p>$<salt hex>$<key hex>". N = 2^15, r = 8, p = 1 takes 32 MiB and
// about a tenth of a second per try, so guessing offline costs memory as well as time, while
// the lockout below stops guessing online.
std::string hashPassword(const std::string& password);
bool verifyPassword(const std::string& password, const std::string& stored);

} // namespace kiosk
