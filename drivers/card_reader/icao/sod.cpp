// EF.SOD parsing and passive authentication with OpenSSL CMS and X509_STORE.
#include "drivers/card_reader/icao/sod.hpp"

#include "drivers/card_reader/icao/tlv.hpp"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <iterator>
#include <memory>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <utility>

namespace kiosk::icao {
namespace {

// 9303-10 §4.6.2.2: id-icao-mrtd-security-ldsSecurityObject.
constexpr const char* kLdsSecurityObjectOid = "2.23.136.1.1.1";

template <typename T, void (*Free)(T*)> struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX, X509_STORE_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;

void freeCertStack(STACK_OF(X509) * certs) {
    sk_X509_pop_free(certs, X509_free);
}
using CertStackPtr = std::unique_ptr<STACK_OF(X509), Deleter<STACK_OF(X509), freeCertStack>>;

std::string openSslReason() {
    unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) {
        return "unknown OpenSSL error";
    }
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return buffer;
}

CmsPtr loadCms(std::span<const std::uint8_t> der) {
    BioPtr bio(BIO_new_mem_buf(der.data(), static_cast<int>(der.size())));
    return CmsPtr(bio ? d2i_CMS_bio(bio.get(), nullptr) : nullptr);
}

std::string oidText(const ASN1_OBJECT* object) {
    char buffer[128];
    OBJ_obj2txt(buffer, sizeof buffer, object, 1);
    return buffer;
}

using CrlPtr = std::unique_ptr<X509_CRL, Deleter<X509_CRL, X509_CRL_free>>;

// What one file of a trust directory holds: CSCA certificates and revocation lists (PEM,
// several per file, or one DER object). Anything else is skipped.
struct TrustFileContents {
    std::vector<X509Ptr> certificates;
    std::vector<CrlPtr> revocationLists;
};

TrustFileContents readTrustFile(const std::filesystem::path& file) {
    TrustFileContents contents;
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    // PEM: certificates and CRLs may share a file, in any order.
    if (STACK_OF(X509_INFO)* infos = PEM_X509_INFO_read_bio(bio.get(), nullptr, nullptr, nullptr)) {
        while (X509_INFO* info = sk_X509_INFO_shift(infos)) {
            if (info->x509 != nullptr) {
                contents.certificates.emplace_back(std::exchange(info->x509, nullptr));
            }
            if (info->crl != nullptr) {
                contents.revocationLists.emplace_back(std::exchange(info->crl, nullptr));
            }
            X509_INFO_free(info);
        }
        sk_X509_INFO_free(infos);
    }
    ERR_clear_error();
    if (contents.certificates.empty() && contents.revocationLists.empty()) {
        const auto* der = reinterpret_cast<const unsigned char*>(bytes.data());
        if (X509* cert = d2i_X509(nullptr, &der, static_cast<long>(bytes.size()))) {
            contents.certificates.emplace_back(cert);
        } else {
            der = reinterpret_cast<const unsigned char*>(bytes.data());
            if (X509_CRL* crl = d2i_X509_CRL(nullptr, &der, static_cast<long>(bytes.size()))) {
                contents.revocationLists.emplace_back(crl);
            }
        }
        ERR_clear_error();
    }
    return contents;
}

template <class Visit> void forEachTrustFile(const std::filesystem::path& directory, Visit visit) {
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        if (entry.is_regular_file()) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        visit(file, readTrustFile(file));
    }
}

// Loads every certificate into the store and keeps every revocation list aside: they are
// checked by hand, only where an issuer published one (X509_V_FLAG_CRL_CHECK would fail every
// card whose country publishes no list).
int loadTrustStore(X509_STORE* store, const std::filesystem::path& directory,
                   std::vector<CrlPtr>& revocationLists) {
    int loaded = 0;
    forEachTrustFile(directory, [&](const std::filesystem::path&, TrustFileContents contents) {
        for (const auto& cert : contents.certificates) {
            loaded += X509_STORE_add_cert(store, cert.get()) == 1 ? 1 : 0;
        }
        for (auto& crl : contents.revocationLists) {
            revocationLists.push_back(std::move(crl));
        }
    });
    ERR_clear_error();
    return loaded;
}

std::string dateOf(const ASN1_TIME* time) {
    std::tm tm{};
    if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1) {
        return {};
    }
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
    return date;
}

std::string nameLine(const X509_NAME* name) {
    char text[256];
    X509_NAME_oneline(name, text, sizeof text);
    return text;
}

// Is `cert` on a list its `issuer` signed? A list whose signature does not verify under the
// issuer's key is ignored: it cannot un-revoke anything, and a forged one must not revoke.
bool revokedBy(const std::vector<CrlPtr>& revocationLists, X509* cert, X509* issuer) {
    EVP_PKEY* issuerKey = X509_get0_pubkey(issuer);
    for (const auto& crl : revocationLists) {
        if (X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_issuer_name(cert)) != 0 ||
            issuerKey == nullptr || X509_CRL_verify(crl.get(), issuerKey) != 1) {
            continue;
        }
        X509_REVOKED* entry = nullptr;
        if (X509_CRL_get0_by_cert(crl.get(), &entry, cert) == 1) {
            ERR_clear_error();
            return true;
        }
    }
    ERR_clear_error();
    return false;
}

} // namespace

Result<Bytes> sodCms(std::span<const std::uint8_t> sodFile) {
    auto outer = parseTlv(sodFile);
    if (!outer || outer->tag != 0x77) {
        return makeError("sod.malformed", "EF.SOD does not start with tag 77");
    }
    return Bytes(outer->value.begin(), outer->value.end());
}

Result<LdsSecurityObject> parseLdsSecurityObject(std::span<const std::uint8_t> der) {
    auto top = parseTlv(der);
    if (!top || top->tag != 0x30) {
        return makeError("sod.malformed", "LDS security object is not a SEQUENCE");
    }
    auto fields = parseTlvList(top->value);
    if (!fields || fields->size() < 3 || (*fields)[0].tag != 0x02 || (*fields)[1].tag != 0x30 ||
        (*fields)[2].tag != 0x30) {
        return makeError("sod.malformed", "LDS security object fields are missing");
    }
    auto algorithm = parseTlvList((*fields)[1].value);
    if (!algorithm || algorithm->empty() || (*algorithm)[0].tag != 0x06) {
        return makeError("sod.malformed", "hash algorithm identifier is malformed");
    }
    const auto& oid = (*algorithm)[0];
    const unsigned char* p = oid.value.data() - oid.headerLength;
    ASN1_OBJECT* object = d2i_ASN1_OBJECT(nullptr, &p, static_cast<long>(oid.totalLength()));
    if (object == nullptr) {
        ERR_clear_error();
        return makeError("sod.malformed", "hash algorithm OID does not decode");
    }
    const EVP_MD* md = EVP_get_digestbyobj(object);
    ASN1_OBJECT_free(object);
    if (md == nullptr) {
        return makeError("sod.unsupported", "SOD uses a hash algorithm OpenSSL does not know");
    }
    LdsSecurityObject lds;
    lds.hashAlgorithm = EVP_MD_get0_name(md);
    auto hashes = parseTlvList((*fields)[2].value);
    if (!hashes) {
        return makeError("sod.malformed", "data group hash list is malformed");
    }
    for (const auto& entry : *hashes) {
        auto parts = entry.tag == 0x30 ? parseTlvList(entry.value)
                                       : Result<std::vector<Tlv>>(makeError("", ""));
        if (!parts || parts->size() != 2 || (*parts)[0].tag != 0x02 ||
            (*parts)[0].value.size() != 1 || (*parts)[1].tag != 0x04) {
            return makeError("sod.malformed", "data group hash entry is malformed");
        }
        lds.hashes.push_back(DataGroupHash{
            (*parts)[0].value[0], Bytes((*parts)[1].value.begin(), (*parts)[1].value.end())});
    }
    return lds;
}

Result<LdsSecurityObject> parseSod(std::span<const std::uint8_t> sodFile) {
    auto der = sodCms(sodFile);
    if (!der) {
        return der.error();
    }
    CmsPtr cms = loadCms(*der);
    if (!cms) {
        ERR_clear_error();
        return makeError("sod.malformed", "EF.SOD is not a CMS structure");
    }
    if (oidText(CMS_get0_eContentType(cms.get())) != kLdsSecurityObjectOid) {
        return makeError("sod.malformed", "EF.SOD does not hold an LDS security object");
    }
    ASN1_OCTET_STRING** content = CMS_get0_content(cms.get());
    if (content == nullptr || *content == nullptr) {
        return makeError("sod.malformed", "EF.SOD has no encapsulated content");
    }
    return parseLdsSecurityObject(std::span<const std::uint8_t>(
        ASN1_STRING_get0_data(*content), static_cast<std::size_t>(ASN1_STRING_length(*content))));
}

PassiveAuthReport verifyPassiveAuth(std::span<const std::uint8_t> sodFile,
                                    const std::vector<DataGroupFile>& files,
                                    const std::filesystem::path& trustStore,
                                    const std::vector<std::filesystem::path>& moreTrustStores) {
    PassiveAuthReport report;
    report.outcome = PassiveAuthOutcome::NotVerified;
    auto der = sodCms(sodFile);
    if (!der) {
        report.reason = der.error().message;
        return report;
    }
    CmsPtr cms = loadCms(*der);
    if (!cms) {
        report.reason = "EF.SOD is not CMS: " + openSslReason();
        return report;
    }
    if (oidText(CMS_get0_eContentType(cms.get())) != kLdsSecurityObjectOid) {
        report.reason = "EF.SOD does not hold an LDS security object";
        return report;
    }
    // 1. Signature over signedAttrs (with messageDigest of the content) by the embedded DS cert.
    BioPtr content(BIO_new(BIO_s_mem()));
    if (CMS_verify(cms.get(), nullptr, nullptr, nullptr, content.get(),
                   CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1) {
        report.reason = "SOD signature does not verify: " + openSslReason();
        return report;
    }
    report.signatureValid = true;

    // 2. Hash of every data group as read.
    char* contentData = nullptr;
    long contentLength = BIO_get_mem_data(content.get(), &contentData);
    auto lds = parseLdsSecurityObject(
        std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(contentData),
                                      static_cast<std::size_t>(contentLength)));
    if (!lds) {
        report.reason = lds.error().message;
        return report;
    }
    for (const auto& entry : lds->hashes) {
        report.signedGroups.push_back(entry.number);
    }
    const EVP_MD* md = EVP_get_digestbyname(lds->hashAlgorithm.c_str());
    report.hashesMatch = true;
    for (const auto& file : files) {
        if (file.number < 1 || file.number > 16) {
            continue; // EF.COM and EF.SOD carry no hash
        }
        const DataGroupHash* expected = nullptr;
        for (const auto& entry : lds->hashes) {
            if (entry.number == file.number) {
                expected = &entry;
            }
        }
        Bytes actual(EVP_MAX_MD_SIZE);
        unsigned int length = 0;
        EVP_Digest(file.bytes.data(), file.bytes.size(), actual.data(), &length, md, nullptr);
        actual.resize(length);
        if (expected == nullptr || expected->hash != actual) {
            report.hashesMatch = false;
            report.mismatchedGroups.push_back(file.number);
        }
    }
    if (!report.hashesMatch) {
        report.reason = "a data group does not match its hash in the SOD";
        return report;
    }

    // 3. Document signer -> CSCA. DS certificates expire long before the cards they signed
    // (signing period vs document validity), so the chain is checked without the clock.
    StorePtr store(X509_STORE_new());
    std::vector<CrlPtr> revocationLists;
    int anchors = trustStore.empty() ? 0 : loadTrustStore(store.get(), trustStore, revocationLists);
    for (const auto& more : moreTrustStores) {
        anchors += more.empty() ? 0 : loadTrustStore(store.get(), more, revocationLists);
    }
    CertStackPtr signers(CMS_get0_signers(cms.get()));
    if (!signers || sk_X509_num(signers.get()) < 1) {
        report.reason = "SOD names no signer certificate";
        return report;
    }
    if (anchors == 0) {
        report.outcome = PassiveAuthOutcome::UnknownIssuer;
        report.reason = "no CSCA certificates in the trust store";
        return report;
    }
    STACK_OF(X509)* embedded = CMS_get1_certs(cms.get());
    CertStackPtr untrusted(embedded);
    StoreCtxPtr ctx(X509_STORE_CTX_new());
    X509_STORE_CTX_init(ctx.get(), store.get(), sk_X509_value(signers.get(), 0), untrusted.get());
    X509_STORE_CTX_set_flags(ctx.get(), X509_V_FLAG_NO_CHECK_TIME);
    if (X509_verify_cert(ctx.get()) == 1) {
        report.chainValid = true;
        report.outcome = PassiveAuthOutcome::Verified;
        // Revocation, where the issuer published a list: every certificate below the CSCA.
        CertStackPtr chain(X509_STORE_CTX_get1_chain(ctx.get()));
        for (int i = 0; chain && i + 1 < sk_X509_num(chain.get()); ++i) {
            if (revokedBy(revocationLists, sk_X509_value(chain.get(), i),
                          sk_X509_value(chain.get(), i + 1))) {
                report.outcome = PassiveAuthOutcome::SignerRevoked;
                report.reason = "document signer certificate is on its CSCA's revocation list";
                break;
            }
        }
        return report;
    }
    int error = X509_STORE_CTX_get_error(ctx.get());
    report.reason = std::string("document signer chain: ") + X509_verify_cert_error_string(error);
    ERR_clear_error();
    if (error == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY ||
        error == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT ||
        error == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT ||
        error == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN) {
        report.outcome = PassiveAuthOutcome::UnknownIssuer;
    }
    return report;
}

std::vector<TrustAnchor> listTrustAnchors(const std::filesystem::path& directory) {
    std::vector<TrustAnchor> anchors;
    forEachTrustFile(directory, [&](const std::filesystem::path& file, TrustFileContents contents) {
        for (const auto& cert : contents.certificates) {
            TrustAnchor anchor;
            anchor.file = file;
            anchor.subject = nameLine(X509_get_subject_name(cert.get()));
            anchor.notAfter = dateOf(X509_get0_notAfter(cert.get()));
            anchor.expired = X509_cmp_current_time(X509_get0_notAfter(cert.get())) < 0;
            anchors.push_back(std::move(anchor));
        }
    });
    return anchors;
}

std::vector<RevocationListInfo> listRevocationLists(const std::filesystem::path& directory) {
    std::vector<RevocationListInfo> lists;
    forEachTrustFile(directory, [&](const std::filesystem::path& file, TrustFileContents contents) {
        for (const auto& crl : contents.revocationLists) {
            RevocationListInfo info;
            info.file = file;
            info.issuer = nameLine(X509_CRL_get_issuer(crl.get()));
            info.lastUpdate = dateOf(X509_CRL_get0_lastUpdate(crl.get()));
            info.nextUpdate = dateOf(X509_CRL_get0_nextUpdate(crl.get()));
            const ASN1_TIME* next = X509_CRL_get0_nextUpdate(crl.get());
            info.stale = next != nullptr && X509_cmp_current_time(next) < 0;
            STACK_OF(X509_REVOKED)* revoked = X509_CRL_get_REVOKED(crl.get());
            info.revokedCount = revoked == nullptr ? 0 : sk_X509_REVOKED_num(revoked);
            lists.push_back(std::move(info));
        }
    });
    ERR_clear_error();
    return lists;
}

} // namespace kiosk::icao
