// Streaming SHA-256 (OpenSSL EVP) for pack payloads and installed-file checks.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

struct evp_md_ctx_st;

namespace kiosk {

class Sha256 {
public:
    Sha256();
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;
    ~Sha256();

    void update(const void* data, std::size_t size);
    // Ends this digest and returns it as 64 lowercase hex digits; the object restarts empty.
    std::string finishHex();

private:
    struct Free {
        void operator()(evp_md_ctx_st* ctx) const;
    };
    std::unique_ptr<evp_md_ctx_st, Free> ctx_;
};

std::string sha256Hex(const void* data, std::size_t size);

} // namespace kiosk
