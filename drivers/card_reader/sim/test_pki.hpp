// A throwaway country signing CA and document signer, generated at run time for simulated cards.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <filesystem>
#include <memory>

typedef struct evp_pkey_st EVP_PKEY;
typedef struct x509_st X509;

namespace kiosk::sim {

struct PkeyFree {
    void operator()(EVP_PKEY* key) const;
};
struct X509Free {
    void operator()(X509* cert) const;
};

// Test-only keys: P-256, made fresh each run, never written to disk except the CSCA certificate
// (public) for the trust store. Names say "TEST" so nobody mistakes them for Bộ Công an's.
struct TestPki {
    std::unique_ptr<EVP_PKEY, PkeyFree> cscaKey;
    std::unique_ptr<X509, X509Free> cscaCert;
    std::unique_ptr<EVP_PKEY, PkeyFree> signerKey;
    std::unique_ptr<X509, X509Free> signerCert;
};

Result<TestPki> generateTestPki();
// Writes the CSCA certificate as PEM to `file` (a trust store directory entry).
Status writeCscaCertificate(const TestPki& pki, const std::filesystem::path& file);

// A revocation list (CRL) for the test CSCA, as a country publishes beside its CSCA list.
enum class RevocationListKind {
    RevokesSigner,       // signed by the CSCA, lists the document signer
    RevokesNothing,      // signed by the CSCA, lists nobody
    ForgedRevokesSigner, // lists the document signer, but signed by another key
};
Status writeRevocationList(const TestPki& pki, const std::filesystem::path& file,
                           RevocationListKind kind);

} // namespace kiosk::sim
