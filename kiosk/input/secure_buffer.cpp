// The one place the input module touches OpenSSL: a wipe the compiler cannot optimise away.
#include "kiosk/input/secure_buffer.hpp"

#include <openssl/crypto.h>

namespace kiosk::input {

void wipeBytes(void* data, std::size_t size) noexcept {
    if (data != nullptr && size > 0) {
        OPENSSL_cleanse(data, size);
    }
}

} // namespace kiosk::input
