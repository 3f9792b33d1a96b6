// Run-time generation of a test CSCA and document signer with OpenSSL.
#include "drivers/card_reader/sim/test_pki.hpp"

#include <cstdio>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace kiosk::sim {

void PkeyFree::operator()(EVP_PKEY* key) const {
    EVP_PKEY_free(key);
}
void X509Free::operator()(X509* cert) const {
    X509_free(cert);
}

namespace {

bool addExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (ext == nullptr) {
        return false;
    }
    bool added = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return added;
}

std::unique_ptr<X509, X509Free> makeCertificate(EVP_PKEY* subjectKey, const char* commonName,
                                                long serial, long days, X509* issuer,
                                                EVP_PKEY* issuerKey, bool ca) {
    std::unique_ptr<X509, X509Free> cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -86400);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), days * 86400);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("VN"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("Kiosk simulator TEST"), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(commonName), -1, -1, 0);
    X509* issuerCert = issuer != nullptr ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert));
    X509_set_pubkey(cert.get(), subjectKey);
    bool good = addExtension(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
    if (ca) {
        good = good &&
               addExtension(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:TRUE") &&
               addExtension(cert.get(), issuerCert, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        good = good &&
               addExtension(cert.get(), issuerCert, NID_authority_key_identifier, "keyid:always") &&
               addExtension(cert.get(), issuerCert, NID_key_usage, "critical,digitalSignature");
    }
    if (!good || X509_sign(cert.get(), issuerKey, EVP_sha256()) == 0) {
        return nullptr;
    }
    return cert;
}

} // namespace

Result<TestPki> generateTestPki() {
    TestPki pki;
    pki.cscaKey.reset(EVP_EC_gen("P-256"));
    pki.signerKey.reset(EVP_EC_gen("P-256"));
    if (!pki.cscaKey || !pki.signerKey) {
        return makeError("pki.keygen", "could not generate test keys");
    }
    pki.cscaCert = makeCertificate(pki.cscaKey.get(), "TEST CSCA VN (simulator, not real)", 1, 3650,
                                   nullptr, pki.cscaKey.get(), true);
    if (!pki.cscaCert) {
        return makeError("pki.cert", "could not make the test CSCA certificate");
    }
    pki.signerCert =
        makeCertificate(pki.signerKey.get(), "TEST Document Signer VN (simulator, not real)", 2,
                        365, pki.cscaCert.get(), pki.cscaKey.get(), false);
    if (!pki.signerCert) {
        return makeError("pki.cert", "could not make the test document signer certificate");
    }
    return pki;
}

Status writeCscaCertificate(const TestPki& pki, const std::filesystem::path& file) {
    FILE* out = std::fopen(file.c_str(), "w");
    if (out == nullptr) {
        return makeError("pki.write", "cannot write " + file.string());
    }
    bool written = PEM_write_X509(out, pki.cscaCert.get()) == 1;
    std::fclose(out);
    if (!written) {
        return makeError("pki.write", "cannot write " + file.string());
    }
    return ok();
}

Status writeRevocationList(const TestPki& pki, const std::filesystem::path& file,
                           RevocationListKind kind) {
    std::unique_ptr<X509_CRL, decltype(&X509_CRL_free)> crl(X509_CRL_new(), X509_CRL_free);
    std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> last(ASN1_TIME_new(), ASN1_TIME_free);
    std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> next(ASN1_TIME_new(), ASN1_TIME_free);
    bool good =
        crl && last && next && X509_CRL_set_version(crl.get(), 1) == 1 &&
        X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(pki.cscaCert.get())) == 1 &&
        X509_gmtime_adj(last.get(), -3600) != nullptr &&
        X509_gmtime_adj(next.get(), 90L * 86400) != nullptr &&
        X509_CRL_set1_lastUpdate(crl.get(), last.get()) == 1 &&
        X509_CRL_set1_nextUpdate(crl.get(), next.get()) == 1;
    if (good && kind != RevocationListKind::RevokesNothing) {
        X509_REVOKED* entry = X509_REVOKED_new();
        good = entry != nullptr &&
               X509_REVOKED_set_serialNumber(entry, X509_get_serialNumber(pki.signerCert.get())) ==
                   1 &&
               X509_REVOKED_set_revocationDate(entry, last.get()) == 1 &&
               X509_CRL_add0_revoked(crl.get(), entry) == 1;
        if (!good) {
            X509_REVOKED_free(entry);
        }
    }
    // A forged list is signed by a key that is not the CSCA's (the document signer's here).
    EVP_PKEY* key =
        kind == RevocationListKind::ForgedRevokesSigner ? pki.signerKey.get() : pki.cscaKey.get();
    good = good && X509_CRL_sort(crl.get()) == 1 && X509_CRL_sign(crl.get(), key, EVP_sha256()) > 0;
    if (!good) {
        return makeError("pki.crl", "could not make the test revocation list");
    }
    FILE* out = std::fopen(file.c_str(), "w");
    if (out == nullptr) {
        return makeError("pki.write", "cannot write " + file.string());
    }
    bool written = PEM_write_X509_CRL(out, crl.get()) == 1;
    std::fclose(out);
    if (!written) {
        return makeError("pki.write", "cannot write " + file.string());
    }
    return ok();
}

} // namespace kiosk::sim
